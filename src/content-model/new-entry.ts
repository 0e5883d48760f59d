import { stringify } from 'yaml';
import type { GlossaryTerm } from './glossary.ts';
import { ID_PATTERN } from './question.ts';

/** Words that say nothing about which question it is; an id made only of them is not a good id. */
const GENERIC_WORDS = new Set(['kubernetes', 'k8s', 'what', 'is', 'the', 'a', 'an', 'how', 'why', 'and', 'or', 'of', 'in', 'to', 'vs']);
const MAX_ID = 50;

interface Token {
  start: number;
  end: number;
  word: string;
}

/** Where the title names a glossary term (in Chinese, another spelling or English), longest first. */
function termMatches(title: string, glossary: readonly GlossaryTerm[]): Token[] {
  const lower = title.toLowerCase();
  const out: Token[] = [];
  for (const term of glossary) {
    for (const name of [term.zh, ...term.aka, term.en]) {
      const needle = name.normalize('NFKC').toLowerCase();
      if (!needle) continue;
      const latin = /^[\x20-\x7e]+$/.test(needle);
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
        // English names only as whole words: “Pod” must not match inside “Pods” or “PodDisruptionBudget”.
        const end = at + needle.length;
        if (latin && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9]/.test(lower[end] ?? ''))) continue;
        out.push({ start: at, end, word: term.id });
      }
    }
  }
  return out;
}

/** The words of an id, in title order: glossary terms (金丝雀发布 → canary-release) and Latin words. */
export function idWords(title: string, glossary: readonly GlossaryTerm[]): string[] {
  const text = title.normalize('NFKC');
  const candidates = [...termMatches(text, glossary)];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) candidates.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const words: string[] = [];
  let covered = -1;
  for (const c of candidates) {
    if (c.start < covered) continue;
    covered = c.end;
    if (!GENERIC_WORDS.has(c.word) && !words.includes(c.word)) words.push(c.word);
  }
  return words;
}

export type IdChoice = { id: string } | { id?: undefined; suggestion: string };

/**
 * A readable, permanent id from a title: glossary terms and Latin words in title order
 * (`Kubernetes 中如何做金丝雀发布？` → `canary-release`); collisions get a numeric suffix.
 * When the title yields nothing meaningful, there is no id but a suggestion to pass as --id.
 */
export function deriveId(title: string, taken: ReadonlySet<string>, glossary: readonly GlossaryTerm[] = [], hints: { topic?: string; tags?: string[] } = {}): IdChoice {
  const words = idWords(title, glossary);
  let base = '';
  for (const w of words) {
    const next = base ? `${base}-${w}` : w;
    if (next.length > MAX_ID) break;
    base = next;
  }
  if (!base || base.length < 3 || !ID_PATTERN.test(base)) {
    // Something to start from: the tags the author gave, a glossary term the title nearly names, the topic.
    const start = hints.tags?.length ? hints.tags.join('-') : partialTerms(title, glossary)[0];
    return { suggestion: start ? unique(start, taken) : `${hints.topic ?? 'question'}-<英文关键词>` };
  }
  return { id: unique(base, taken) };
}

function unique(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Glossary terms sharing at least two characters in a row with the title: a start for an id. */
function partialTerms(title: string, glossary: readonly GlossaryTerm[]): string[] {
  const scored = glossary
    .map((t) => ({ id: t.id, overlap: Math.max(...[t.zh, ...t.aka].map((n) => longestCommonRun(title, n))) }))
    .filter((t) => t.overlap >= 2)
    .sort((a, b) => b.overlap - a.overlap);
  return scored.map((t) => t.id);
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

export interface ExistingQuestion {
  id: string;
  title: string;
  aliases?: string[];
  file?: string;
}

/** Question words and particles that every title has; they would make all titles look alike. */
const FILLER = /什么是|是什么|有哪些|有什么|哪些|什么|如何|怎么样|怎样|怎么|为什么|简述|谈谈|请问|的|了|吗|呢|和|与|及/g;

/** Title as a set of comparable tokens: glossary terms (so synonyms agree), Latin words, Chinese bigrams. */
function fingerprint(title: string, glossary: readonly GlossaryTerm[]): Set<string> {
  let text = title.normalize('NFKC').toLowerCase();
  const tokens = new Set<string>();
  for (const m of termMatches(text, glossary).sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (text.slice(m.start, m.end).includes('\u0000')) continue;
    tokens.add(`term:${m.word}`);
    text = text.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + text.slice(m.end);
  }
  for (const w of text.match(/[a-z0-9]+/g) ?? []) if (!GENERIC_WORDS.has(w)) tokens.add(w);
  for (const run of text.replace(FILLER, ' ').match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) tokens.add(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.add(run.slice(i, i + 2));
  }
  return tokens;
}

const dice = (a: Set<string>, b: Set<string>) => {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
};

/** Normalised for “is this the same question”: width, case, spaces and punctuation do not count. */
export const sameTitle = (a: string, b: string) => normalizeTitle(a) === normalizeTitle(b);
const normalizeTitle = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

export interface SimilarQuestion extends ExistingQuestion {
  score: number;
  /** The title or alias that matched best. */
  matched: string;
}

/** The existing questions most like a new title (by title and 其他问法), best first. */
export function similarQuestions(title: string, existing: readonly ExistingQuestion[], glossary: readonly GlossaryTerm[] = [], limit = 3, minScore = 0.3): SimilarQuestion[] {
  const mine = fingerprint(title, glossary);
  return existing
    .map((q) => {
      let best = { score: 0, matched: q.title };
      for (const wording of [q.title, ...(q.aliases ?? [])]) {
        const score = sameTitle(title, wording) ? 1 : dice(mine, fingerprint(wording, glossary));
        if (score > best.score) best = { score, matched: wording };
      }
      return { ...q, ...best };
    })
    .filter((q) => q.score >= minScore)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export interface NewEntry {
  id: string;
  title: string;
  topic: string;
  tags?: string[];
  importance?: 1 | 2 | 3;
}

/** The MDX of a fresh, schema-valid question that says plainly it still needs an answer. */
export function scaffoldEntry(entry: NewEntry): string {
  const frontmatter = stringify({
    id: entry.id,
    title: entry.title,
    topic: entry.topic,
    tags: entry.tags ?? [],
    importance: entry.importance ?? 1,
    status: 'needs-answer',
  });
  return `---\n${frontmatter}---\n\n:::note[待补充]\n这道题还没有答案。写好答案后，把上面的 status 改成 answered。\n:::\n\n## 答案要点\n\n（在这里写答案。画图用 \`\`\`mermaid 代码块，示例用 \`\`\`yaml 和 \`\`\`bash。）\n`;
}
