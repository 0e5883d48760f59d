/**
 * Our questions as a VitePress 1.6 site, for `npm run bench:vitepress`: the same content built by
 * the usual alternative (VitePress + the client-side Mermaid plugin), so build time and page JS can
 * be compared on one machine in one run.
 *
 * The conversion edits the source text only where VitePress syntax differs, and keeps every other
 * byte (a Markdown parser finds the places, so `:::` inside a code block is never touched):
 *   - frontmatter `title` → `# title` (and `title`/`description` frontmatter for <title> and meta);
 *     `aliases` → a “其他问法” line under the title, as our page header shows them;
 *   - Starlight asides `:::note|tip|caution|danger[标签]` → VitePress `::: info|tip|warning|danger 标签`
 *     (unlabelled asides get Starlight's Chinese default labels through the VitePress config);
 *   - `::::other-answer[笔记 …]` → a VitePress `:::: details <first heading>（出自笔记 …）` container,
 *     the same collapsed <details> with the same summary our site renders; colons are kept, so
 *     asides nested inside stay nested;
 *   - ```mermaid fences are kept for vitepress-plugin-mermaid, which renders them in the browser;
 *   - links `/q/<id>/#anchor` → `/q/<id>#anchor` (redirected ids follow content/redirects.yaml),
 *     `/topics/<id>/` → `/topics/<id>`; other site-internal links have no page in the copy and are
 *     listed for VitePress's dead-link check to ignore;
 *   - `{{` outside code is wrapped in `<span v-pre>`, as VitePress compiles every page as a Vue
 *     template (fenced code is already v-pre).
 * Heading anchors use VitePress's own slugs; that does not change what is built or shipped.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Heading, Nodes, Paragraph, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';

export interface Topic {
  id: string;
  title: string;
  description: string;
  order: number;
}

export interface Question {
  id: string;
  title: string;
  topic: string;
  importance: number;
  description: string | undefined;
  aliases: string[];
  /** Repository-relative path, for error messages. */
  file: string;
  /** The MDX after the frontmatter. */
  body: string;
  /** Line number of the body's first line in the file. */
  bodyLine: number;
}

/** Where a link target lives in the VitePress copy, or undefined when the copy has no such page. */
export type LinkResolver = (url: string) => string | undefined;

/** Starlight aside type → VitePress custom container type. */
const ASIDES: Record<string, string> = { note: 'info', tip: 'tip', caution: 'warning', danger: 'danger' };
const OTHER_ANSWER = 'other-answer';

/** Starlight's zh-CN aside labels, for asides written without one. */
export const CONTAINER_LABELS = {
  infoLabel: '注意',
  tipLabel: '提示',
  warningLabel: '警告',
  dangerLabel: '危险',
  detailsLabel: '另一份笔记的回答',
};

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Text that VitePress puts into a Vue template: no raw tags, no `{{` interpolation. */
export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('{{', '{<span v-pre>{</span>');
}

/** Text inside `[…](url)`: brackets in a title must not end the link. */
const linkText = (text: string) => escapeText(text).replace(/[[\]]/g, '\\$&');

