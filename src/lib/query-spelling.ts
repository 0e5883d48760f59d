/**
 * Finding the word a misspelt English word most likely means, by edit distance over the glossary's
 * vocabulary. Its own chunk: the search dialog fetches it only for a query with a Latin word the
 * glossary does not know (src/search/engine.ts), so most searches never download it. It imports
 * nothing, so the code every search needs stays in one file.
 */
/** Optimal-string-alignment distance: insertions, deletions, substitutions and swapped neighbours (deamon/daemon). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Longer words tolerate more typos; short ones (pv, hpa) would match too much. */
const allowedEdits = (length: number) => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

/** Two neighbouring letters typed in the wrong order (etdc → etcd): the one typo a four-letter word may have. */
function swappedNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * The vocabulary word (by key → as written) nearest to a misspelt key: two swapped neighbours for
 * a four-letter word, otherwise up to one or two edits by length; nothing when two are equally near.
 */
export function nearestWord(key: string, vocabulary: ReadonlyMap<string, string>): string | undefined {
  if (key.length === 4) {
    const swapped = [...vocabulary].filter(([candidate]) => swappedNeighbours(key, candidate));
    return swapped.length === 1 ? swapped[0]![1] : undefined;
  }
  const limit = allowedEdits(key.length);
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  // Keys are unique, so a second word at the best distance is a different word: a tie.
  for (const [candidate, written] of vocabulary) {
    const d = editDistance(key, candidate, limit);
    if (d < bestDistance) [best, bestDistance, tied] = [written, d, false];
    else if (d === bestDistance && best !== undefined) tied = true;
  }
  return bestDistance <= limit && !tied ? best : undefined;
}
