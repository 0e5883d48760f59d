/**
 * `npm run new -- "<问题标题>" --topic <专题 id> [--id <id>] [--tags a,b] [--importance 1|2|3] [--force]`
 * Scaffolds content/docs/<topic>/<id>.mdx with a unique, readable id. Never prompts: works in CI and scripts.
 * Before creating anything it shows the most similar existing questions, and refuses the same
 * question twice unless --force.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readGlossary, GLOSSARY_FILE, type GlossaryTerm } from '../src/content-model/glossary.ts';
import { deriveId, sameTitle, scaffoldEntry, similarQuestions, type ExistingQuestion } from '../src/content-model/new-entry.ts';
import { questionHref } from '../src/content-model/permalink.ts';
import { ID_PATTERN } from '../src/content-model/question.ts';
import { readTopics } from '../src/content-model/topics.ts';
import { SITE } from '../src/site.config.ts';

const DOCS = 'content/docs';
const fail = (message: string): never => {
  console.error(`npm run new: ${message}`);
  process.exit(1);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    topic: { type: 'string' },
    id: { type: 'string' },
    tags: { type: 'string' },
    importance: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
const title = positionals.join(' ').trim();
const topics = readTopics();
const topicList = topics.map((t) => `${t.id}（${t.title}）`).join('\n  ');
if (!title) fail(`缺少问题标题。用法：npm run new -- "Pod 的 QoS 等级有哪些？" --topic workloads\n专题：\n  ${topicList}`);
if (!values.topic || !topics.some((t) => t.id === values.topic)) fail(`请用 --topic 指定专题，可选：\n  ${topicList}`);
const topic = values.topic!;
const importanceValue = values.importance === undefined ? 1 : Number(values.importance);
const isImportance = (n: number): n is 1 | 2 | 3 => n === 1 || n === 2 || n === 3;
if (!isImportance(importanceValue)) fail('--importance 只能是 1、2 或 3');
const importance = importanceValue as 1 | 2 | 3;
const tags = values.tags ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
for (const tag of tags) if (!ID_PATTERN.test(tag)) fail(`标签 “${tag}” 应为小写 kebab-case，例如 pod、network-policy`);

let glossary: GlossaryTerm[] = [];
try {
  glossary = readGlossary();
} catch (e) {
  console.warn(`警告：读不了 ${GLOSSARY_FILE}（${(e as Error).message.split('\n')[0]}），id 只用标题里的英文单词生成`);
}

const walk = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)])) : [];
const existing: ExistingQuestion[] = [];
for (const file of walk(DOCS).filter((f) => f.endsWith('.mdx'))) {
  const text = readFileSync(file, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  let data: Record<string, unknown> = {};
  try {
    data = (parse(fm ?? '') ?? {}) as Record<string, unknown>;
  } catch {
    // A page with broken frontmatter still takes its id (`npm run check` reports the page itself).
  }
  const id = typeof data.id === 'string' ? data.id : /^id:\s*(\S+)/m.exec(fm ?? '')?.[1];
  if (!id) continue;
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
  existing.push({ id, title: typeof data.title === 'string' ? data.title : '', aliases, file });
}
const taken = new Set(existing.map((q) => q.id));

const url = (id: string) => `${SITE.url.replace(/\/$/, '')}${questionHref(id, SITE.base)}`;
const similar = similarQuestions(title, existing, glossary);
const duplicate = existing.find((q) => [q.title, ...(q.aliases ?? [])].some((t) => sameTitle(t, title)));
if (similar.length > 0) {
  console.warn(`已有相似的问题，先看看是不是同一道题（是的话请补充那一页，或把这种问法加到它的 aliases）：`);
  for (const q of similar) console.warn(`  ${q.title}  ${url(q.id)}  (${q.file})${q.matched !== q.title ? `  其他问法：${q.matched}` : ''}`);
}
if (duplicate && !values.force) {
  fail(`“${title}” 已经存在：${duplicate.file}（${url(duplicate.id)}）。确实要再建一道同名问题时加 --force`);
}

if (values.id !== undefined) {
  if (!ID_PATTERN.test(values.id)) fail(`--id “${values.id}” 应为小写字母、数字和连字符，例如 pod-qos-classes`);
  if (taken.has(values.id)) fail(`id “${values.id}” 已被使用`);
}
let id = values.id;
if (id === undefined) {
  const choice = deriveId(title, taken, glossary, { topic, tags });
  if (choice.id === undefined) {
    fail(
      `无法从标题生成好读的永久链接 id（标题里没有英文单词，也没有 ${GLOSSARY_FILE} 里的术语）。` +
        `请用 --id 指定一个英文 id，例如：--id ${choice.suggestion}\n` +
        `（id 一旦发布就不能改；也可以把标题里的术语加进 ${GLOSSARY_FILE}）`,
    );
  }
  id = choice.id;
}
const path = join(DOCS, topic, `${id}.mdx`);
mkdirSync(join(DOCS, topic), { recursive: true });
writeFileSync(path, scaffoldEntry({ id: id!, title, topic, tags, importance }), { flag: 'wx' });
console.log(`已创建 ${path}\n永久链接：${questionHref(id!)}\n下一步：写答案，然后运行 npm run check 和 npm run dev 预览。`);
