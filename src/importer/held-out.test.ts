import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../checks/check-content.ts';
import { lostSentences, setAsideLinesMissing } from './editor-expectations.ts';
import { importNote } from './pipeline.ts';
import { unaccountedLines } from './report.ts';
import { importNotes } from './write.ts';

/**
 * Notes of sources the importer was never fixed for, written after the fixes and imported once
 * (fixtures/README.md says how it did on each). They are not tuned on: the tests hold only what
 * must be true of any note, however well or badly its structure is found.
 */
const HELD_OUT = join(import.meta.dirname, 'fixtures/held-out');
const NOTES = readdirSync(HELD_OUT).filter((f) => /\.(?:txt|md)$/.test(f));

describe('held-out notes: nothing lost, no crash, valid pages', () => {
  it('has the three held-out notes', () => {
    expect(NOTES.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of NOTES) {
    it(`${name}: every line accounted for and every sentence in an entry or the report`, () => {
      const r = importNote(readFileSync(join(HELD_OUT, name)), name);
      expect(r.entries.length).toBeGreaterThan(0);
      expect(unaccountedLines(r.report)).toEqual([]);
      expect(lostSentences(r, readFileSync(join(HELD_OUT, name), 'utf8'))).toEqual([]);
      expect(setAsideLinesMissing(r)).toEqual([]);
    });
  }

  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes pages that pass every check the build relies on', async () => {
    root = mkdtempSync(join(tmpdir(), 'held-out-'));
    mkdirSync(join(root, 'content/raw'), { recursive: true });
    cpSync(join(import.meta.dirname, '../../content/topics.yaml'), join(root, 'content/topics.yaml'));
    const notes = NOTES.map((name) => {
      cpSync(join(HELD_OUT, name), join(root, 'content/raw', name));
      return join(root, 'content/raw', name);
    });
    const { ok } = importNotes(notes, { outDir: join(root, 'content/docs') });
    expect(ok).toBe(true);
    const { diagnostics } = await checkContent({ root });
    const isReviewRule = (rule: string) => /^(?:reviewed|deprecated|companion)\//.test(rule);
    expect(diagnostics.filter((d) => d.severity === 'error' && !isReviewRule(d.rule)).map((d) => `${d.file}:${d.line} ${d.rule} ${d.message.slice(0, 80)}`)).toEqual([]);
  }, 120_000);
});
