/**
 * Runs a reader's query against Pagefind: the whole query first, and when that finds too little,
 * each meaningful term on its own (src/lib/search-query.ts decides the terms and the ranking).
 */
import {
  FEW_RESULTS,
  combineResults,
  mergeTermResults,
  normalizeQuery,
  queryTerms,
  sumScores,
  synonymsOf,
  type TermResults,
} from '../lib/search-query';

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; excerpt: string; anchor?: { id: string } }[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchHit {
  result: PagefindResult;
  /** Set on partial matches: which of the query's terms this page contains. */
  matched?: string[];
}

export interface SearchOutcome {
  query: string;
  hits: SearchHit[];
  /** Leading hits that matched the whole query. */
  exactCount: number;
}

async function find(pagefind: Pagefind, query: string): Promise<PagefindResult[]> {
  return (await pagefind.search(query))?.results ?? [];
}

/**
 * Results for a term only if the index holds it as a word. For an unknown word Pagefind falls back
 * to words sharing a shorter prefix (qzx… matches some q… word), which in a multi-term query would
 * count as a match of that term; a quoted search matches whole words only and tells them apart.
 */
async function findKnown(pagefind: Pagefind, term: string): Promise<PagefindResult[]> {
  const [exact, all] = await Promise.all([find(pagefind, `"${term.replace(/"/g, '')}"`), find(pagefind, term)]);
  return exact.length > 0 ? all : [];
}

export async function runSearch(
  pagefind: Pagefind,
  rawQuery: string,
  totalPages: number,
  synonyms: readonly (readonly string[])[] = [],
): Promise<SearchOutcome> {
  const query = normalizeQuery(rawQuery);
  if (!query) return { query, hits: [], exactCount: 0 };
  // A glossary term is also searched under its other names (content/glossary.yaml).
  const others = synonymsOf(query, synonyms);
  const exact = others.length === 0 ? await find(pagefind, query) : sumScores(await Promise.all([query, ...others].map((q) => find(pagefind, q))));
  const terms = queryTerms(query);
  const sameAsQuery = terms.length === 1 && terms[0]!.text.toLowerCase() === query.toLowerCase();
  if (exact.length >= FEW_RESULTS || terms.length === 0 || sameAsQuery) {
    return { query, hits: exact.map((result) => ({ result })), exactCount: exact.length };
  }

  const byId = new Map(exact.map((r) => [r.id, r]));
  const perTerm: TermResults[] = [];
  const record = (term: string, results: PagefindResult[]) => {
    for (const r of results) if (!byId.has(r.id)) byId.set(r.id, r);
    perTerm.push({ term, results: results.map(({ id, score }) => ({ id, score })) });
  };
  await Promise.all(
    terms.map(async (term) => {
      const results = await findKnown(pagefind, term.text);
      if (results.length > 0 || term.parts.length === 0) return record(term.text, results);
      // The index does not know the phrase as a whole: try its words.
      const parts = await Promise.all(term.parts.map(async (p) => [p, await findKnown(pagefind, p)] as const));
      for (const [part, partResults] of parts) record(part, partResults);
    }),
  );
  // Promise.all resolves in any order; the matched-terms list should read in query order.
  const order = terms.flatMap((t) => [t.text, ...t.parts]);
  perTerm.sort((a, b) => order.indexOf(a.term) - order.indexOf(b.term));

  const partial = mergeTermResults(perTerm, totalPages);
  const matchedById = new Map(partial.map((p) => [p.id, p.matched]));
  const { ids, exactCount } = combineResults(
    exact.map((r) => r.id),
    partial,
  );
  const hits = ids.map((id, i) => ({ result: byId.get(id)!, matched: i < exactCount ? undefined : matchedById.get(id) }));
  return { query, hits, exactCount };
}
