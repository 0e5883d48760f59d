/**
 * Runs a reader's query against Pagefind: the query is reduced to its meaningful terms, each term
 * is searched under its other names, and pages rank by how many terms they contain
 * (src/lib/search-query.ts and src/lib/query-lexicon.ts decide the terms, names and ranking).
 */
import {
  COMMON_SHARE,
  combineResults,
  mergeTermResults,
  normalizeQuery,
  planTerms,
  hanWindows,
  isStopword,
  questionWords,
  sumScores,
  titleNamesAny,
  orderByTitle,
  titleCues,
  asksAbout,
  type TermResults,
} from '../lib/search-query';
import { SUBJECT_FILTER, subjectKey } from '../lib/search-title-subject';
import { alternativesOf, buildLexicon, correctSpelling, nameKey, namesOf, type Lexicon } from '../lib/query-lexicon';
import type { ConceptMatch, TaskLexicon } from './concepts';

export interface PagefindFragment {
  url: string;
  /** The page's indexed text. */
  content?: string;
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
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
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
  /**
   * The whole-query matches shown first only mention the query's words: none has an informative
   * one (under any of its names) in its title, as when a page lists RBAC in passing and no page
   * is about “rbac 权限怎么配置”.
   */
  mentionsOnly?: boolean;
  /** Misspelt words searched as the word they most likely mean (statefullset → StatefulSet). */
  corrections?: { from: string; to: string }[];
  /** Features searched for the task the query describes (只跑在特定节点上 → nodeSelector). */
  concepts?: string[];
}

async function find(pagefind: Pagefind, query: string): Promise<PagefindResult[]> {
  return (await pagefind.search(query))?.results ?? [];
}

/**
 * Results for a term only if the index holds each of its words. For an unknown word Pagefind falls
 * back to words sharing a shorter prefix (openshift matches open…), which would count as a match
 * of that term; a quoted search matches whole words only and tells them apart. Pagefind indexes
 * kube-proxy as kube and proxy, so each piece is checked. The word the reader is still typing
 * (the query's last, “Headl”) is no whole word yet: it counts when the best page really has a
 * word starting with it.
 */
