import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../src/checks/frontmatter.ts';
import { questionHref } from '../src/content-model/permalink.ts';
import { readTopics } from '../src/content-model/topics.ts';
import { hasGapNotice } from '../src/lib/gap-notices.ts';

/**
 * What the content says, read at test time from content/topics.yaml and the frontmatter of
 * content/docs/**\/*.mdx, so the suite pins behaviour ("the list shows every question of the
 * topic") rather than facts editors change (how many questions a topic has, a title's wording).
 */

export type Status = 'answered' | 'partial' | 'needs-answer';

export interface Question {
  id: string;
  title: string;
  topic: string;
  tags: string[];
  importance: 1 | 2 | 3;
  status: Status;
  related: string[];
  /** 其他问法: the notes' own wordings of a merged question. */
  aliases: string[];
  /** Repository-relative path of the MDX file, as edit links name it. */
  file: string;
  /** Permalink path, /q/<id>/. */
  href: string;
  /** Mermaid diagrams in the answer (```mermaid fences). */
  diagrams: number;
}

export interface Topic {
  id: string;
  title: string;
  order: number;
  href: string;
  questions: Question[];
}

const DOCS = 'content/docs';

function readQuestions(): Question[] {
  const out: Question[] = [];
  for (const dir of readdirSync(DOCS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(DOCS, dir.name))) {
      if (!name.endsWith('.mdx')) continue;
      const file = `${DOCS}/${dir.name}/${name}`;
      const text = readFileSync(file, 'utf8');
      const d = parseFrontmatter(file, text).frontmatter?.data;
      if (!d) throw new Error(`${file}: no frontmatter`);
      const id = String(d.id);
      out.push({
        id,
        title: String(d.title),
        topic: String(d.topic),
        tags: (d.tags as string[] | undefined) ?? [],
        importance: ((d.importance as number | undefined) ?? 1) as 1 | 2 | 3,
        status: d.status as Status,
        related: (d.related as string[] | undefined) ?? [],
        aliases: (d.aliases as string[] | undefined) ?? [],
        file,
        href: questionHref(id),
        diagrams: (text.match(/^\s*```mermaid\b/gm) ?? []).length,
      });
    }
  }
  return out;
}

function topicsOf(all: readonly Question[]): Topic[] {
  return readTopics().map((t) => ({
    id: t.id,
    title: t.title,
    order: t.order,
    href: `/topics/${t.id}/`,
    questions: all.filter((q) => q.topic === t.id),
  }));
}

export const questions: readonly Question[] = readQuestions();
export const topics: readonly Topic[] = topicsOf(questions);

export function question(id: string): Question {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question with id ${id} in ${DOCS}`);
  return q;
}

export function topic(id: string): Topic {
  const t = topics.find((x) => x.id === id);
  if (!t) throw new Error(`no topic ${id} in content/topics.yaml`);
  return t;
}

/** Questions whose status says the answer is missing or partial (their page shows a status notice). */
export const incomplete = (qs: readonly Question[] = questions) => qs.filter((q) => q.status !== 'answered');

/** What /todo/ lists: incomplete questions, and answered ones carrying a 原文缺失/待补充 notice in the text. */
export const onTodoPage = (qs: readonly Question[] = questions) =>
  qs.filter((q) => q.status !== 'answered' || hasGapNotice(readFileSync(q.file, 'utf8')));

/** The 常考和高频 practice scope. */
export const isImportant = (q: Question) => q.importance >= 2;

/** The smallest topic that satisfies `ok`: keeps per-topic sessions short; throws when none does. */
export function smallestTopic(what: string, ok: (t: Topic) => boolean = () => true): Topic {
  const t = [...topics].filter(ok).sort((a, b) => a.questions.length - b.questions.length || a.order - b.order)[0];
  if (!t) throw new Error(`content has no topic with ${what}`);
  return t;
}

const distinct = <T>(xs: Iterable<T>) => new Set(xs).size;

export const hasStatuses = (n: number) => (t: Topic) => distinct(t.questions.map((q) => q.status)) >= n;
export const hasImportances = (n: number) => (t: Topic) => distinct(t.questions.map((q) => q.importance)) >= n;
export const hasQuestions = (n: number) => (t: Topic) => t.questions.length >= n;
export const hasDiagram = (t: Topic) => t.questions.some((q) => q.diagrams > 0);
