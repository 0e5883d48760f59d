/**
 * Splits Pagefind's word index into smaller chunks. Pagefind 1.6 cuts its index every ~20,000
 * word locations (hard-coded), so the first search of any word downloads a 30+ KiB chunk mostly
 * holding words nobody asked for, and a Chinese query with several terms downloads one such chunk
 * per term. Smaller chunks keep a search's download proportional to what it looks up, and it stays
 * that way as the site grows: more content means more chunks, not bigger ones.
 *
 * Pure over words and sizes so it is unit-tested without a build; index-chunk-scan.ts reads the
 * words of Pagefind's files and pagefind-rechunk.ts writes the new ones.
 */

/** A word of the index and its size in Pagefind's own measure: one per location plus one per page. */
export interface IndexWord {
  word: string;
  size: number;
}

/**
 * Locations per chunk for an index of `totalLocations`. Every search first loads the chunk list
 * (~12 bytes gzip per chunk) and then about 2.5 chunks (~1.7 bytes gzip per location); the sum
 * a·L/B + k·c·B is smallest at B = √(a·L / (k·c)). So chunks grow with the square root of the
 * content: ~800 locations (~1.5 KiB) today, ~2,500 at ten times the content, where Pagefind's own
 * 20,000 would be ~33 KiB each.
 */
export function chunkBudget(totalLocations: number): number {
  const [listBytes, locationBytes, chunksPerSearch] = [12, 1.7, 2.5];
  const best = Math.sqrt((listBytes * totalLocations) / (chunksPerSearch * locationBytes));
  return Math.round(Math.min(20_000, Math.max(500, best)));
}

const codePoints = (s: string) => Array.from(s);

function sharedPrefix(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/**
 * Cuts the sorted word list into chunks of about `budget` locations. Pagefind matches a search
 * term as a prefix of indexed words (探针 → 探针类型) but only inside the one chunk whose range holds
 * the term, so a cut prefers a place where neighbouring words share no first character; it settles
 * for a shared first character past twice the budget, and cuts anywhere past four times.
 */
export function splitWords<W extends IndexWord>(words: readonly W[], budget: number): W[][] {
  const chunks: W[][] = [];
  let current: W[] = [];
  let size = 0;
  for (const word of words) {
    const prev = current.at(-1);
    if (prev && size >= budget) {
      const shared = sharedPrefix(prev.word, word.word);
      if (shared === 0 || (shared <= 1 && size >= 2 * budget) || size >= 4 * budget) {
        chunks.push(current);
        current = [];
        size = 0;
      }
    }
    current.push(word);
    size += word.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export interface ChunkRange {
  from: string;
  to: string;
}

/**
 * The word range each chunk answers for, written the way Pagefind writes it: neighbouring chunks'
 * bounds are shortened to the shortest prefixes that still tell them apart, so a term that sorts
 * between two chunks' words is looked up in one of them.
 */
export function chunkRanges(chunks: readonly (readonly IndexWord[])[]): ChunkRange[] {
  const ranges = chunks.map((c) => ({ from: c[0]?.word ?? '', to: c.at(-1)?.word ?? '' }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = ranges[i]!;
    const b = ranges[i + 1]!;
    const n = sharedPrefix(a.to, b.from);
    a.to = codePoints(a.to).slice(0, n + 1).join('');
    b.from = codePoints(b.from).slice(0, n + 1).join('');
  }
  return ranges;
}
