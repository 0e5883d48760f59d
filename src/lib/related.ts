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
  const byId = new Map(all.map((q) => [q.id, q]));
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
  const rest = all
    .filter((q) => !picked.has(q.id))
    .map((q) => ({ q, s: score(q) }))
    .filter(({ s }) => s > 0)
    .sort((a, b) => b.s - a.s || b.q.importance - a.q.importance || zh.compare(a.q.title, b.q.title))
    .map(({ q }) => q);
  return [...result, ...rest].slice(0, limit);
}
