/**
 * The anonymisation step of `npm run check`: scans everything that reaches (or will reach) the
 * public site for identifying details with the scanner in src/utils/anonymise/.
 *
 * - What is public today (by the publication gate, src/utils/publication.ts, as the catalogue
 *   applies it) gives errors: the build fails.
 * - What is not public yet (drafts, future dates, withheld or delayed report bodies, draft plans)
 *   gives warnings, so problems surface before the date.
 * - A report marked `published` without its human anonymisation sign-off is reported with why its
 *   text is not published.
 *
 * Scanned: report, statement and briefing frontmatter strings and bodies (standalone briefings
 * too), national entries' strings, and the public fields of action plans (never INTERNAL notes).
 * Site pages are the partnership's own text (and have no `allow:` list), so they are not scanned.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActionPlan } from '../../schemas/action-plan.ts';
import type { Report } from '../../schemas/documents.ts';
import {
  contactsFromSettings,
  findingMessage,
  pseudonymsFromTitle,
  scanDocumentFindings,
  scanFieldFindings,
  type AllowedText,
  type LocatedFinding,
  type PartnershipContacts,
  type TextField,
  WARNING_KINDS,
} from '../../utils/anonymise/index.ts';
import { formatDate, type IsoDate } from '../../utils/dates.ts';
import { bytesDigest } from '../../utils/digest.ts';
import { NO_MEMO, type Memo } from '../memo-file.ts';
import type { Problem } from '../../utils/problems.ts';
import { documentVisibility, HIDDEN_REASON_TEXT, isArchived, reportBodyVisibility, reviewState, type Visibility } from '../../utils/publication.ts';
import { locate } from '../../utils/yaml/source.ts';
import { COVERED_TEXT, missingAccessibility, scanPdfMetadata, scanPdfText } from '../../utils/anonymise/pdf.ts';
import type { PdfFacts } from '../../utils/pdf/facts.ts';
import { readPdfs } from '../pdf-reader.ts';
import type { MdxFile, Project, ReviewFolder, SourceFile } from '../project.ts';
import type { CheckStep } from '../types.ts';

/** The fields of an action plan shown on the public site (INTERNAL `notes` are not). */
export function planPublicFields(plan: ActionPlan): TextField[] {
  const fields: TextField[] = [];
  const add = (p: (string | number)[], value: string | undefined) => {
    if (value) fields.push({ path: p, text: value });
  };
  plan.recommendations.forEach((rec, ri) => {
    add(['recommendations', ri, 'text'], rec.text);
    add(['recommendations', ri, 'responseReason'], rec.responseReason);
    rec.actions.forEach((a, ai) => {
      const base = ['recommendations', ri, 'actions', ai];
      for (const key of ['issue', 'action', 'lead', 'outcome', 'evidence', 'reason'] as const) add([...base, key], a[key]);
      a.revisions.forEach((v, vi) => {
        add([...base, 'revisions', vi, 'reason'], v.reason);
        add([...base, 'revisions', vi, 'agreedBy'], v.agreedBy);
      });
      a.impact.forEach((m, mi) => {
        for (const key of ['measure', 'finding', 'source'] as const) add([...base, 'impact', mi, key], m[key]);
      });
      a.updates.forEach((u, ui) => add([...base, 'updates', ui, 'note'], u.note));
    });
  });
  plan.dissemination.forEach((d, di) => add(['dissemination', di, 'activity'], d.activity));
  return fields;
}

