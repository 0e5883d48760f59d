/** The fields of a question that relatedness is computed from (a subset of QuestionSummary). */
export interface RelatableQuestion {
  id: string;
  title: string;
  topic: string;
  tags: readonly string[];
  importance: number;
  /** Ids the author listed in frontmatter `related`, in the order they want them shown. */
  related?: readonly string[];
}

const zh = new Intl.Collator('zh-CN');

/**
 * “相关问题” for one question: first the author's explicit `related` ids (unknown ids are skipped,
 * so a renamed question never breaks a page), then questions that share tags, a shared tag
 * weighing more than merely being in the same topic. Ties: more important first, then by title.
 */
export function relatedQuestions<T extends RelatableQuestion>(current: T, all: readonly T[], limit = 5): T[] {
  const { byId, candidates } = indexOf(all);
  const picked = new Set<string>([current.id]);
  const result: T[] = [];
  for (const id of current.related ?? []) {
    const q = byId.get(id);
    if (q && !picked.has(id)) {
      picked.add(id);
      result.push(q);
    }
  }
  const tags = new Set(current.tags);
  const score = (q: T) => 2 * q.tags.filter((t) => tags.has(t)).length + (q.topic === current.topic ? 1 : 0);
  const rest = candidates(current)
    .filter((q) => !picked.has(q.id))
    .map((q) => ({ q, s: score(q) }))
    .sort((a, b) => b.s - a.s || b.q.importance - a.q.importance || zh.compare(a.q.title, b.q.title))
    .map(({ q }) => q);
  return [...result, ...rest].slice(0, limit);
}

interface Index<T> {
  byId: Map<string, T>;
  /** The questions with a score above zero (same topic or a shared tag), in the order of `all`. */
  candidates: (current: T) => T[];
}

// Keyed by the list itself; the value's element type is that list's, which a WeakMap cannot express.
const indexes = new WeakMap<readonly RelatableQuestion[], unknown>();

/**
 * Lookups over `all`, built once per list: every question page asks for its related questions,
 * and scoring the whole list each time would cost the square of the number of questions.
 */
function indexOf<T extends RelatableQuestion>(all: readonly T[]): Index<T> {
  let index = indexes.get(all) as Index<T> | undefined;
  if (index) return index;
  const positions = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  };
  all.forEach((q, i) => {
    add(`topic:${q.topic}`, i);
    for (const tag of new Set(q.tags)) add(`tag:${tag}`, i);
  });
  index = {
    byId: new Map(all.map((q) => [q.id, q])),
    candidates: (current) => {
      const keys = [`topic:${current.topic}`, ...current.tags.map((t) => `tag:${t}`)];
      const found = new Set(keys.flatMap((k) => positions.get(k) ?? []));
      return [...found].sort((a, b) => a - b).map((i) => all[i]!);
    },
  };
  indexes.set(all, index);
  return index;
}
