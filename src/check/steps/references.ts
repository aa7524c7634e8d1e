/** The references step: themes, partnerships and agencies named in the content exist. */
import { nearest, type Problem } from '../../utils/problems.ts';
import { scalarAt } from '../../utils/yaml/source.ts';
import type { Project, SourceFile } from '../project.ts';
import type { CheckStep } from '../types.ts';
import { error } from './problem-at.ts';

function unknownId(value: string, known: readonly string[], where: string, what: string): string {
  const suggestion = nearest(value, known);
  return `"${value}" is not ${what} in ${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} Use one of the ids listed there, or add it there first`;
}

/** Every document with themes, as (file, themes). */
function themedFiles(project: Project): { file: SourceFile<unknown>; themes: readonly string[] }[] {
  const out: { file: SourceFile<unknown>; themes: readonly string[] }[] = [];
  for (const r of project.reviews) {
    for (const doc of [r.report, r.statement, r.briefing]) if (doc) out.push({ file: doc, themes: doc.data.themes });
  }
  for (const b of project.briefings) out.push({ file: b, themes: b.data.themes });
  for (const n of project.national) out.push({ file: n, themes: n.data.themes });
  return out;
}

/** Themes, partnerships and agencies named in the content exist in content/. */
export const referencesStep: CheckStep = {
  id: 'references',
  title: 'Themes, partnerships and agencies exist',
  run(project) {
    const config = project.config;
    if (!config) return []; // settings, themes or agencies have errors of their own
    const problems: Problem[] = [];
    const themes = config.themes.map((t) => t.id);
    for (const { file, themes: used } of themedFiles(project)) {
      used.forEach((id, i) => {
        if (!themes.includes(id)) problems.push(error(file, ['themes', i], 'unknown-theme', unknownId(id, themes, 'content/themes.yaml', 'a theme')));
      });
    }
    const partnerships = config.settings.partnerships.map((p) => p.id);
    for (const r of project.reviews) {
      r.report?.data.partnerships.forEach((id, i) => {
        if (!partnerships.includes(id)) {
          problems.push(error(r.report!, ['partnerships', i], 'unknown-partnership', unknownId(id, partnerships, 'content/settings.yaml (partnerships)', 'a partnership')));
        }
      });
    }
    const agencies = config.agencies.map((a) => a.id);
    for (const r of project.reviews) {
      const plan = r.plan;
      if (!plan) continue;
      plan.data.recommendations.forEach((rec, ri) =>
        rec.actions.forEach((a, ai) => {
          const field = ['recommendations', ri, 'actions', ai, 'owner'];
          // `owner: police` is one id (the model holds it as a list of one); `owner: [police, icb]` a list.
          const single = scalarAt(plan.source, field) !== undefined;
          a.owner.forEach((id, i) => {
            if (!agencies.includes(id)) {
              problems.push(error(plan, single ? field : [...field, i], 'unknown-owner', unknownId(id, agencies, 'content/agencies.yaml', 'an agency')));
            }
          });
        }),
      );
      plan.data.dissemination.forEach((d, di) =>
        d.audience.forEach((id, i) => {
          if (!agencies.includes(id)) {
            problems.push(error(plan, ['dissemination', di, 'audience', i], 'unknown-agency', unknownId(id, agencies, 'content/agencies.yaml', 'an agency')));
          }
        }),
      );
    }
    return problems;
  },
};
