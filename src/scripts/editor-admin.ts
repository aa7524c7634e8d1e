/**
 * The form editor's page (/admin/, `npm run editor` only): registers the project's file formats
 * with Decap CMS (src/utils/editor-formats.ts), then starts it. Decap's own script is loaded
 * before this one, from the project's node_modules, never a CDN.
 */
import { EDITOR_FORMATS, fromFile, toFile, type EditorFormat } from '../utils/editor-formats.ts';

interface DecapCms {
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string },
  ): void;
  init(): void;
}

const cms = (window as unknown as { CMS: DecapCms }).CMS;
for (const [name, format] of Object.entries(EDITOR_FORMATS) as [string, EditorFormat][]) {
  cms.registerCustomFormat(name, format.extension, {
    fromFile: (text) => fromFile(format, text),
    toFile: (data, sortedKeys) => toFile(format, data, sortedKeys),
  });
}
cms.init();
