/**
 * Runs a command and measures its wall time and the peak resident memory of its whole process
 * tree (the command, npm, Astro, esbuild, Pagefind's binary...), by sampling /proc every 100 ms
 * and summing RSS over every descendant of the started process. Linux only; elsewhere the peak
 * is reported as 0.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, createWriteStream } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak of the summed RSS of the process tree, in bytes (0 if /proc is not available). */
  peakRss: number;
  exitCode: number;
  /** Combined stdout and stderr, each line prefixed by seconds since start (e.g. "12.3 "). */
  log: string;
}

const PAGE = 4096;
const running = new Set<number>();

/** Stop what we started if the benchmark is interrupted (only our own process groups). */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    process.exit(130);
  });
}

function treeRss(root: number): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    parent.set(pid, Number(fields[1]));
    rss.set(pid, Number(fields[21]) * PAGE);
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    let p: number | undefined = pid;
    for (let depth = 0; p && depth < 50; depth++) {
      if (p === root) {
        total += bytes;
        break;
      }
      p = parent.get(p);
    }
  }
  return total;
}

/** Runs `command args` in `cwd` and measures it. The output goes to `logFile` too, if given. */
export function measure(command: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logFile?: string; echo?: boolean }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (!child.pid) return reject(new Error(`could not start ${command}`));
    running.add(child.pid);
    const file = opts.logFile ? createWriteStream(opts.logFile) : undefined;
    const lines: string[] = [];
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid!));
    }, 100);
    const onData = (chunk: Buffer) => {
      const t = ((performance.now() - start) / 1000).toFixed(1);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        const l = `${t} ${line}`;
        lines.push(l);
        file?.write(`${l}\n`);
        if (opts.echo) process.stderr.write(`    | ${line}\n`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      running.delete(child.pid!);
      file?.end();
      resolve({ ms: performance.now() - start, peakRss: peak, exitCode: code ?? 1, log: lines.join('\n') });
    });
  });
}
