import { describe, expect, it } from 'vitest';
import { fuzzyIndexOf } from './fuzzy-find.ts';

describe('fuzzyIndexOf', () => {
  const text = '就绪探针在容器的整个生命期内持续运行并且决定流量';
  it('finds an exact occurrence', () => expect(fuzzyIndexOf(text, '整个生命期', 0)).toBe(8));
  it('tolerates a substitution, an insertion and a deletion within the limit', () => {
    expect(fuzzyIndexOf(text, '容器的整各生命期内', 1)).not.toBe(-1);
    expect(fuzzyIndexOf(text, '容器的整个个生命期内', 1)).not.toBe(-1);
    expect(fuzzyIndexOf(text, '容器整个生命期内持', 1)).not.toBe(-1);
    expect(fuzzyIndexOf(text, '容器地整各生命期内', 2)).not.toBe(-1);
  });
  it('rejects more edits than allowed', () => {
    expect(fuzzyIndexOf(text, '容器地整各生命其内', 2)).toBe(-1);
    expect(fuzzyIndexOf(text, '完全不同的一句话', 2)).toBe(-1);
  });
});
