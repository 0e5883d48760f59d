import { getCollection, type CollectionEntry } from 'astro:content';
import type { Importance, Status } from '../content-model/question.ts';
import { questionHref } from '../content-model/permalink.ts';
import { markdownToPlainText } from './share-meta.ts';

export interface QuestionSummary {
  id: string;
  title: string;
  topic: string;
  tags: string[];
  importance: Importance;
  status: Status;
  href: string;
  description: string | undefined;
  /** Repository-relative path of the MDX file, for edit links. */
  filePath: string | undefined;
  /** Ids from frontmatter `related`, in the author's order; may name questions that no longer exist. */
  related: string[];
}

export interface TopicWithQuestions {
  id: string;
  title: string;
  description: string;
  order: number;
  href: string;
  questions: QuestionSummary[];
}

export const topicHref = (id: string) => `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}topics/${id}/`;

const zh = new Intl.Collator('zh-CN');

/** Most important first; ties in the reading order of the Chinese titles. */
export const byImportanceThenTitle = (a: QuestionSummary, b: QuestionSummary) =>
  b.importance - a.importance || zh.compare(a.title, b.title);

export function summarize(entry: CollectionEntry<'docs'>): QuestionSummary {
  const d = entry.data;
  // The questions loader has already enforced these; this narrows the types for the compiler.
  if (!d.id || !d.topic || !d.status) throw new Error(`${entry.filePath}: 缺少 id、topic 或 status`);
  return {
    id: d.id,
    title: d.title,
    topic: d.topic,
    tags: d.tags ?? [],
    importance: d.importance ?? 1,
    status: d.status,
    href: questionHref(d.id, import.meta.env.BASE_URL),
    // Lists render it as text: a Markdown link in the frontmatter must not show as [..](..).
    description: d.description ? markdownToPlainText(d.description) : undefined,
    filePath: entry.filePath,
    related: d.related ?? [],
  };
}

let cached: Promise<TopicWithQuestions[]> | undefined;

/** Topics in study order, each with its questions; computed once per build. */
export function loadCatalog(): Promise<TopicWithQuestions[]> {
  cached ??= (async () => {
    const [topics, docs] = await Promise.all([getCollection('topics'), getCollection('docs')]);
    const questions = docs.map(summarize);
    return topics
      .map((t) => t.data)
      .sort((a, b) => a.order - b.order)
      .map((t) => ({
        ...t,
        href: topicHref(t.id),
        questions: questions.filter((q) => q.topic === t.id).sort(byImportanceThenTitle),
      }));
  })();
  return cached;
}

let flat: Promise<QuestionSummary[]> | undefined;

/** Every question, topic by topic in study order; one array per build, so per-list indexes (related.ts) are built once. */
export function loadQuestions(): Promise<QuestionSummary[]> {
  flat ??= loadCatalog().then((catalog) => catalog.flatMap((t) => t.questions));
  return flat;
}
