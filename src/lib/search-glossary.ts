/**
 * Which glossary terms a page uses, and in which of their names. A page that only says
 * “Headless Service” gets the term's other names (无头服务…) as hidden, weighted index text, so a
 * search in either language finds it; the glossary page lists the pages per term. Pure: it reads
 * text, not files.
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

/** The term's names, each once however it is cased (etcd, ETCD). */
export function termNames(term: GlossaryTerm): string[] {
  const seen = new Set<string>();
  return [term.en, term.zh, ...term.aka].filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /[A-Za-z0-9]/;

const patterns = new Map<string, RegExp>();
/**
 * Latin names match as whole words, any case, with flexible spacing and an optional plural
 * (“headless services”, “NetworkPolicies” stays out: it is listed as an aka where it matters).
 * Chinese names match anywhere, since Chinese has no spaces between words.
 */
function pattern(name: string): RegExp {
  let re = patterns.get(name);
  if (!re) {
    const body = name.split(/\s+/).map(escape).join('[\\s-]*');
    re = LATIN.test(name)
      ? new RegExp(`(?<![\\p{L}\\p{N}_-])${body}(?:e?s)?(?![\\p{L}\\p{N}_])`, 'giu')
      : new RegExp(body, 'gu');
    patterns.set(name, re);
  }
  re.lastIndex = 0;
  return re;
}

function occurrences(text: string, name: string): number {
  return text.match(pattern(name))?.length ?? 0;
}

export function findTermUses(glossary: GlossaryTerm[], title: string, body: string): TermUse[] {
  const uses: TermUse[] = [];
  for (const term of glossary) {
    const names = termNames(term);
    const counts = names.map((n) => occurrences(title, n) + occurrences(body, n));
    const count = counts.reduce((a, b) => a + b, 0);
    if (count === 0) continue;
    uses.push({
      term,
      count,
      inTitle: names.some((n) => occurrences(title, n) > 0),
      missing: names.filter((_, i) => counts[i] === 0),
    });
  }
  return uses;
}

export interface HiddenIndexText {
  /** Pagefind weight (the page title has 7, body text 1). */
  weight: number;
  text: string;
}

/**
 * The other-language names of the terms a page uses, grouped by index weight: names of a term in
 * the title weigh like the title; others weigh more the more often the page uses the term, so the
 * page about a term outranks pages that mention it once.
 */
export function hiddenIndexText(uses: TermUse[]): HiddenIndexText[] {
  const groups = new Map<number, string[]>();
  for (const use of uses) {
    if (use.missing.length === 0) continue;
    const weight = use.inTitle ? 10 : Math.min(1 + Math.floor(Math.log2(use.count)), 4);
    groups.set(weight, [...(groups.get(weight) ?? []), ...use.missing]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([weight, names]) => ({ weight, text: names.join(' ') }));
}
