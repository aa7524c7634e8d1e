/** The briefing-sections step: every 7-minute briefing has seven numbered sections. */
import type { Problem } from '../../utils/problems.ts';
import type { MdxFile } from '../project.ts';
import type { CheckStep } from '../types.ts';

/** The number of sections a 7-minute briefing has. */
export const BRIEFING_SECTIONS = 7;

/**
 * The problems with a briefing's sections: it must have exactly seven level-2 headings
 * (`## `), numbered `1.` to `7.` in order, for example `## 1. Background`. Headings inside
 * fenced code blocks do not count.
 */
export function briefingSectionProblems(doc: Pick<MdxFile<unknown>, 'file' | 'body' | 'bodyLine'>): Problem[] {
  const headings: { text: string; line: number }[] = [];
  let fence: string | undefined;
  doc.body.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      return;
    }
    if (!fence && /^##\s/.test(line)) headings.push({ text: line.trim(), line: doc.bodyLine + i });
  });
  const rule = `A 7-minute briefing has exactly ${BRIEFING_SECTIONS} numbered sections: level-2 headings written "## 1. Background" to "## 7. ...", in order`;
  if (headings.length !== BRIEFING_SECTIONS) {
    const first = headings[BRIEFING_SECTIONS] ?? headings[headings.length - 1];
    return [
      {
        severity: 'error',
        file: doc.file,
        line: headings.length > BRIEFING_SECTIONS ? first?.line : doc.bodyLine,
        column: 1,
        kind: 'briefing-sections',
        message: `${rule}; this file has ${headings.length} level-2 heading${headings.length === 1 ? '' : 's'}${headings.length > BRIEFING_SECTIONS ? ' (the first extra one is on this line)' : ''}`,
      },
    ];
  }
  const problems: Problem[] = [];
  headings.forEach((h, i) => {
    const n = i + 1;
    if (!new RegExp(`^##\\s+${n}\\.\\s+\\S`).test(h.text)) {
      problems.push({
        severity: 'error',
        file: doc.file,
        line: h.line,
        column: 1,
        kind: 'briefing-sections',
        message: `${rule}; heading ${n} should start "## ${n}. " followed by its title, but it is "${h.text}"`,
      });
    }
  });
  return problems;
}

/** Every briefing has seven numbered sections. */
export const briefingSectionsStep: CheckStep = {
  id: 'briefing-sections',
  title: '7-minute briefings have seven numbered sections',
  run(project) {
    return [...project.reviews.flatMap((r) => (r.briefing ? [r.briefing] : [])), ...project.briefings].flatMap(briefingSectionProblems);
  },
};
