/**
 * `npm run editor:build`: the editor for hosted editing (docs/editor.md) as static files in
 * dist-admin/, a folder of its own: never part of the site's dist/. Publish it on its own address
 * (for example a second site on the same host); saving needs a GitHub sign-in with write access.
 */
import path from 'node:path';
import { contextOrExit } from './lib/site.ts';
import { buildHostedEditor } from '../src/integrations/editor.ts';

const { root } = contextOrExit();
const outDir = path.join(root, 'dist-admin');
const files = await buildHostedEditor(root, outDir);
console.log(`Wrote the hosted editor to dist-admin/ (${files.length} files). See docs/editor.md, "Hosted editing".`);
