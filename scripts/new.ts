/**
 * `npm run new -- "<问题标题>" --topic <专题 id> [--id <id>] [--tags a,b] [--importance 1|2|3]`
 * Scaffolds content/docs/<topic>/<id>.mdx with a unique id. Never prompts: works in CI and scripts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldEntry, suggestId } from '../src/content-model/new-entry.ts';
import { questionHref } from '../src/content-model/permalink.ts';
import { ID_PATTERN } from '../src/content-model/question.ts';
import { readTopics } from '../src/content-model/topics.ts';

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
  },
});
const title = positionals.join(' ').trim();
const topics = readTopics();
const topicList = topics.map((t) => `${t.id}（${t.title}）`).join('\n  ');
if (!title) fail(`缺少问题标题。用法：npm run new -- "Pod 的 QoS 等级有哪些？" --topic workloads\n专题：\n  ${topicList}`);
if (!values.topic || !topics.some((t) => t.id === values.topic)) fail(`请用 --topic 指定专题，可选：\n  ${topicList}`);
const importanceValue = values.importance === undefined ? 1 : Number(values.importance);
const isImportance = (n: number): n is 1 | 2 | 3 => n === 1 || n === 2 || n === 3;
if (!isImportance(importanceValue)) fail('--importance 只能是 1、2 或 3');
const importance = importanceValue as 1 | 2 | 3;
const tags = values.tags ? values.tags.split(',').map((t) => t.trim()).filter(Boolean) : [];
for (const tag of tags) if (!ID_PATTERN.test(tag)) fail(`标签 “${tag}” 应为小写 kebab-case，例如 pod、network-policy`);

const taken = new Set<string>();
const walk = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)])) : [];
for (const file of walk(DOCS)) {
  const id = /^id:\s*(\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
  if (id) taken.add(id);
}
if (values.id !== undefined) {
  if (!ID_PATTERN.test(values.id)) fail(`--id “${values.id}” 应为小写字母、数字和连字符，例如 pod-qos-classes`);
  if (taken.has(values.id)) fail(`id “${values.id}” 已被使用`);
}
const id = values.id ?? suggestId(title, taken);
const path = join(DOCS, values.topic!, `${id}.mdx`);
mkdirSync(join(DOCS, values.topic!), { recursive: true });
writeFileSync(path, scaffoldEntry({ id, title, topic: values.topic!, tags, importance }), { flag: 'wx' });
console.log(`已创建 ${path}\n永久链接：${questionHref(id)}\n下一步：写答案，然后运行 npm run check 和 npm run dev 预览。`);
