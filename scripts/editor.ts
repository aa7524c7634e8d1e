/**
 * `npm run editor`: the form editor on this computer (docs/editor.md). Starts the site's live
 * preview with the editor (and its local proxy) at /admin/, and prints where to open them.
 *
 *   npm run editor                       editor at http://127.0.0.1:4321/admin/
 *   npm run editor -- --port 4400
 *
 * Stop it with Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { contextOrExit } from './lib/site.ts';
import { startEditor } from '../src/integrations/editor.ts';

const USAGE = 'Usage: npm run editor -- [--port 4321]';
let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port takes a port number, for example 4321.\n${USAGE}`);
  process.exit(2);
}

// The site's dev server runs in the project folder; the forms read and save the content folder
// (CONTENT_ROOT, or the project itself).
const { root: content } = contextOrExit();
const editor = await startEditor({ root: process.cwd(), content, host: '127.0.0.1', port });
console.log(`\nThe editor is at ${editor.adminUrl}\nThe site (with the check's errors, if any) is at ${editor.siteUrl}\nStop with Ctrl+C.\n`);
const stop = () => void editor.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
