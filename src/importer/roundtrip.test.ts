import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAMAGE, FAMILIES, OTHER_FAMILIES } from './roundtrip/families.ts';
import { roundTrip } from './roundtrip/measure.ts';
import { readSiteQuestions } from './roundtrip/site-questions.ts';

const QUESTIONS = readSiteQuestions(join(import.meta.dirname, '../../content/docs'));

/**
 * The site's own questions, written out the way each family of copied notes writes them, must
 * come back from the importer: the same titles, the answers' sentences, the code blocks.
 */
describe('round trip through every note family', () => {
  it('has enough questions to mean something', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
  });

  for (const family of FAMILIES.filter((f) => !f.fencesLost)) {
    it(family.name, () => {
      const r = roundTrip(family.render(QUESTIONS), QUESTIONS, 'generated.md');
      expect(r.missingTitles).toEqual([]);
      expect(r.entries).toBe(QUESTIONS.length);
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(0.99);
      expect(r.brokenCode).toEqual([]);
    }, 60_000);
  }

  // Copies that lost every fence: YAML and shell come back as blocks only where they can be
  // recognised, the rest of the code as text; titles and sentences are held to the same bar.
  for (const family of FAMILIES.filter((f) => f.fencesLost)) {
    it(`${family.name}（围栏丢失）`, () => {
      const r = roundTrip(family.render(QUESTIONS), QUESTIONS, 'generated.txt', true);
      expect(r.missingTitles).toEqual([]);
      expect(r.entries).toBe(QUESTIONS.length);
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(0.99);
      expect(r.codeIntact / r.codeBlocks).toBeGreaterThanOrEqual(0.7);
    }, 60_000);
  }

  // Styles of other people's notes: blog exports, note apps, READMEs, browser and word-processor copies,
  // saved page source, PDF text, Setext headings, 语雀 exports, transcripts with small talk.
  for (const family of OTHER_FAMILIES) {
    it(`other hands: ${family.name}`, () => {
      const r = roundTrip(family.render(QUESTIONS), QUESTIONS, family.fencesLost ? 'generated.txt' : 'generated.md', family.fencesLost, family.absent);
      expect(r.missingTitles).toEqual([]);
      expect(r.leaked).toEqual([]);
      expect(r.entries).toBe(QUESTIONS.length);
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(0.99);
      if (family.fencesLost) expect(r.codeIntact / r.codeBlocks).toBeGreaterThanOrEqual(family.codeBar ?? 0.9);
      else expect(r.brokenCode).toEqual([]);
    }, 60_000);
  }

  const bases: Record<string, number> = { CRLF: 0, BOM: 4, 缩进被压平: 3 };
  for (const damage of DAMAGE) {
    it(`damage: ${damage.name}`, () => {
      const base = FAMILIES[bases[damage.name] ?? 1]!;
      const r = roundTrip(damage.apply(base.render(QUESTIONS)), QUESTIONS, 'damaged.md', damage.fencesLost);
      expect(r.missingTitles).toEqual([]);
      // With every indent gone, an answer's own numbered sub-questions sit where questions sit: a few answers get split.
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(damage.name === '缩进被压平' ? 0.95 : 0.99);
      if (!damage.fencesLost) expect(r.brokenCode).toEqual([]);
      else expect(r.codeIntact / r.codeBlocks).toBeGreaterThanOrEqual(0.6);
    }, 60_000);
  }
});
