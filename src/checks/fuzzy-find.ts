/**
 * Where `pattern` occurs in `text` with at most `maxEdits` insertions, deletions or substitutions,
 * or -1. Pigeonhole filter: with k edits, one of k+1 pieces of the pattern occurs exactly, so only
 * the neighbourhoods of those exact hits need the (small) edit-distance table.
 */
export function fuzzyIndexOf(text: string, pattern: string, maxEdits: number): number {
  const exact = text.indexOf(pattern);
  if (exact !== -1 || maxEdits <= 0) return exact;
  const m = pattern.length;
  const pieces = maxEdits + 1;
  const size = Math.floor(m / pieces);
  if (size === 0) return -1;
  const tried = new Set<number>();
  for (let p = 0; p < pieces; p++) {
    const from = p * size;
    const piece = pattern.slice(from, p === pieces - 1 ? m : from + size);
    for (let hit = text.indexOf(piece); hit !== -1; hit = text.indexOf(piece, hit + 1)) {
      const start = Math.max(0, hit - from - maxEdits);
      if (tried.has(start)) continue;
      tried.add(start);
      const end = Math.min(text.length, hit - from + m + maxEdits);
      if (withinEdits(text.slice(start, end), pattern, maxEdits)) return start;
    }
  }
  return -1;
}

/** Does `pattern` match some substring of `window` within `k` edits (Sellers' algorithm)? */
function withinEdits(window: string, pattern: string, k: number): boolean {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  if (prev[m]! <= k) return true;
  for (let j = 1; j <= window.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === window[j - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
    }
    if (cur[m]! <= k) return true;
    prev = cur;
  }
  return false;
}
