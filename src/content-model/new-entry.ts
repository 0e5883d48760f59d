import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { ID_PATTERN } from './question.ts';

/**
 * A readable id from the Latin words of a title (`什么是 Headless Service？` → `headless-service`),
 * or, for an all-Chinese title, a short stable hash (`q-3f9a2c`). Contributors can pass their own.
 * Collisions get a numeric suffix, so the result is always unused.
 */
export function suggestId(title: string, taken: ReadonlySet<string>): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  let base = (words ?? []).join('-').slice(0, 50).replace(/-+$/, '');
  if (!base || !ID_PATTERN.test(base) || base.length < 3) {
    base = `q-${createHash('sha256').update(title).digest('hex').slice(0, 6)}`;
  }
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface NewEntry {
  id: string;
  title: string;
  topic: string;
  tags?: string[];
  importance?: 1 | 2 | 3;
}

/** The MDX of a fresh, schema-valid question that says plainly it still needs an answer. */
export function scaffoldEntry(entry: NewEntry): string {
  const frontmatter = stringify({
    id: entry.id,
    title: entry.title,
    topic: entry.topic,
    tags: entry.tags ?? [],
    importance: entry.importance ?? 1,
    status: 'needs-answer',
  });
  return `---\n${frontmatter}---\n\n:::note[待补充]\n这道题还没有答案。写好答案后，把上面的 status 改成 answered。\n:::\n\n## 答案要点\n\n（在这里写答案。画图用 \`\`\`mermaid 代码块，示例用 \`\`\`yaml 和 \`\`\`bash。）\n`;
}
