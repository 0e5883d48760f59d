import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { questionFields, topicSchema } from './content-model/question.ts';
import { readTopics, topicIds, TOPICS_FILE } from './content-model/topics.ts';
import { questionsLoader } from './content-model/questions-loader.ts';

const questionSchema = questionFields(topicIds(readTopics()));

export const collections = {
  // Every file under content/docs is one interview question; its page lives at /q/<id>/.
  docs: defineCollection({
    loader: questionsLoader({ base: './content/docs', schema: questionSchema }),
    // Optional here only because Starlight reuses this schema for <StarlightPage> frontmatter.
    schema: docsSchema({ extend: questionSchema.partial() }),
  }),
  topics: defineCollection({
    loader: file(TOPICS_FILE),
    schema: topicSchema,
  }),
};
