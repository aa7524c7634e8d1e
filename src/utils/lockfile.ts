/**
 * Completes a package-lock.json (lockfileVersion 3) with the platform-specific optional
 * dependencies that `npm install` left out because the registry did not serve them. See
 * scripts/lockfile-platforms.ts.
 */
interface LockPackage {
  version?: string;
  optional?: boolean;
  dev?: boolean;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}
interface Lockfile {
  packages: Record<string, LockPackage>;
}

const OS: Record<string, string> = { darwin: 'darwin', win32: 'win32', windows: 'win32', freebsd: 'freebsd', android: 'android', linux: 'linux', openbsd: 'openbsd', sunos: 'sunos', aix: 'aix' };
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

/** The os and cpu a platform package's name says it is for (`@pagefind/darwin-arm64` → darwin, arm64). */
export function platformOf(name: string): { os?: string; cpu?: string } {
  const parts = name.replace(/^@[^/]+\//, '').split(/[-_]/);
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.includes('wasm32') ? 'wasm32' : CPU.find((c) => parts.includes(c));
  return { ...(os ? { os } : {}), ...(cpu ? { cpu } : {}) };
}

/** Adds the missing optional platform entries in place; returns their paths. */
export function fixLockfile(lock: Lockfile): string[] {
  const added: string[] = [];
  for (const [where, info] of Object.entries(lock.packages)) {
    for (const [dep, range] of Object.entries(info.optionalDependencies ?? {})) {
      const nested = where ? `${where}/node_modules/${dep}` : `node_modules/${dep}`;
      const top = `node_modules/${dep}`;
      if (lock.packages[nested] || lock.packages[top]) continue;
      const { os, cpu } = platformOf(dep);
      // Only packages that name a platform: anything else missing is a real problem for npm to report.
      if (!os && !cpu) continue;
      lock.packages[top] = {
        version: range.replace(/^[\^~=]/, ''),
        ...(info.dev ? { dev: true } : {}),
        optional: true,
        ...(os ? { os: [os] } : {}),
        ...(cpu ? { cpu: [cpu] } : {}),
      };
      added.push(top);
    }
  }
  return added;
}