async function findKnown(pagefind: Pagefind, term: string, typing?: string): Promise<PagefindResult[]> {
  const pieces = term.replace(/"/g, '').split(/[\s._/-]+/).filter(Boolean);
  const [results, ...checks] = await Promise.all([find(pagefind, term), ...pieces.map((p) => find(pagefind, `"${p}"`))]);
  const known = await Promise.all(
    pieces.map(async (piece, i) => {
      if (checks[i]!.length > 0) return true;
      if (piece.toLowerCase() !== typing) return false;
      // A one-word term's plain search is the one already made for the term itself.
      return startsAWord(piece, pieces.length === 1 ? results! : await find(pagefind, piece));
    }),
  );
  return known.every(Boolean) ? results! : [];
}

/** The Latin word at the very end of a query typed as you go, if the reader may not have finished it. */
function wordBeingTyped(rawQuery: string): string | undefined {
  return /(?:^|[^a-z0-9])([a-z][a-z0-9]{2,})$/i.exec(rawQuery)?.[1]?.toLowerCase();
}

async function startsAWord(piece: string, plainResults: PagefindResult[]): Promise<boolean> {
  const [best] = plainResults;
  if (!best) return false;
  const { content = '' } = await best.data();
  return new RegExp(`(?:^|[^a-z0-9])${piece}`, 'i').test(content);
}

/** Results the dialog shows at first (src/search/ui.ts). */
const SHOWN = 5;

/** A Latin word on fewer pages than this may be a typo: its likely correction is searched too. */
const RARE = 3;

type EnglishWords = TaskLexicon['english'];
const lexicons = new WeakMap<readonly (readonly string[])[], Map<EnglishWords, Lexicon>>();
function lexiconOf(synonyms: readonly (readonly string[])[], english: EnglishWords = NO_WORDS): Lexicon {
  let built = lexicons.get(synonyms);
  if (!built) lexicons.set(synonyms, (built = new Map<EnglishWords, Lexicon>()));
  let lexicon = built.get(english);
  if (!lexicon) built.set(english, (lexicon = buildLexicon(synonyms, english)));
  return lexicon;
}
const NO_WORDS: EnglishWords = [];

type Synonyms = readonly (readonly string[])[];

/**
 * `synonyms` may be a loader: the glossary is then fetched only when the query needs it, i.e. it
 * has Chinese words (searched under their English names too) or a Latin word the index holds on
 * fewer than a few pages (an abbreviation, a plural or a typo the glossary resolves). A query of
 * well-known English words is answered without it.
 *
 * `concepts` loads what a weak search consults (concept-lexicon.ts, a chunk of its own): when no
 * page holds every word, or those that do only mention them, the query's task words are replaced
 * by the feature they ask for, and everyday English words are also searched in Chinese; that
 * search is kept if it answers at least as well.
 */
export async function runSearch(
  pagefind: Pagefind,
  rawQuery: string,
  totalPages: number,
  synonyms: Synonyms | (() => Promise<Synonyms>) = [],
  concepts?: () => Promise<TaskLexicon>,
): Promise<SearchOutcome> {
  const glossary = typeof synonyms === 'function' ? synonyms : async () => synonyms;
  let plain: SearchOutcome;
  let usedGlossary = true;
  if (typeof synonyms !== 'function' || HAN_QUERY.test(rawQuery)) plain = (await searchWith(pagefind, rawQuery, totalPages, await glossary())).outcome;
  else {
    const first = await searchWith(pagefind, rawQuery, totalPages, []);
    // Pagefind keeps the chunks it loaded, so the second pass costs the glossary download only.
    usedGlossary = first.wantsGlossary;
    plain = first.wantsGlossary ? (await searchWith(pagefind, rawQuery, totalPages, await synonyms())).outcome : first.outcome;
  }
  if (strength(plain) === STRONG || !plain.query) return plain;
  // A weak answer: ask again with what the glossary knows (the other language's name of an English
  // term, how to write a term whose words were searched one by one) and the task lexicon.
  const names = await glossary();
  // A query made only of feature names has no task words to translate: the lexicon stays unloaded.
  const lexicon = lexiconOf(names);
  const planned = planTerms(plain.query, lexicon);
  const tasky = planned.some((t) => !lexicon.names.has(nameKey(t.text)) && !lexicon.equivalents.has(nameKey(t.text)));
  const task = tasky ? await concepts?.() : undefined;
  const { matches, rest } = task?.match(rawQuery) ?? { matches: [], rest: rawQuery };
  const english = task?.english ?? NO_WORDS;
  const translates = planned.some((t) => english.some(([word]) => word === nameKey(t.text)));
  if (matches.length === 0 && usedGlossary && !translates) return plain;
  const query = matches.length > 0 ? rest : rawQuery;
  const { outcome } = await searchWith(pagefind, query, totalPages, names, matches, plain.query, english);
  if (strength(outcome) < strength(plain)) return plain;
  return matches.length > 0 ? { ...outcome, concepts: matches.map((m) => m.concept.search[0]!) } : outcome;
}

/**
 * The subject keys (search-title-subject.ts) of the query's terms on more than `minPages` pages,
 * at most two. A rare term typed alone needs none: the pages naming it in their title come first anyway.
 */
function subjectKeys(
  perTerm: readonly TermResults[],
  lexicon: Lexicon,
  namesOfTerm: (term: string) => string[],
  minPages: number,
): string[] {
  const keys = perTerm
    .filter(({ results }) => results.length > minPages)
    .map(({ term }) => subjectKey(lexicon.groups.get(nameKey(term)) ?? namesOfTerm(term)));
  return [...new Set(keys.filter((k): k is string => k !== undefined))].slice(0, 2);
}

/** Whether a query has a Latin word of four letters or more that the glossary's vocabulary lacks, plurals aside. */
function unknownWords(query: string, lexicon: Lexicon): boolean {
  if (lexicon.vocabulary.size === 0) return false;
  return (query.match(/[a-z][a-z0-9]{3,}/gi) ?? []).some((word) => {
    const key = nameKey(word);
    return !isStopword(key) && ![key, key.replace(/e?s$/, ''), key.replace(/s$/, '')].some((k) => lexicon.vocabulary.has(k));
  });
}

const STRONG = 3;
/** How well an outcome answers: nothing, partial matches, whole-query matches that only mention the words, real answers. */
const strength = (o: SearchOutcome) => (o.hits.length === 0 ? 0 : o.exactCount === 0 ? 1 : o.mentionsOnly ? 2 : STRONG);

const HAN_QUERY = /\p{Script=Han}/u;

async function searchWith(
  pagefind: Pagefind,
  rawQuery: string,
  totalPages: number,
  synonyms: Synonyms,
  concepts: readonly ConceptMatch[] = [],
  asked = normalizeQuery(rawQuery),
  english: EnglishWords = NO_WORDS,
): Promise<{ outcome: SearchOutcome; wantsGlossary: boolean }> {
  const query = normalizeQuery(rawQuery);
  if (!asked) return { outcome: { query: asked, hits: [], exactCount: 0 }, wantsGlossary: false };
  const lexicon = lexiconOf(synonyms, english);
  // A Latin word the glossary does not know may be misspelt: only then is the near-word search fetched.
  if (!lexicon.nearest && unknownWords(query, lexicon)) {
    const { nearestWord } = await import('../lib/query-spelling');
    lexicon.nearest = (key) => nearestWord(key, lexicon.vocabulary);
  }
  // A concept is one term searched under all its names, like a glossary term.
  const conceptNames = new Map(concepts.map(({ concept }) => [concept.search[0]!, concept.search.slice(1)]));
  const planned = planTerms(query, lexicon);
  const terms = [
    ...planned.filter((t) => !conceptNames.has(t.text)),
    ...[...conceptNames.keys()].map((text) => ({ text, parts: [] as string[] })),
  ];
  if (terms.length === 0) {
    // Only question words (是什么？): nothing to rank by, Pagefind's own matching is all there is.
    const results = await find(pagefind, asked);
    return { outcome: { query: asked, hits: results.map((result) => ({ result })), exactCount: results.length }, wantsGlossary: false };
  }

  // A term and its other names (content/glossary.yaml, colloquial wordings) count as one term.
  const typing = wordBeingTyped(rawQuery);
  const searchTerm = async (text: string) =>
    sumScores(
      await Promise.all(
        [text, ...alternativesOf(text, lexicon), ...(conceptNames.get(text) ?? [])].map((w) => findKnown(pagefind, w, typing)),
      ),
    );

  const byId = new Map<string, PagefindResult>();
  const perTerm: TermResults[] = [];
  const corrections: { from: string; to: string }[] = [];
  let unknownTerms = 0;
  let rareTerms = 0;
  const record = (term: string, results: PagefindResult[]) => {
    for (const r of results) if (!byId.has(r.id)) byId.set(r.id, r);
    perTerm.push({ term, results: results.map(({ id, score }) => ({ id, score })) });
  };
  const kinds = questionWords(asked);
  const kindResults = Promise.all(kinds.map(async (term) => ({ term, results: await findKnown(pagefind, term) })));
  await Promise.all(
    terms.map(async (term) => {
      const results = await searchTerm(term.text);
      if (results.length < RARE) rareTerms++;
      // A word the index does not know, or knows from a page or two only (a typo someone else
      // made too), is also searched as the word it most likely misspells.
      const corrected = results.length < RARE ? correctSpelling(term.text, lexicon) : undefined;
      if (corrected && nameKey(corrected) !== nameKey(term.text)) {
        // The reader meant the glossary term: pages writing it in Chinese (调度器 for schedular) answer too.
        const chinese = lexicon.groups.get(nameKey(corrected))?.find((n) => HAN_QUERY.test(n));
        const fixed = sumScores(await Promise.all([corrected, ...(chinese ? [chinese] : [])].map(searchTerm)));
        if (fixed.length > results.length) {
          corrections.push({ from: term.text, to: corrected });
          return record(corrected, sumScores([fixed, results]));
        }
      }
      if (results.length > 0) return record(term.text, results);
      // The index does not know the phrase as a whole: try its words, each a term of its own,
      // and for a word it does not know either, that word's two-character windows.
      // Any word still unknown means no page holds what the reader wrote: results are partial.
      const parts = await Promise.all(
        (term.parts.length > 0 ? term.parts : [term.text]).map(async (part) => {
          const found = part === term.text ? [] : await searchTerm(part);
          if (found.length > 0) return [[part, found] as const];
          const windows = await Promise.all(hanWindows(part).map(async (w) => [w, await searchTerm(w)] as const));
          return windows.filter(([, r]) => r.length > 0);
        }),
      );
      if (parts.some((found) => found.length === 0)) unknownTerms++;
      for (const [part, partResults] of parts.flat()) record(part, partResults);
    }),
  );
  // Promise.all resolves in any order; the matched-terms list should read in query order.
  const termOrder = terms.flatMap((t) => [t.text, ...t.parts]);
  const position = (term: string) => {
    const i = termOrder.indexOf(term);
    return i < 0 ? termOrder.indexOf(corrections.find((c) => c.to === term)?.from ?? '') : i;
  };
  perTerm.sort((a, b) => position(a.term) - position(b.term));

  const ranked = mergeTermResults(perTerm, totalPages, await kindResults);
  // A page matches the whole query only if every term was understood and the page contains all of them.
  const full = unknownTerms > 0 ? [] : ranked.filter((p) => p.matched.length === perTerm.length).map((p) => p.id);
  const { ids, exactCount } = combineResults(full, ranked);
  const matchedById = new Map(ranked.map((p) => [p.id, p.matched]));
  const hits = ids.map((id, i) => ({ result: byId.get(id)!, matched: i < exactCount ? undefined : matchedById.get(id) }));
  const found = perTerm.filter((t) => t.results.length > 0);
  const namesOfTerm = (term: string) => [...namesOf(term, lexicon), ...(conceptNames.get(term) ?? [])];
  const informative = found.filter((t) => t.results.length <= totalPages * COMMON_SHARE).map((t) => namesOfTerm(t.term));
  const common = found.filter((t) => t.results.length > totalPages * COMMON_SHARE).map((t) => namesOfTerm(t.term));
  // 介绍一下 X, what is X, X alone (when X is on most pages, Pagefind's order says little about
  // which page is about it): the build marked the pages whose title defines or surveys a term (a
  // filter, Search.astro); they come first, then the titles below decide among them.
  const bare = terms.length === 1 && kinds.length === 0 && concepts.length === 0;
  const subjects = asksAbout(asked, { bare }) ? subjectKeys(perTerm, lexicon, namesOfTerm, bare ? totalPages * COMMON_SHARE : 0) : [];
  const marked = await Promise.all(subjects.map((key) => pagefind.search(null, { filters: { [SUBJECT_FILTER]: key } })));
  const about = new Set(marked.flatMap((r) => r?.results.map((x) => x.id) ?? []));
  if (about.size > 0) {
    const promoted = hits.slice(0, exactCount || hits.length).filter((h) => about.has(h.result.id));
    hits.splice(0, hits.length, ...promoted, ...hits.filter((h) => !promoted.includes(h)));
  }
  // The dialog shows these first results anyway, so reading their titles costs no extra download.
  const window = hits.slice(0, SHOWN);
  const titles = await Promise.all(window.map(async (h) => (await h.result.data()).meta.title ?? ''));
  // Within the shown results, whole-query matches and partial ones each put first the pages whose
  // title is about the query's terms and asks its kind of question.
  const order = orderByTitle(titles, { informative, common, cues: titleCues(asked) }, exactCount, window.map((h) => about.has(h.result.id)));
  hits.splice(0, window.length, ...order.map((i) => window[i]!));
  const shown = order.filter((i) => i < exactCount).map((i) => titles[i]!);
  const mentionsOnly = informative.length > 0 && shown.length > 0 && !shown.some((title) => titleNamesAny(title, informative.flat()));
  return {
    outcome: { query: asked, hits, exactCount, ...(mentionsOnly ? { mentionsOnly } : {}), ...(corrections.length > 0 ? { corrections } : {}) },
    wantsGlossary: rareTerms > 0,
  };
}
