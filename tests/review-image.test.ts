import { describe, expect, it } from 'vitest';
import { imagesShown, publicImages } from '../src/utils/review-image.ts';

describe('review images', () => {
  it('finds the review images a body shows, each once', () => {
    const body = 'Text ![A chart](report-image-1.png) and ![A map]( statement-image-2.jpg "Map").\n\n![Again](report-image-1.png) ![x](https://example.org/a.png) ![y](Upper.PNG) [not an image](report-image-3.png)';
    expect(imagesShown(body)).toEqual(['report-image-1.png', 'statement-image-2.jpg']);
  });

  const files = ['report-image-1.png', 'statement-image-1.png', 'briefing-image-1.gif', 'stray.png'];
  const shows = { report: ['report-image-1.png', 'statement-image-1.png'], statement: ['statement-image-1.png'], briefing: ['briefing-image-1.gif'] };
  it.each([
    [{ report: true, statement: true, briefing: true }, ['report-image-1.png', 'statement-image-1.png', 'briefing-image-1.gif']],
    // A withheld report's images stay out; the public statement's are served.
    [{ report: false, statement: true, briefing: false }, ['statement-image-1.png']],
    [{ report: false, statement: false, briefing: true }, ['briefing-image-1.gif']],
    [{ report: false, statement: false, briefing: false }, []],
  ])('serves only what a public document shows (%o)', (visible, served) => {
    expect(publicImages({ public: visible, shows, files })).toEqual(files.filter((f) => served.includes(f)));
  });

  it('never serves an image no document shows, or one not on disk', () => {
    expect(publicImages({ public: { report: true, statement: true, briefing: true }, shows: { report: ['missing.png'] }, files })).toEqual([]);
  });
});