function readText(project: Project, file: string): string | undefined {
  try {
    return readFileSync(path.join(project.root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Turns findings into problems: errors where public, warnings (saying why not public) elsewhere. */
function problems(
  file: string,
  findings: readonly LocatedFinding[],
  visibility: (f: LocatedFinding) => Visibility,
  pseudonyms: readonly string[],
  allowWhere: string,
): Problem[] {
  return findings.map((f) => {
    const v = visibility(f);
    const message = findingMessage(f, { pseudonyms, allowWhere });
    return {
      severity: v.public && !WARNING_KINDS.has(f.kind) ? 'error' : 'warning',
      file,
      line: f.line,
      column: f.column,
      field: f.field,
      kind: 'identifier',
      message: v.public ? message : `${message} (not public yet: ${HIDDEN_REASON_TEXT[v.reason]})`,
    };
  });
}

/**
 * Scans an MDX document (frontmatter and body). The findings for a file read from disk are kept
 * in `memo` by its whole text and every option of the scan: the same text scanned the same way
 * gives the same findings (with the site's code in the key, src/check/scan-memo.ts).
 */
function scanMdx(
  project: Project,
  doc: MdxFile<{ allow: AllowedText[] }>,
  options: { pseudonyms: string[]; contacts: PartnershipContacts; people: string[]; extraAllow?: AllowedText[] },
  memo: Memo,
): LocatedFinding[] {
  const scan = { file: doc.file, pseudonyms: options.pseudonyms, contacts: options.contacts, people: options.people, allow: options.extraAllow };
  const text = readText(project, doc.file);
  if (text !== undefined) return memo.get(['mdx', bytesDigest(text), scan], () => scanDocumentFindings(text, scan));
  // The file cannot be read again (a model built in memory): the body, at its own lines.
  return scanDocumentFindings('\n'.repeat(Math.max(0, doc.bodyLine - 1)) + doc.body, { ...scan, allow: [...(options.extraAllow ?? []), ...doc.data.allow] });
}

const NOT_PUBLIC_REVIEW: Visibility = { public: false, reason: 'scheduled' };

/** Whether the review's entry (title, summary, statement, briefing, plan) is on the site today. */
function reviewEntryVisibility(r: ReviewFolder, today: IsoDate): Visibility {
  if (r.report) {
    const entry = documentVisibility(r.report.data, today);
    if (!entry.public) return entry;
    return reviewState(r.report.data, today) ? entry : { public: false, reason: 'unknown-state' };
  }
  if (r.statement?.data.about) return documentVisibility(r.statement.data, today);
  return NOT_PUBLIC_REVIEW;
}

/** Why a report marked published has no public text for want of its sign-off, or will not have. */
export function signOffProblem(report: SourceFile<Report>, today: IsoDate): Problem | undefined {
  const data = report.data;
  if (data.publication !== 'published' || data.draft) return undefined;
  if (isArchived(data, today)) return undefined;
  const signOff = data.anonymisation;
  const upcoming = data.published > today;
  if (upcoming ? signOff && signOff.date <= data.published : reportBodyVisibility(data, today).public) return undefined;
  const reason = signOff
    ? `its anonymisation sign-off is dated ${formatDate(signOff.date)}, after ${upcoming ? 'its publication date' : 'today'}`
    : HIDDEN_REASON_TEXT['no-anonymisation-sign-off'];
  return {
    severity: 'warning',
    file: report.file,
    ...locate(report.source, signOff ? ['anonymisation', 'date'] : ['publication']),
    field: signOff ? 'anonymisation.date' : 'publication',
    kind: 'anonymisation-sign-off',
    message:
      `the report's text and PDFs ${upcoming ? `will not be published on ${formatDate(data.published)}` : 'are not published'}: ${reason}. ` +
      'Its title and summary are shown, but the report itself stays off the site until a person has read it for anything that ' +
      'could identify the child or family and recorded that in the frontmatter, for example anonymisation: { date: 2025-03-14, role: Business Manager }',
  };
}

/** The PDFs a report lists that are in its folder (a missing one is the attachments step's error). */
function listedPdfs(project: Project): string[] {
  return project.reviews.flatMap((r) => (r.report ? r.report.data.pdfs.filter((p) => r.files.includes(p.file)).map((p) => `${r.dir}/${p.file}`) : []));
}

/**
 * A PDF's problems: identifiers in its text layer (at page and line; under a drawn box said so)
 * and metadata, a file that cannot be read, and what it lacks to be accessible (a warning).
 */
export function pdfProblems(
  facts: PdfFacts,
  visibility: Visibility,
  options: { pseudonyms: string[]; contacts: PartnershipContacts; allow: AllowedText[]; allowWhere: string; people?: string[] },
): Problem[] {
  const severity = (kind?: string): Problem['severity'] => (visibility.public && !WARNING_KINDS.has(kind as never) ? 'error' : 'warning');
  const notYet = visibility.public ? '' : ` (not public yet: ${HIDDEN_REASON_TEXT[visibility.reason]})`;
  if (facts.error !== undefined) {
    return [
      {
        severity: severity(),
        file: facts.file,
        kind: 'pdf-unreadable',
        message: `this file could not be read as a PDF (${facts.error}), so it cannot be checked for anything identifying. Save or export it again as a PDF and replace the file${notYet}`,
      },
    ];
  }
  const scan = { pseudonyms: options.pseudonyms, contacts: options.contacts, allow: options.allow, people: options.people };
  const out: Problem[] = [];
  for (const f of scanPdfText(facts, scan)) {
    const message = findingMessage(f, { pseudonyms: options.pseudonyms, allowWhere: options.allowWhere });
    out.push({
      severity: severity(f.kind),
      file: facts.file,
      field: `page ${f.page}, line ${f.line}`,
      kind: 'identifier',
      message: `on page ${f.page}, line ${f.line}: ${message}${f.covered ? `. Note that ${COVERED_TEXT}` : ''}${notYet}`,
    });
  }
  for (const f of scanPdfMetadata(facts, scan)) {
    out.push({
      severity: severity(f.kind),
      file: facts.file,
      field: `metadata ${f.field}`,
      kind: 'identifier',
      message: `in the PDF's ${f.field} metadata field: ${findingMessage(f, { pseudonyms: options.pseudonyms, allowWhere: options.allowWhere })}. Change it in the document's properties before making the PDF${notYet}`,
    });
  }
  const missing = missingAccessibility(facts);
  if (missing.length > 0) {
    out.push({
      severity: 'warning',
      file: facts.file,
      kind: 'pdf-accessibility',
      message: `this PDF is not accessible: it has no ${missing.join(', no ').replace(/no a /g, 'no ')}. Public sector websites must publish accessible documents: export it again as a tagged PDF with the document's language and title set, or say in the accessibility statement that it does not meet the standard`,
    });
  }
  return out;
}

/** The anonymisation check, as a step. */
export const anonymisationStep: CheckStep = {
  id: 'anonymisation',
  title: 'Nothing identifying reaches a published document',
  run(project, context) {
    const memo = context?.memo ?? NO_MEMO;
    const out: Problem[] = [];
    const today = project.today;
    const contacts = project.config ? contactsFromSettings(project.config.settings) : {};
    // The partnership's own contacts may be named wherever they appear (their labels and notes).
    const contactPeople = (project.config?.settings.contacts ?? []).flatMap((c) => [c.label, c.note ?? '']).filter((t) => t !== '');
    const reviewAllowWhere = "in this document's frontmatter";
    const pdfFacts = new Map(readPdfs(project.root, listedPdfs(project)).map((f) => [f.file, f]));
    for (const r of project.reviews) {
      const title = r.report?.data.title ?? r.statement?.data.title ?? '';
      const pseudonyms = pseudonymsFromTitle(title);
      // The lead reviewers are named on purpose.
      const people = [...(r.report?.data.reviewers ?? []), ...contactPeople];
      const entry = reviewEntryVisibility(r, today);
      const report = r.report;
      if (report) {
        const body = reportBodyVisibility(report.data, today);
        const findings = scanMdx(project, report, { pseudonyms, contacts, people }, memo);
        // Frontmatter strings are public with the review's entry; the body only when the gate lets it out.
        out.push(...problems(report.file, findings, (f) => (f.field !== undefined ? entry : body), pseudonyms, reviewAllowWhere));
        // PDFs are published with the report's text, and only then.
        const pdfVisibility: Visibility = !entry.public ? entry : body;
        for (const pdf of report.data.pdfs) {
          const facts = pdfFacts.get(`${r.dir}/${pdf.file}`);
          if (!facts) continue;
          out.push(...pdfProblems(facts, pdfVisibility, { pseudonyms, contacts, allow: report.data.allow, allowWhere: `in the frontmatter of ${report.file}`, people }));
        }
        const signOff = signOffProblem(report, today);
        if (signOff) out.push(signOff);
      }
      for (const doc of [r.statement, r.briefing]) {
        if (!doc) continue;
        const own = documentVisibility(doc.data, today);
        const v: Visibility = !entry.public ? entry : own;
        out.push(...problems(doc.file, scanMdx(project, doc, { pseudonyms, contacts, people }, memo), () => v, pseudonyms, reviewAllowWhere));
      }
      const plan = r.plan;
      if (plan) {
        const v: Visibility = plan.data.draft
          ? { public: false, reason: 'draft' }
          : !entry.public
            ? entry
            : report?.data.publication === 'delayed'
              ? { public: false, reason: 'delayed' }
              : !plan.data.publicProgressApproved || plan.data.publicProgressApproved > today
                ? { public: false, reason: 'progress-not-approved' }
                : { public: true };
        // A plan has no allow: list of its own; the review's report holds the reviewed false positives.
        const allow = report?.data.allow ?? r.statement?.data.allow ?? [];
        const sourceText = readText(project, plan.file);
        const scan = { file: plan.file, pseudonyms, contacts, people, allow };
        const findPlan = () => scanFieldFindings(planPublicFields(plan.data), { ...scan, source: plan.source, sourceText });
        // Kept by the text the plan was read from (its data and fields are made from it) and the
        // scan's options; not kept if the file changed since it was read.
        const textDigest = sourceText === undefined ? undefined : bytesDigest(sourceText);
        const findings = textDigest === plan.textDigest ? memo.get(['plan', textDigest, scan], findPlan) : findPlan();
        const where = report ? `in the frontmatter of ${report.file}` : r.statement ? `in the frontmatter of ${r.statement.file}` : "in the review's report.mdx frontmatter";
        out.push(...problems(plan.file, findings, () => v, pseudonyms, where));
      }
    }
    for (const b of project.briefings) {
      const pseudonyms = pseudonymsFromTitle(b.data.title);
      const v = documentVisibility(b.data, today);
      out.push(...problems(b.file, scanMdx(project, b, { pseudonyms, contacts, people: contactPeople }, memo), () => v, pseudonyms, reviewAllowWhere));
    }
    for (const n of project.national) {
      const fields: TextField[] = [
        { path: ['title'], text: n.data.title },
        { path: ['publisher'], text: n.data.publisher },
        { path: ['summary'], text: n.data.summary },
      ];
      // National reports name their own children ("Child Q"): their pseudonyms are the report's own.
      const pseudonyms = pseudonymsFromTitle(n.data.title);
      const findings = scanFieldFindings(fields, {
        file: n.file,
        source: n.source,
        sourceText: readText(project, n.file),
        pseudonyms,
        contacts,
        people: contactPeople,
        allow: n.data.allow,
      });
      const v = documentVisibility(n.data, today);
      out.push(...problems(n.file, findings, () => v, pseudonyms, "in this file's allow: list"));
    }
    return out;
  },
};