export function readQuestion(file: string, text: string): Question {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}:1: 缺少 frontmatter（文件应以 --- 开头）`);
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}:2: frontmatter 不是合法的 YAML：${(error as Error).message}`);
  }
  const field = (name: string) => {
    const value = data[name];
    if (typeof value !== 'string' || !value.trim()) {
      const line = (match[1] ?? '').split(/\r?\n/).findIndex((l) => l.startsWith(`${name}:`));
      throw new Error(`${file}:${line === -1 ? 1 : line + 2}: frontmatter 缺少字段 ${name}（需要非空字符串）`);
    }
    return value;
  };
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
  return {
    id: field('id'),
    title: field('title'),
    topic: field('topic'),
    importance: typeof data.importance === 'number' ? data.importance : 1,
    description: typeof data.description === 'string' ? data.description : undefined,
    aliases,
    file,
    body: text.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Whole-line rewrites of container fences win over inline edits inside them (the label). */
  line: boolean;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/**
 * The body of one question in VitePress Markdown. `unresolved` collects internal links that have no
 * page in the copy (they still work on our site; VitePress is told not to fail on them).
 */
export function convertBody(q: Question, resolve: LinkResolver, unresolved: Set<string> = new Set()): string {
  const source = q.body;
  const tree = parser.parse(source) as Root;
  const edits: Edit[] = [];
  const where = (node: Nodes) => `${q.file}:${(node.position?.start.line ?? 1) + q.bodyLine - 1}`;
  const offsets = (node: Nodes) => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
  const lineBounds = (offset: number) => {
    const start = source.lastIndexOf('\n', offset - 1) + 1;
    const end = source.indexOf('\n', offset);
    return { start, end: end === -1 ? source.length : end };
  };

  visit(tree, (node: Nodes) => {
    if (node.type === 'containerDirective') {
      const directive = node as ContainerDirective;
      const first = directive.children[0];
      const hasLabel = first?.type === 'paragraph' && (first as Paragraph).data?.directiveLabel === true;
      const label = hasLabel ? toString(first).trim() : '';
      let opening: string;
      if (directive.name === OTHER_ANSWER) {
        if (!label) throw new Error(`${where(node)}: ::::${OTHER_ANSWER} 需要注明出自哪份笔记，例如 ::::${OTHER_ANSWER}[笔记 002]`);
        const heading = directive.children.find((c): c is Heading => c.type === 'heading');
        const title = heading ? toString(heading) : CONTAINER_LABELS.detailsLabel;
        opening = `details ${escapeText(`${title}（出自${label}）`)}`;
      } else if (ASIDES[directive.name]) {
        opening = `${ASIDES[directive.name]}${label ? ` ${escapeText(label)}` : ''}`;
      } else {
        throw new Error(
          `${where(node)}: 不认识的容器 :::${directive.name}，转换到 VitePress 只支持 ${[...Object.keys(ASIDES), OTHER_ANSWER].join('、')}`,
        );
      }
      const { start } = offsets(node);
      const open = lineBounds(start);
      const prefix = source.slice(open.start, start);
      const colons = /^:+/.exec(source.slice(start))?.[0] ?? ':::';
      edits.push({ start: open.start, end: open.end, text: `${prefix}${colons} ${opening}`, line: true });
      return;
    }
    if (node.type === 'link' || node.type === 'definition') {
      if (!node.url.startsWith('/')) return;
      const target = resolve(node.url);
      if (target === undefined) {
        if (/^\/q\//.test(node.url)) throw new Error(`${where(node)}: 链接 ${node.url} 指向不存在的问题`);
        unresolved.add(deadLinkKey(node.url));
        return;
      }
      const { start, end } = offsets(node);
      const raw = source.slice(start, end);
      const at = raw.lastIndexOf(node.url);
      if (at === -1) throw new Error(`${where(node)}: 找不到链接 ${node.url} 的原文（网址里有转义字符？）`);
      edits.push({ start: start + at, end: start + at + node.url.length, text: target, line: false });
      return;
    }
    if (node.type === 'inlineCode' && node.value.includes('{{')) {
      const { start, end } = offsets(node);
      edits.push({ start, end, text: `<span v-pre>${source.slice(start, end)}</span>`, line: false });
      return;
    }
    if (node.type === 'text' && node.value.includes('{{')) {
      const { start, end } = offsets(node);
      const raw = source.slice(start, end).replace(/\\?\{\\?\{/g, (m) => `<span v-pre>${m}</span>`);
      edits.push({ start, end, text: raw, line: false });
    }
  });

  const lines = edits.filter((e) => e.line);
  const kept = edits.filter((e) => e.line || !lines.some((l) => e.start < l.end && l.start < e.end));
  let out = source;
  for (const edit of kept.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** How VitePress's dead-link check spells a link (and so how `ignoreDeadLinks` must list it). */
export const deadLinkKey = (url: string) => {
  const path = url.replace(/[?#].*$/, '').replace(/\.(html|md)$/, '');
  return path.endsWith('/') ? `${path}index` : path;
};

const yamlString = (s: string) => JSON.stringify(s);

export function questionPage(q: Question, resolve: LinkResolver, unresolved?: Set<string>): string {
  const head = ['---', `title: ${yamlString(q.title)}`];
  if (q.description) head.push(`description: ${yamlString(plainText(q.description))}`);
  head.push('---', '', `# ${escapeText(q.title)}`, '');
  if (q.aliases.length) head.push(`> 其他问法：${q.aliases.map(escapeText).join('；')}`, '');
  return `${head.join('\n')}\n${convertBody(q, resolve, unresolved)}`;
}

/** Descriptions are shown as text in lists and meta: `[a](b)` → `a`. */
export const plainText = (markdown: string) => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*`]/g, '');

const zh = new Intl.Collator('zh-CN');
/** Our sidebar and topic pages: most important first, then the reading order of the titles. */
export const byImportanceThenTitle = (a: Question, b: Question) => b.importance - a.importance || zh.compare(a.title, b.title);

export const questionPath = (id: string) => `/q/${id}`;
export const topicPath = (id: string) => `/topics/${id}`;

export function topicPage(topic: Topic, questions: Question[]): string {
  const items = questions.map((q) => {
    const summary = q.description ? `：${escapeText(plainText(q.description))}` : '';
    return `- [${linkText(q.title)}](${questionPath(q.id)})${summary}`;
  });
  return `---\ntitle: ${yamlString(topic.title)}\n---\n\n# ${escapeText(topic.title)}\n\n${escapeText(topic.description)}\n\n${items.join('\n')}\n`;
}

export function homePage(title: string, topics: { topic: Topic; questions: Question[] }[]): string {
  const items = topics.map(({ topic, questions }) => `- [${linkText(topic.title)}](${topicPath(topic.id)})（${questions.length} 题）：${escapeText(topic.description)}`);
  return `# ${escapeText(title)}\n\n${items.join('\n')}\n`;
}

export interface SidebarGroup {
  text: string;
  collapsed: boolean;
  items: { text: string; link: string }[];
}

/** One group per topic, in study order, as our site's sidebar: overview first, then the questions. */
export function sidebar(topics: { topic: Topic; questions: Question[] }[]): SidebarGroup[] {
  // VitePress renders sidebar text as HTML.
  return topics.map(({ topic, questions }) => ({
    text: escapeText(topic.title),
    collapsed: true,
    items: [
      { text: '专题概览', link: topicPath(topic.id) },
      ...questions.map((q) => ({ text: escapeText(q.title), link: questionPath(q.id) })),
    ],
  }));
}

/**
 * Local search by default, as our site has search (Pagefind); VitePress builds its index during the
 * build, about a tenth of its build time here. `search: false` gives the bare VitePress + Mermaid setup.
 */
export function configModule(title: string, groups: SidebarGroup[], ignoreDeadLinks: string[], search = true): string {
  const config = {
    title,
    lang: 'zh-CN',
    ignoreDeadLinks,
    markdown: { container: CONTAINER_LABELS },
    themeConfig: { sidebar: groups, outline: [2, 3], ...(search ? { search: { provider: 'local' } } : {}) },
  };
  return `import { defineConfig } from 'vitepress';
import { withMermaid } from 'vitepress-plugin-mermaid';

export default withMermaid(defineConfig(${JSON.stringify(config, null, 2)}));
`;
}

export interface ConvertedSite {
  questions: number;
  topics: number;
  /** Markdown pages written: questions, topic pages and the home page. */
  pages: number;
  diagrams: number;
  /** Internal links with no page in the copy (our extra pages such as /glossary/). */
  unresolved: string[];
  /** The question pages to measure: the first (sidebar order) with a diagram and the first without. */
  sample: { withDiagram: string | undefined; withoutDiagram: string | undefined };
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));

/** Reads content/ of `project` and writes a VitePress source tree (pages + .vitepress/config.mjs) to `outDir`. */
export function convertSite(project: string, outDir: string, { title = 'K8s 面试笔记', search = true } = {}): ConvertedSite {
  const topicsFile = join(project, 'content/topics.yaml');
  const topics = (parseYaml(readFileSync(topicsFile, 'utf8')) as Topic[]).sort((a, b) => a.order - b.order);
  const questions = walk(join(project, 'content/docs'))
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => readQuestion(relative(project, f), readFileSync(f, 'utf8')));
  const known = new Set(topics.map((t) => t.id));
  for (const q of questions) if (!known.has(q.topic)) throw new Error(`${q.file}: topic “${q.topic}” 不在 content/topics.yaml 里`);
  const ids = new Set(questions.map((q) => q.id));
  const redirectsFile = join(project, 'content/redirects.yaml');
  const redirects = new Map<string, string>();
  try {
    for (const r of (parseYaml(readFileSync(redirectsFile, 'utf8')) ?? []) as { from: string; to: string }[]) redirects.set(r.from, r.to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const resolve: LinkResolver = (url) => {
    const q = /^\/q\/([^/#?]+)\/?([#?].*)?$/.exec(url);
    if (q) {
      const id = ids.has(q[1]!) ? q[1]! : redirects.get(q[1]!);
      return id && ids.has(id) ? `${questionPath(id)}${q[2] ?? ''}` : undefined;
    }
    const t = /^\/topics\/([^/#?]+)\/?([#?].*)?$/.exec(url);
    if (t && known.has(t[1]!)) return `${topicPath(t[1]!)}${t[2] ?? ''}`;
    return undefined;
  };

  const grouped = topics.map((topic) => ({ topic, questions: questions.filter((q) => q.topic === topic.id).sort(byImportanceThenTitle) }));
  const unresolved = new Set<string>();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  };
  let diagrams = 0;
  for (const q of questions) {
    const page = questionPage(q, resolve, unresolved);
    diagrams += (page.match(/^[ \t]*(?:>[ \t]*)*```mermaid\b/gm) ?? []).length;
    write(`q/${q.id}.md`, page);
  }
  for (const { topic, questions: qs } of grouped) write(`topics/${topic.id}.md`, topicPage(topic, qs));
  write('index.md', homePage(title, grouped));
  write('.vitepress/config.mjs', configModule(title, sidebar(grouped), [...unresolved].sort(), search));
  const ordered = grouped.flatMap((g) => g.questions);
  const hasDiagram = (q: Question) => /^[ \t]*```mermaid\b/m.test(q.body);
  return {
    questions: questions.length,
    topics: topics.length,
    pages: questions.length + topics.length + 1,
    diagrams,
    unresolved: [...unresolved].sort(),
    sample: { withDiagram: ordered.find(hasDiagram)?.id, withoutDiagram: ordered.find((q) => !hasDiagram(q))?.id },
  };
}
