import { describe, expect, it } from 'vitest';
import {
  MARKS_APP,
  MARKS_KEY,
  mergeMarks,
  parseMarksFile,
  readMarks,
  selectSession,
  serializeMarks,
  setMark,
  tally,
  writeMarks,
  type Marks,
} from './marks.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const at = (day: number) => new Date(Date.UTC(2025, 0, day));

describe('marks storage', () => {
  it('uses a versioned key and round-trips', () => {
    expect(MARKS_KEY).toBe('k8s-notes:marks:v1');
    const storage = new MemoryStorage();
    const marks = setMark({}, 'probes', 'shaky', at(1));
    expect(writeMarks(storage, marks)).toBe(true);
    expect(JSON.parse(storage.getItem(MARKS_KEY)!)).toMatchObject({ version: 1 });
    expect(readMarks(storage)).toEqual(marks);
  });

  it('ignores corrupt values and values from another version instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem(MARKS_KEY, '{not json');
    expect(readMarks(storage)).toEqual({});
    storage.setItem(MARKS_KEY, JSON.stringify({ version: 2, marks: { probes: { grade: 'know', at: at(1).toISOString() } } }));
    expect(readMarks(storage)).toEqual({});
    expect(readMarks(undefined)).toEqual({});
  });

  it('drops malformed entries but keeps the good ones', () => {
    const storage = new MemoryStorage();
    const good = { grade: 'know', at: at(2).toISOString() };
    storage.setItem(MARKS_KEY, JSON.stringify({ version: 1, marks: { probes: good, 'Bad Id': good, hpa: { grade: 'meh', at: 'x' } } }));
    expect(readMarks(storage)).toEqual({ probes: good });
  });

  it('reports failure when storage throws (quota, private mode) and clears the key on reset', () => {
    const throwing = { setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    expect(writeMarks(throwing, setMark({}, 'probes', 'know'))).toBe(false);
    const storage = new MemoryStorage();
    writeMarks(storage, setMark({}, 'probes', 'know'));
    writeMarks(storage, {});
    expect(storage.getItem(MARKS_KEY)).toBeNull();
  });
});

describe('export / import', () => {
  const marks: Marks = { probes: { grade: 'know', at: at(3).toISOString() } };

  it('round-trips an exported file', () => {
    const text = serializeMarks(marks, at(4));
    expect(JSON.parse(text)).toMatchObject({ app: MARKS_APP, version: 1, exportedAt: at(4).toISOString() });
    expect(parseMarksFile(text)).toEqual({ ok: true, marks, skipped: 0 });
  });

  it('rejects files that are not ours, from another version, or not JSON', () => {
    const fail = (text: string) => {
      const r = parseMarksFile(text);
      return r.ok ? '' : r.error;
    };
    expect(fail('nope')).toContain('JSON');
    expect(fail(JSON.stringify({ marks }))).toContain('不是本站');
    expect(fail(JSON.stringify({ app: MARKS_APP, version: 7, marks }))).toContain('版本 7');
    expect(fail(JSON.stringify({ app: MARKS_APP, version: 1, marks: [] }))).toContain('marks');
    expect(fail(' '.repeat(1_000_001))).toContain('太大');
  });

  it('counts skipped entries', () => {
    const text = JSON.stringify({ app: MARKS_APP, version: 1, marks: { ...marks, x: { grade: 'know' } } });
    expect(parseMarksFile(text)).toEqual({ ok: true, marks, skipped: 1 });
  });

  it('merging keeps the newer mark for each question', () => {
    const mine = setMark(setMark({}, 'probes', 'dont', at(5)), 'hpa-configuration', 'shaky', at(1));
    const theirs = setMark(setMark({}, 'probes', 'know', at(2)), 'hpa-configuration', 'know', at(6));
    const merged = mergeMarks(mine, theirs);
    expect(merged.probes?.grade).toBe('dont');
    expect(merged['hpa-configuration']?.grade).toBe('know');
  });
});

describe('sessions and progress', () => {
  const questions = [
    { id: 'a', topic: 't1', importance: 3 },
    { id: 'b', topic: 't1', importance: 1 },
    { id: 'c', topic: 't2', importance: 2 },
    { id: 'd', topic: 't2', importance: 3 },
  ];
  const marks: Marks = setMark(setMark({}, 'a', 'shaky'), 'c', 'dont');

  it('filters by topic and scope, keeping page order', () => {
    const pick = (topic: string, scope: Parameters<typeof selectSession>[1]['scope']) =>
      selectSession(questions, { topic, scope, shuffle: false }, marks);
    expect(pick('', 'all')).toEqual(['a', 'b', 'c', 'd']);
    expect(pick('t1', 'all')).toEqual(['a', 'b']);
    expect(pick('', 'unmarked')).toEqual(['b', 'd']);
    expect(pick('', 'shaky')).toEqual(['a']);
    expect(pick('', 'dont')).toEqual(['c']);
    expect(pick('', 'important')).toEqual(['a', 'c', 'd']);
    expect(pick('t1', 'important')).toEqual(['a']);
  });

  it('shuffles deterministically with an injected random source', () => {
    const ids = selectSession(questions, { topic: '', scope: 'all', shuffle: true }, {}, () => 0);
    expect([...ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(ids).toEqual(['b', 'c', 'd', 'a']);
  });

  it('tallies only the listed questions', () => {
    expect(tally(['a', 'b', 'c'], { ...marks, zzz: { grade: 'know', at: at(1).toISOString() } })).toEqual({
      total: 3,
      know: 0,
      shaky: 1,
      dont: 1,
      unmarked: 1,
    });
  });
});
