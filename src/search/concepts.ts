/**
 * Task phrasings → the feature that does the task. Readers ask for what they want to happen
 * (怎么让 pod 只跑在特定节点上, how do I stop pods talking to each other) without the feature's
 * name (nodeSelector, NetworkPolicy), and no page contains their words. A concept lists the
 * phrasings that ask for it and the glossary names to search instead. The data lives in
 * concept-lexicon.ts, loaded only when the plain search was weak; matching is pure, here.
 */
import { normalizeQuery } from '../lib/search-query';

export interface Concept {
  /** The feature, in names pages use (glossary names): searched together as one query term. */
  search: readonly string[];
  /**
   * Phrasings asking for it. `a+b` needs both words somewhere in the query. A Chinese word
   * matches anywhere; an English word matches the start of a query word (restrict → restricting).
   */
  when: readonly string[];
}

/** What the search loads when a plain search is weak (concept-lexicon.ts). */
export interface TaskLexicon {
  match(query: string): ConceptMatches;
  /** Everyday English words and the Chinese word pages write for each (debug → 排查). */
  english: readonly (readonly [string, string])[];
}

export interface ConceptMatches {
  matches: ConceptMatch[];
  /** The query without the words the matched phrasings covered. */
  rest: string;
}

export interface ConceptMatch {
  concept: Concept;
  /** What of the query the phrasing covered, as written there. */
  covered: string[];
}

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a trigger word occurs in the (lower-cased) query: [start, end) of each occurrence. */
function spans(text: string, word: string): [number, number][] {
  const re = HAN.test(word)
    ? new RegExp(escape(word), 'g')
    : // An English word (or phrase) starts a query word and runs to that word's end.
      new RegExp(`(?<![\\p{L}\\p{N}])${word.split(/\s+/).map(escape).join('\\s+')}[\\p{L}\\p{N}'-]*`, 'gu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The concepts a query asks for, at most `limit`, the phrasing covering most of the query first,
 * and the query with the covered words taken out: those words only said what the reader wants
 * done, and no page contains them; what is left (pod, namespace) still narrows the answer.
 */
export function matchConcepts(
  query: string,
  concepts: readonly Concept[],
  limit = 2,
): ConceptMatches {
  const text = normalizeQuery(query).toLowerCase();
  const found: { match: ConceptMatch; ranges: [number, number][]; size: number }[] = [];
  for (const concept of concepts) {
    // Every phrasing that matches covers its words: 只跑在特定节点 is covered by 特定节点 and 只跑在+节点.
    const ranges: [number, number][] = [];
    for (const phrasing of concept.when) {
      const words = phrasing.toLowerCase().split('+').map((w) => w.trim()).filter(Boolean);
      const at = words.map((w) => spans(text, w));
      if (at.every((s) => s.length > 0)) ranges.push(...at.flat());
    }
    if (ranges.length === 0) continue;
    const covered = new Set(ranges.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i)));
    const merged = [...covered].sort((a, b) => a - b).reduce<[number, number][]>((out, i) => {
      const last = out.at(-1);
      if (last && last[1] === i) last[1] = i + 1;
      else out.push([i, i + 1]);
      return out;
    }, []);
    found.push({ match: { concept, covered: merged.map(([a, b]) => text.slice(a, b)) }, ranges: merged, size: covered.size });
  }
  found.sort((a, b) => b.size - a.size);
  const chosen = found.slice(0, limit);
  const chars = text.split('');
  for (const { ranges } of chosen) for (const [a, b] of ranges) for (let i = a; i < b; i++) chars[i] = ' ';
  return { matches: chosen.map((c) => c.match), rest: chars.join('').replace(/\s+/g, ' ').trim() };
}
