import { loadCatalog, type QuestionSummary, type TopicWithQuestions } from '../../lib/catalog';
import { questionEntries } from '../../lib/question-entries';
import { answersHref, estimateAnswerBytes, partHref, splitByWeight } from './topic-parts';

export interface TopicPart {
  topic: TopicWithQuestions;
  /** 1-based */
  part: number;
  /** How many parts the topic has. */
  parts: number;
  questions: QuestionSummary[];
  printHref: string;
  practiceHref: string;
  answersHref: string;
}

let cached: Promise<TopicPart[]> | undefined;

/** Every topic with questions, split into parts of bounded size (see topic-parts.ts); computed once per build. */
export function loadTopicParts(): Promise<TopicPart[]> {
  cached ??= (async () => {
    const [catalog, entries] = await Promise.all([loadCatalog(), questionEntries()]);
    const base = import.meta.env.BASE_URL;
    return catalog.flatMap((topic) => {
      const split = splitByWeight(topic.questions, (q) => estimateAnswerBytes(entries.get(q.id)?.body ?? ''));
      return split.map((questions, i) => ({
        topic,
        part: i + 1,
        parts: split.length,
        questions,
        printHref: partHref(base, 'all', topic.id, i + 1),
        practiceHref: partHref(base, 'practice', topic.id, i + 1),
        answersHref: answersHref(base, topic.id, i + 1),
      }));
    });
  })();
  return cached;
}

/** `[...part]` route param: undefined for part 1, "2", "3"… after it. */
export const partParam = (part: number) => (part === 1 ? undefined : String(part));

/** Static paths of the per-topic pages (/all/<topic>/[n/], /practice/<topic>/[n/]): one per part. */
export async function topicPartPaths() {
  return (await loadTopicParts()).map((p) => ({ params: { topic: p.topic.id, part: partParam(p.part) }, props: { p } }));
}
