import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { topicSchema, type Topic } from './question.ts';

/** The one file that lists topics; read synchronously because schemas are built at config time. */
export const TOPICS_FILE = 'content/topics.yaml';

export function readTopics(file: string = TOPICS_FILE): Topic[] {
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  const topics = topicSchema.array().min(1).parse(raw);
  const seen = new Set<string>();
  for (const t of topics) {
    if (seen.has(t.id)) throw new Error(`${file}: 专题 id “${t.id}” 重复`);
    seen.add(t.id);
  }
  return topics.sort((a, b) => a.order - b.order);
}

export function topicIds(topics: Topic[]): [string, ...string[]] {
  const [first, ...rest] = topics.map((t) => t.id);
  if (first === undefined) throw new Error(`${TOPICS_FILE}: 至少需要一个专题`);
  return [first, ...rest];
}
