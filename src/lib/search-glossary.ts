/**
 * Which glossary terms a page uses, and in which of their names. A page that only says
 * “Headless Service” lists the term with all its names (无头服务…) under 本题术语, weighted in the
 * index, so a search in either language finds it; the glossary page lists the pages per term.
 * Pure: it reads text, not files.
 */
import type { GlossaryTerm } from '../content-model/glossary';

export interface TermUse {
  term: GlossaryTerm;
  /** How often any of the term's names occurs in the text. */
  count: number;
  /** Whether the title names the term. */
  inTitle: boolean;
  /** The term's names this text never uses: what a reader searching in the other language types. */
  missing: string[];
}

const namesOf = new WeakMap<GlossaryTerm, string[]>();

/** The term's names, each once however it is cased (etcd, ETCD); computed once per term, as every page asks for every term. */
export function termNames(term: GlossaryTerm): string[] {
  let names = namesOf.get(term);
  if (!names) {
    const seen = new Set<string>();
    names = [term.en, term.zh, ...term.aka].filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
    namesOf.set(term, names);
  }
  return names;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /[A-Za-z0-9]/;

const patterns = new Map<string, RegExp>();
/**
 * Latin names match as whole words, any case, with flexible spacing and an optional plural
 * (“headless services”, “NetworkPolicies” stays out: it is listed as an aka where it matters).
 * Chinese names match anywhere, since Chinese has no spaces between words.
 * The pattern is the name alone; the word boundaries are checked by `occurrences` with the
 * shared classes below, because a Unicode letter class compiled into each of the ~500 names'
 * regexes cost a build more than all the matching (about 1 ms per regex).
 */
function pattern(name: string): RegExp {
  let re = patterns.get(name);
  if (!re) {
    const body = name.split(/\s+/).map(escape).join('[\\s-]*');
    re = new RegExp(body, LATIN.test(name) ? 'giu' : 'gu');
    patterns.set(name, re);
  }
  re.lastIndex = 0;
  return re;
}

/** What may not touch a Latin name: before it (a hyphen too: “kube-proxy” is not “proxy”), after it. */
const WORD_BEFORE = /[\p{L}\p{N}_-]/iu;
const WORD_AFTER = /[\p{L}\p{N}_]/iu;
/** The plural endings `(?:e?s)?` allows. */
const PLURALS = [/es/iuy, /s/iuy];

const charAt = (text: string, i: number) => (i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : '');
const charBefore = (text: string, i: number) => {
  if (i <= 0) return '';
  const pair = i >= 2 && /^[\ud800-\udbff][\udc00-\udfff]$/.test(text.slice(i - 2, i));
  return text.slice(pair ? i - 2 : i - 1, i);
};

/**
 * Count of `(?<![\p{L}\p{N}_-])name(?:e?s)?(?![\p{L}\p{N}_])` matches (global, `iu`) for a
 * Latin name, or of the name itself for a Chinese one: each match of the name is kept when
 * nothing word-like precedes it and it, or it with a plural ending, is not followed by one.
 */
function occurrences(text: string, name: string): number {
  const re = pattern(name);
  if (!LATIN.test(name)) return text.match(re)?.length ?? 0;
  let count = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const ends = [...PLURALS.map((p) => ((p.lastIndex = end), p.test(text) ? p.lastIndex : -1)), end];
    const after = ends.find((e) => e >= 0 && !WORD_AFTER.test(charAt(text, e)));
    if (after !== undefined && !WORD_BEFORE.test(charBefore(text, start))) {
      count++;
      re.lastIndex = after;
    } else {
      re.lastIndex = start + charAt(text, start).length;
    }
  }
  return count;
}

/**
 * A text with its case-folded copy, for a substring test before the regex: most of the ~500
 * names occur in none of a page's text, and `includes` rules them out far faster than a scan
 * with a Unicode case-insensitive regex (it was most of a question page's build time).
 */
interface ScannedText {
  text: string;
  /** Lower case, plus the one non-ASCII letter whose case folding (/iu) is ASCII but not its lower case: ſ → s. */
  folded: string;
}

const scanned = (text: string): ScannedText => ({ text, folded: text.toLowerCase().replaceAll('\u017f', 's') });

/**
 * The literal pieces every match of `name` contains: its words, case-folded for a Latin name.
 * Undefined when the name has a cased non-ASCII letter, whose case variants `toLowerCase` may not
 * cover; such a name always goes to the regex.
 */
const literals = new Map<string, { words: string[]; folded: boolean } | undefined>();
function literalWords(name: string) {
  if (!literals.has(name)) {
    const nonAscii = name.replace(/[\x00-\x7f]/g, '');
    const folded = LATIN.test(name);
    const safe = !folded || nonAscii.toLowerCase() === nonAscii.toUpperCase();
    const words = name.split(/\s+/).filter(Boolean);
    literals.set(name, safe ? { words: folded ? words.map((w) => w.toLowerCase()) : words, folded } : undefined);
  }
  return literals.get(name);
}

function count(text: ScannedText, name: string): number {
  const lit = literalWords(name);
  if (lit && !lit.words.every((w) => (lit.folded ? text.folded : text.text).includes(w))) return 0;
  return occurrences(text.text, name);
}

export function findTermUses(glossary: GlossaryTerm[], title: string, body: string): TermUse[] {
  const uses: TermUse[] = [];
  const t = scanned(title);
  const b = scanned(body);
  for (const term of glossary) {
    const names = termNames(term);
    const inTitle = names.map((n) => count(t, n));
    const counts = names.map((n, i) => inTitle[i]! + count(b, n));
    const total = counts.reduce((a, c) => a + c, 0);
    if (total === 0) continue;
    uses.push({
      term,
      count: total,
      inTitle: inTitle.some((c) => c > 0),
      missing: names.filter((_, i) => counts[i] === 0),
    });
  }
  return uses;
}

export interface PageTerm {
  id: string;
  /** Every name of the term, the other language's included. */
  names: string[];
  /**
   * The names the page never uses: only these are indexed from the list, so the page becomes
   * findable by them without counting the names it already uses twice.
   */
  missing: string[];
  /** Pagefind weight of this entry (the page title has 7, body text 1). */
  weight: number;
}

/**
 * The terms a page uses, each with all its names, for the page's 本题术语 list. Terms named in
 * the title weigh the most Pagefind allows (the page is about them); others weigh more the more
 * often the page uses them, so the page about a term outranks pages that mention it once.
 * Most relevant first.
 */
export function pageTerms(uses: TermUse[]): PageTerm[] {
  return uses
    .map((use) => ({
      id: use.term.id,
      names: termNames(use.term),
      missing: use.missing,
      weight: use.inTitle ? 10 : Math.min(1 + Math.floor(Math.log2(use.count)), 4),
      count: use.count,
    }))
    .sort((a, b) => b.weight - a.weight || b.count - a.count)
    .map(({ id, names, missing, weight }) => ({ id, names, missing, weight }));
}
