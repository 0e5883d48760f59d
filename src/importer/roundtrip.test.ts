import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAMAGE, FAMILIES } from './roundtrip/families.ts';
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

  // Copies that lost every fence: code comes back only where it can be recognised, so the bar is lower (see README).
  for (const family of FAMILIES.filter((f) => f.fencesLost)) {
    it(`${family.name}（围栏丢失）`, () => {
      const r = roundTrip(family.render(QUESTIONS), QUESTIONS, 'generated.txt', true);
      expect(r.titlesMatched / r.questions).toBeGreaterThanOrEqual(0.95);
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(0.85);
    }, 60_000);
  }

  for (const damage of DAMAGE) {
    it(`damage: ${damage.name}`, () => {
      const base = FAMILIES[damage.fencesLost ? 1 : 0]!;
      const r = roundTrip(damage.apply(base.render(QUESTIONS)), QUESTIONS, 'damaged.md', damage.fencesLost);
      expect(r.missingTitles).toEqual([]);
      expect(r.sentenceKeep).toBeGreaterThanOrEqual(0.99);
      expect(r.codeIntact / Math.max(1, r.codeBlocks)).toBeGreaterThanOrEqual(damage.fencesLost ? 0.85 : 1);
    }, 60_000);
  }
});
