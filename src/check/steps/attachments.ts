/** The attachments step: the PDFs a report lists are in its folder. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { nearest, type Problem } from '../../utils/problems.ts';
import type { CheckStep } from '../types.ts';
import { error } from './problem-at.ts';

/** PDFs a report lists are in its folder. */
export const attachmentsStep: CheckStep = {
  id: 'attachments',
  title: 'Listed PDF files exist',
  run(project) {
    const problems: Problem[] = [];
    for (const r of project.reviews) {
      const report = r.report;
      if (!report) continue;
      const pdfs = r.files.filter((f) => f.toLowerCase().endsWith('.pdf'));
      report.data.pdfs.forEach((pdf, i) => {
        if (r.files.includes(pdf.file) && existsSync(path.join(project.root, r.dir, pdf.file))) return;
        const suggestion = nearest(pdf.file, pdfs);
        problems.push(
          error(
            report,
            ['pdfs', i, 'file'],
            'missing-pdf',
            `the file "${pdf.file}" is not in ${r.dir}/.${suggestion ? ` Did you mean "${suggestion}"?` : pdfs.length ? ` The PDFs there are: ${pdfs.join(', ')}.` : ' There are no PDF files there.'} Put the PDF in the review's folder or remove it from the list`,
          ),
        );
      });
    }
    return problems;
  },
};
