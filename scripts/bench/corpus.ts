/**
 * The benchmark's synthetic corpus: N review folders shaped like the real ones
 * (`reviews/<slug>/report.mdx`, `statement.mdx`, `briefing.mdx`, `action-plan.yaml`), valid by the
 * project's schemas (tests/bench-corpus.test.ts checks that, so the generator cannot drift).
 *
 * Deterministic: review i depends only on the seed and i, so the corpus of 150 starts with the
 * corpus of 50 and sizes can be compared. Prose is an order-1 word chain trained on the
 * project's own sample reviews (so the word frequencies and the Markdown are those of real
 * reports), with a long tail of made-up words (about 1.5% of words, Zipf-distributed over 40,000)
 * so the search index grows with the corpus as a real one does. It reads as nonsense, but it
 * builds, indexes and compresses like reports.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Random } from './random.ts';

export interface CorpusOptions {
  /** Seed for every random choice. */
  seed: number;
  /** The build's "today" (YYYY-MM-DD): dates are spread around it. */
  today: string;
  /** Theme ids (content/themes.yaml). */
  themes: string[];
  /** Agency ids (content/agencies.yaml). */
  agencies: string[];
  /** Partnership ids (content/settings.yaml); the first is this site's partnership. */
  partnerships: string[];
  /** Sample texts (MDX bodies) the prose is trained on. */
  samples: string[];
}

/** What the generator decided for a review, for tests and the summary. */
export interface ReviewMeta {
  slug: string;
  type: string;
  document: string;
  /** published, withheld, delayed, archived, draft or future. */
  state: string;
  words: number;
  actions: number;
}

export interface GeneratedReview {
  meta: ReviewMeta;
  /** File name in the review folder to its text. */
  files: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => iso(new Date(toDate(date).getTime() + days * DAY));
const minDate = (a: string, b: string) => (a < b ? a : b);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------
// Prose

/** Text of our own, so the generator works even without sample reviews. */
const BUILT_IN = `
The review looked at how agencies worked together in the months before the child was harmed. Practitioners from health, education, police and children's services took part in a learning event and spoke openly about what they knew at the time.
The health visitor saw the baby at home and recorded that the mother seemed tired but coping. Nobody asked who else lived in the household, and the father was not spoken to directly.
The school noticed that the child was often late and hungry. A referral was made to the front door, but the threshold for an assessment was not met and the case was closed after a telephone call.
Information held by the police about domestic abuse did not reach the GP or the health visitor. Each agency held part of the picture and no single practitioner could see the whole of it.
The review found good practice as well. The family support worker built a trusting relationship with the mother and escalated her concerns when she felt they were not being heard.
The partnership should make sure that every adult in the home is known, that bruising in a baby who is not mobile is always referred, and that professional challenge is welcomed and recorded.
`;

const UNSAFE = /[{}<>`|\\[\]*_#]/g;
/**
 * Pseudonyms in the samples ("Child Kestrel", "Baby Wren", "Children C and D"): each generated
 * document may only name its own review's child (the anonymisation check rejects another's), so
 * they become "the child" in the training text and the review's own pseudonym is put back in.
 */
const PSEUDONYM = /\b(?:Child|Baby|Infant|Sibling|Children|Siblings|Babies)\s+(?:[A-Z][A-Za-z0-9-]*|\d+)(?:(?:,\s*|\s+and\s+)(?:[A-Z][A-Za-z0-9-]*|\d+))*/g;

function cleanBody(text: string): string {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split('\n')
    .filter((l) => !/^\s*(#|\||import |export |```)/.test(l))
    .map((l) => l.replace(PSEUDONYM, 'the child').replace(/^\s*([-*+]|\d+\.|>)\s+/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(UNSAFE, ''))
    .join('\n');
}

