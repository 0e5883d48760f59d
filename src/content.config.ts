import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
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
  // Overrides of Starlight's built-in Chinese UI strings (src/content/i18n/zh-CN.json).
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  topics: defineCollection({
    loader: file(TOPICS_FILE),
    schema: topicSchema,
  }),
};
