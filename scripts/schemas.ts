/**
 * `npm run schemas`: writes the JSON Schemas for editors' YAML files (content/schemas/*.json) from
 * the zod schemas in src/schemas/. Commit the result; a test fails when the files are out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBuildContext } from '../src/config/build-context.ts';
import { generateJsonSchemas, SCHEMA_DIR } from '../src/schemas/json-schema.ts';

const { root } = readBuildContext(process.env, process.cwd());
const dir = path.join(root, SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(path.join(dir, file), text);
  console.log(`Wrote ${path.join(SCHEMA_DIR, file)}`);
}
