/**
 * `npm run schemas`: writes what is generated from the zod schemas in src/schemas/: the JSON
 * Schemas for editors' YAML files (content/schemas/*.json) and the form editor's configuration
 * (src/editor/config.yml, docs/editor.md). Commit the result; tests fail when the files are out
 * of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildContext } from '../src/config/build-context.ts';
import { EDITOR_CONFIG_FILE, generateEditorConfig } from '../src/schemas/editor-config.ts';
import { generateJsonSchemas, SCHEMA_DIR } from '../src/schemas/json-schema.ts';

const { root } = readBuildContext(process.env, process.cwd());
const dir = path.join(root, SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(path.join(dir, file), text);
  console.log(`Wrote ${path.join(SCHEMA_DIR, file)}`);
}
mkdirSync(path.dirname(path.join(root, EDITOR_CONFIG_FILE)), { recursive: true });
writeFileSync(path.join(root, EDITOR_CONFIG_FILE), generateEditorConfig());
console.log(`Wrote ${EDITOR_CONFIG_FILE}`);