/** An order-1 word chain. */
class WordChain {
  #next = new Map<string, string[]>();
  #starts: string[] = [];
  #tail: string[];
  constructor(texts: string[], random: Random) {
    for (const text of texts) {
      for (const para of cleanBody(text).split(/\n\s*\n/)) {
        const words = para.split(/\s+/).filter(Boolean);
        let start = true;
        for (let i = 0; i < words.length; i++) {
          const w = words[i]!;
          if (start && /^[A-Z]/.test(w)) this.#starts.push(w);
          start = /[.?!]["”’)]?$/.test(w);
          const n = words[i + 1];
          if (n !== undefined) {
            let list = this.#next.get(w);
            if (!list) this.#next.set(w, (list = []));
            list.push(n);
          }
        }
      }
    }
    if (this.#starts.length === 0) this.#starts.push('The');
    // The long tail: made-up words from syllables (place names, jargon, misspellings...).
    const syl = ['ba', 'ren', 'tor', 'mi', 'lek', 'sa', 'ven', 'dor', 'cal', 'fen', 'ish', 'ro', 'ta', 'wyn', 'ul', 'pra', 'gle', 'thor', 'nes', 'quo'];
    this.#tail = Array.from({ length: 40_000 }, () => Array.from({ length: random.int(2, 4) }, () => random.pick(syl)).join(''));
  }

  /** One sentence of roughly `min` to 40 words. */
  sentence(r: Random, min = 8): string {
    const out: string[] = [];
    let w = r.pick(this.#starts);
    for (;;) {
      out.push(r.chance(0.015) ? this.#tail[r.zipf(this.#tail.length)]! : w);
      const ends = /[.?!]["”’)]?$/.test(w);
      if ((ends && out.length >= min) || out.length >= 40) break;
      const next = this.#next.get(w);
      w = next && next.length > 0 ? r.pick(next) : r.pick(this.#starts);
    }
    let s = out.join(' ');
    if (!/[.?!]["”’)]?$/.test(s)) s = `${s.replace(/[,;:]$/, '')}.`;
    return s;
  }

  paragraph(r: Random, words: number): string {
    const out: string[] = [];
    let n = 0;
    while (n < words) {
      const s = this.sentence(r);
      out.push(s);
      n += s.split(' ').length;
    }
    return out.join(' ');
  }

  /** A short phrase for a heading or list item: capitalised, no final stop. */
  phrase(r: Random, min: number, max: number): string {
    const words = this.sentence(r, min).replace(/[.?!,;:"“”’‘()]/g, '').split(' ').filter(Boolean).slice(0, r.int(min, max));
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
}

const countWords = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;

// ---------------------------------------------------------------------------------------------
// The corpus

/** No national-cspr: national reviews are the Panel's to publish, never a partnership's report.mdx. */
const TYPE_WEIGHTS_RECENT = [
  ['lcspr', 76],
  ['learning-review', 8],
  ['partnership-review', 6],
  ['thematic', 6],
  ['scr', 4],
] as const;
const TYPE_WEIGHTS_OLD = [
  ['scr', 85],
  ['learning-review', 8],
  ['partnership-review', 4],
  ['thematic', 3],
] as const;
/** Themes seen more often in real reviews weigh more. */
const THEME_WEIGHT: Record<string, number> = {
  neglect: 9,
  'domestic-abuse': 9,
  'parental-mental-health': 7,
  'substance-misuse': 6,
  'information-sharing': 8,
  'professional-curiosity': 7,
  'voice-of-the-child': 6,
  'non-mobile-babies': 5,
  'male-carers': 5,
  'safe-sleep': 4,
  'child-exploitation': 4,
  adolescents: 4,
};
const STATES = [
  ['published', 77],
  ['archived', 8],
  ['withheld', 5],
  ['delayed', 4],
  ['draft', 3],
  ['future', 3],
] as const;
const ROLES = ['Designated Nurse', 'Head of Health Visiting', 'Named GP', 'Detective Inspector, Public Protection', 'Head of Service, Front Door', 'Partnership Business Manager', 'Named Midwife for Safeguarding', 'Designated Safeguarding Lead Adviser', 'Head of Quality Assurance'];
const SURNAMES = ['Example', 'Sample', 'Marsh', 'Holt', 'Okafor', 'Lindqvist', 'Patel', 'Doyle', 'Farrant', 'Mensah', 'Quayle', 'Reeve'];
const REPORT_SECTIONS: [string, number][] = [
  ['Introduction', 6],
  ['Scope and method', 6],
  ['The child at the centre of this review', 8],
  ['What happened: key practice episodes', 22],
  ['Analysis', 26],
  ['Good practice', 5],
  ["The family's views", 6],
  ["What practitioners told the review", 6],
  ['Findings', 9],
  ['Recommendations', 6],
];
const BRIEFING_SECTIONS = ['Background', 'Why it matters', 'What happened', 'Learning: the adults in the home', 'Learning: working together', 'What to do', 'Questions for reflection'];

/** Two or three capital letters for the pseudonym of review i (a bijection on i, so unique). */
function letters(i: number): string {
  const [len, space] = i < 676 ? [2, 676] : [3, 17_576];
  let n = (i * 7919) % space;
  let s = '';
  for (let k = 0; k < len; k++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

const q = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.join(', ')}]`;

export class CorpusGenerator {
  readonly options: CorpusOptions;
  #chain: WordChain;

  constructor(options: CorpusOptions) {
    this.options = options;
    this.#chain = new WordChain([BUILT_IN, ...options.samples], new Random(options.seed ^ 0x5eed));
  }

  /** Review number i (0-based). */
  review(i: number): GeneratedReview {
    const o = this.options;
    const r = new Random(o.seed * 100_003 + i * 7 + 1);
    const c = this.#chain;
    const today = o.today;
    const state = r.weighted(STATES);
    // Publication date: spread over about eleven years, more recent ones more common.
    const ageDays = state === 'future' ? -r.int(10, 150) : Math.floor(Math.pow(r.next(), 1.4) * 4000) + (state === 'archived' ? 400 : 0);
    const published = addDays(today, -ageDays);
    const year = Number(published.slice(0, 4));
    const type = r.weighted(year < 2019 ? TYPE_WEIGHTS_OLD : TYPE_WEIGHTS_RECENT);
    const document = r.chance(0.2) ? 'executive-summary' : 'overview-report';
    const themeWeights = o.themes.map((t) => [t, THEME_WEIGHT[t] ?? 2] as const);
    const themes = r.sample(themeWeights, r.int(2, 5));
    const baby = themes.includes('non-mobile-babies') || themes.includes('safe-sleep');
    const name = `${baby ? 'Baby' : 'Child'} ${letters(i)}`;
    const slug = name.toLowerCase().replace(/\s+/g, '-');
    const partnerships = r.chance(0.04) && o.partnerships.length > 1 ? [o.partnerships[0]!, r.pick(o.partnerships.slice(1))] : [o.partnerships[0]!];
    const reviewers = Array.from({ length: r.chance(0.15) ? 2 : 1 }, () => `${String.fromCharCode(65 + r.int(0, 25))}. ${r.pick(SURNAMES)}`);
    const sentToPanel = addDays(published, -r.int(21, 40));

    // --- report.mdx
    const fm: string[] = [
      `title: ${q(name)}`,
      `type: ${type}`,
      `document: ${document}`,
      `publication: ${state === 'withheld' || state === 'delayed' ? state : 'published'}`,
      `published: ${published}`,
      `partnerships: ${list(partnerships)}`,
      `reviewers: ${list(reviewers.map(q))}`,
      `summary: ${q(`${c.sentence(r, 12)} ${c.sentence(r, 10)}`)}`,
      `themes: ${list(themes)}`,
      `sentToPanel: ${sentToPanel}`,
    ];
    // 366 days is 12 calendar months or more whatever the year: never archived before the minimum period.
    if (state === 'archived') fm.push(`archived: ${minDate(addDays(published, r.int(366, 730)), addDays(today, -1))}`);
    if (state === 'delayed') {
      if (r.chance(0.5)) fm.push(`expected: ${addDays(today, r.int(30, 300))}`);
      fm.push(`delayReason: ${q(r.pick(['an ongoing criminal trial', 'an inquest that has not yet concluded', 'ongoing family court proceedings']))}`);
    }
    if (state === 'draft') fm.push('draft: true');
    fm.push('anonymisation:', `  date: ${addDays(sentToPanel, -r.int(1, 10))}`, `  role: ${q('Partnership Business Manager')}`);

    const target = document === 'executive-summary' ? r.int(3000, 4000) : r.int(3000, 7500);
    const weightSum = REPORT_SECTIONS.reduce((s, [, w]) => s + w, 0);
    const body: string[] = [`This review is about ${name}. ${c.paragraph(r, r.int(40, 80))}`];
    let words = countWords(body[0]!);
    REPORT_SECTIONS.forEach(([title, weight], si) => {
      const n = si + 1;
      body.push(`## ${n}. ${title}`);
      const sectionTarget = Math.max(60, Math.round(((target - 600) * weight) / weightSum));
      const subsections = sectionTarget > 500 ? r.int(2, 5) : 1;
      let sectionWords = 0;
      for (let ss = 1; ss <= subsections; ss++) {
        if (subsections > 1) {
          const heading = `### ${n}.${ss} ${c.phrase(r, 3, 7)}`;
          body.push(heading);
        }
        const subTarget = sectionTarget / subsections;
        let subWords = 0;
        while (subWords < subTarget) {
          let block: string;
          const kind = r.next();
          if (title === 'Recommendations') {
            block = Array.from({ length: r.int(3, 8) }, (_, k) => `${k + 1}. ${c.sentence(r, 12)}`).join('\n');
          } else if (kind < 0.1) {
            block = Array.from({ length: r.int(3, 6) }, () => `- ${c.sentence(r, 6)}`).join('\n');
          } else if (kind < 0.14 && (title.includes('family') || title.includes('practitioners'))) {
            block = `> ${c.sentence(r, 10)}`;
          } else if (kind < 0.16 && title === 'Scope and method') {
            block = ['| Agency | Contacts in the period |', '| --- | --- |', ...Array.from({ length: r.int(3, 7) }, () => `| ${c.phrase(r, 2, 4)} | ${r.int(1, 40)} |`)].join('\n');
          } else {
            block = c.paragraph(r, Math.max(25, Math.min(r.int(60, 160), subTarget - subWords - 15)));
            if (r.chance(0.08)) block = block.replace(/^(\S+ \S+ \S+)/, '**$1**');
          }
          body.push(block);
          const w = countWords(block);
          subWords += w;
          sectionWords += w;
        }
      }
      words += sectionWords;
    });
    // Top up to the target, or trim whole paragraphs from the analysis if far over.
    while (words < target) {
      const p = c.paragraph(r, Math.min(160, target - words + 10));
      body.push(p);
      words += countWords(p);
    }
    body.push(`This report was written by ${reviewers.join(' and ')}, independent lead reviewer${reviewers.length > 1 ? 's' : ''}.`);
    words += countWords(body[body.length - 1]!);
    const report = `---\n${fm.join('\n')}\n---\n\n${body.join('\n\n')}\n`;

    // --- statement.mdx
    const statementDate = published;
    const statementBody: string[] = [`The partnership publishes its review about ${name}. ${c.paragraph(r, r.int(80, 140))}`];
    for (const h of ['Our response to the findings', 'What has already changed', 'What we will do next']) {
      statementBody.push(`## ${h}`);
      statementBody.push(c.paragraph(r, r.int(80, 160)));
      if (r.chance(0.5)) statementBody.push(Array.from({ length: r.int(3, 5) }, () => `- ${c.sentence(r, 6)}`).join('\n'));
    }
    const statement = [
      '---',
      `title: ${q(`Partnership statement: ${name}`)}`,
      `published: ${statementDate}`,
      `summary: ${q(c.sentence(r, 12))}`,
      ...(state === 'draft' ? ['draft: true'] : []),
      '---',
      '',
      statementBody.join('\n\n'),
      '',
    ].join('\n');

    // --- briefing.mdx (exactly seven numbered sections)
    const briefingDate = addDays(statementDate, r.int(0, 60));
    const briefingBody = BRIEFING_SECTIONS.map((h, k) => {
      const content = k === 2 || k === 5 ? Array.from({ length: r.int(3, 5) }, () => `- ${c.sentence(r, 6)}`).join('\n') : c.paragraph(r, r.int(50, 90));
      return `## ${k + 1}. ${h}\n\n${content}`;
    });
    const briefing = [
      '---',
      `title: ${q(`7-minute briefing: ${name}`)}`,
      `published: ${briefingDate}`,
      `themes: ${list(themes.slice(0, 2))}`,
      ...(state === 'draft' ? ['draft: true'] : []),
      '---',
      '',
      briefingBody.join('\n\n'),
      '',
    ].join('\n');

    // --- action-plan.yaml
    const { yaml: plan, actions } = this.#actionPlan(r, slug, sentToPanel, state === 'draft');

    return {
      meta: { slug, type, document, state, words, actions },
      files: { 'report.mdx': report, 'statement.mdx': statement, 'briefing.mdx': briefing, 'action-plan.yaml': plan },
    };
  }

  #actionPlan(r: Random, slug: string, sentToPanel: string, draft: boolean): { yaml: string; actions: number } {
    const o = this.options;
    const c = this.#chain;
    const today = o.today;
    // The fields real plans record beyond the template (several owners, revised timescales,
    // evidence of impact, the response to each recommendation, the partners' approval to publish
    // progress) draw from their own stream, so the rest of the corpus is what it always was.
    const x = new Random(hashText(slug) ^ 0xa11ce);
    const pastDate = (from: string) => pastDateBefore(x, from, today);
    const agreed = addDays(sentToPanel, -r.int(0, 30));
    const total = r.int(5, 30);
    const recCount = Math.max(2, Math.min(8, Math.round(total / 3.5)));
    const perRec = Array.from({ length: recCount }, () => 1);
    for (let k = recCount; k < total; k++) perRec[r.int(0, recCount - 1)]! += 1;
    const lines: string[] = [`review: ${slug}`];
    if (draft) lines.push('draft: true');
    lines.push(`agreed: ${agreed}`);
    // Most plans' progress is approved for publication some days after they are agreed.
    if (!draft && agreed <= today && x.chance(0.9)) lines.push(`publicProgressApproved: ${minDate(addDays(agreed, x.int(0, 60)), today)}`);
    lines.push('recommendations:');
    const pastUpdate = (from: string) => {
      const span = (toDate(today).getTime() - toDate(from).getTime()) / DAY;
      return span <= 0 ? undefined : addDays(from, r.int(0, Math.floor(span)));
    };
    perRec.forEach((count, ri) => {
      lines.push(`  - id: R${ri + 1}`, `    text: ${q(c.sentence(r, 12))}`);
      const response = x.weighted([['', 45], ['accepted', 50], ['partly-accepted', 5]] as const);
      if (response) lines.push(`    response: ${response}`);
      if (response === 'partly-accepted') lines.push(`    responseReason: ${q(c.sentence(x, 10))}`);
      lines.push('    actions:');
      for (let ai = 0; ai < count; ai++) {
        const due = addDays(agreed, r.int(30, 540));
        const ongoing = r.chance(0.05);
        const timescale = ongoing ? 'ongoing' : this.#timescale(r, due);
        const dueEnd = ongoing ? addDays(agreed, 365) : due;
        let status: string;
        if (agreed > today) status = 'not-started';
        else if (r.chance(0.03)) status = 'withdrawn';
        else if (dueEnd < today) status = r.weighted([['assured', 60], ['complete', 20], ['in-progress', 15], ['not-started', 5]] as const);
        else status = r.weighted([['in-progress', 40], ['not-started', 30], ['complete', 20], ['assured', 10]] as const);
        const owner = r.pick(o.agencies);
        const partner = x.chance(0.12) ? x.pick(o.agencies.filter((id) => id !== owner)) : undefined;
        const a: string[] = [
          `      - id: R${ri + 1}.${ai + 1}`,
          `        issue: ${q(c.sentence(r, 8))}`,
          `        action: ${q(c.sentence(r, 10))}`,
          `        owner: ${partner ? list([owner, partner]) : owner}`,
          `        lead: ${q(r.pick(ROLES))}`,
          `        outcome: ${q(c.sentence(r, 8))}`,
        ];
        const done = status === 'complete' || status === 'assured';
        if (done) a.push(`        evidence: ${q(c.sentence(r, 8))}`);
        a.push(`        timescale: ${q(timescale)}`);
        if (!ongoing && agreed <= today && x.chance(0.15)) {
          // One or two new timescales, agreed between the plan's date and today, each later than the last.
          const dates = Array.from({ length: x.int(1, 2) }, () => pastDate(agreed)).sort();
          a.push('        revisions:');
          let newDue = due;
          for (const d of dates) {
            newDue = addDays(newDue, x.int(30, 180));
            a.push(
              `          - date: ${d}`,
              `            timescale: ${q(this.#timescale(x, newDue))}`,
              `            reason: ${q(c.sentence(x, 8))}`,
              `            agreedBy: ${q(x.pick(['MESI subgroup', 'Learning from Practice subgroup', 'Safeguarding partners executive']))}`,
            );
          }
        }
        if (ongoing) a.push(`        reviewBy: ${addDays(today, r.int(-30, 120))}`);
        a.push(`        status: ${status}`);
        if (done) {
          const completedOn = pastUpdate(agreed) ?? agreed;
          a.push(`        completedOn: ${completedOn}`);
          if (status === 'assured') a.push(`        assuredOn: ${pastUpdate(completedOn) ?? completedOn}`);
          if (x.chance(0.3)) {
            a.push(
              '        impact:',
              `          - measure: ${q(c.sentence(x, 6))}`,
              `            finding: ${q(c.sentence(x, 10))}`,
              `            date: ${pastDate(completedOn)}`,
              `            source: ${q(x.pick(['Multi-agency case audit', 'Practitioner survey', 'Performance data', 'Family feedback']))}`,
            );
          }
        }
        if (status === 'withdrawn') a.push(`        reason: ${q(c.sentence(r, 8))}`);
        const updates = agreed <= today ? r.int(0, 3) : 0;
        const dates = Array.from({ length: updates }, () => pastUpdate(agreed) ?? agreed).sort();
        if (dates.length > 0) {
          a.push('        updates:');
          for (const d of dates) a.push(`          - date: ${d}`, `            note: ${q(c.sentence(r, 6))}`);
        }
        if (r.chance(0.1)) a.push(`        notes: ${q(c.sentence(r, 6))}`);
        lines.push(...a);
      }
    });
    lines.push('dissemination:');
    for (let k = 0, n = r.int(1, 4); k < n; k++) {
      const due = addDays(agreed, r.int(30, 200));
      lines.push(
        `  - activity: ${q(r.pick(['7-minute briefing to all teams', 'Multi-agency learning event', 'Article in the partnership newsletter', 'Learning added to the level 3 training', 'Practice webinar']))}`,
        `    audience: ${list(r.sample(o.agencies.map((x) => [x, 1] as const), r.int(1, 3)))}`,
        `    due: ${due}`,
      );
      if (due < today && r.chance(0.85)) lines.push(`    done: ${minDate(addDays(due, -r.int(0, 20)), today)}`);
    }
    return { yaml: `# Synthetic benchmark data.\n${lines.join('\n')}\n`, actions: total };
  }

  /** A due date written in one of the forms editors use (a month or quarter ends on or after it). */
  #timescale(r: Random, due: string): string {
    const [y, m, d] = due.split('-') as [string, string, string];
    const month = Number(m);
    const quarter = Math.ceil(month / 3);
    return r.weighted([
      [due, 30],
      [`${d}/${m}/${y}`, 30],
      [`${y}/${m}/${d}`, 5],
      [`${MONTHS[month - 1]} ${y}`, 20],
      [`Q${quarter} ${y}`, 10],
      [month >= 4 ? `${y}/${String(Number(y) + 1).slice(2)} Q${quarter - 1}` : `${Number(y) - 1}/${y.slice(2)} Q4`, 5],
    ] as const);
  }
}

/** A day from `from` to today (or `from` itself when that is today or later). */
function pastDateBefore(r: Random, from: string, today: string): string {
  const span = Math.floor((toDate(today).getTime() - toDate(from).getTime()) / DAY);
  return span <= 0 ? from : addDays(from, r.int(0, span));
}

/** A 32-bit hash of a text (FNV-1a), to seed a stream from a review's slug. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Project inputs

/** The generator's options read from a project folder (its content/ files and sample reviews). */
export function optionsFromProject(root: string, seed: number, today: string): CorpusOptions {
  const read = (rel: string) => parseYaml(readFileSync(path.join(root, rel), 'utf8')) as unknown;
  const themes = (read('content/themes.yaml') as { id: string }[]).map((t) => t.id);
  const agencies = (read('content/agencies.yaml') as { id: string }[]).map((a) => a.id);
  const settings = read('content/settings.yaml') as { partnership: string; partnerships: { id: string }[] };
  const partnerships = [settings.partnership, ...settings.partnerships.map((p) => p.id).filter((id) => id !== settings.partnership)];
  const samples: string[] = [];
  const reviews = path.join(root, 'reviews');
  if (existsSync(reviews)) {
    for (const dir of readdirSync(reviews).sort()) {
      for (const f of ['report.mdx', 'statement.mdx', 'briefing.mdx']) {
        const file = path.join(reviews, dir, f);
        if (existsSync(file)) samples.push(readFileSync(file, 'utf8'));
      }
    }
  }
  return { seed, today, themes, agencies, partnerships, samples };
}
