import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readRedirects, RedirectsError, REDIRECTS_FILE, type Redirect } from '../content-model/redirects.ts';
import { readTopics, TOPICS_FILE } from '../content-model/topics.ts';
import { spaceCjkLatin } from '../content-model/typography.ts';
import { checkCodeBlocks } from './code-blocks.ts';
import { byLocation, error, type Diagnostic } from './diagnostics.ts';
import { decodeContentFile } from './file-encoding.ts';
import { parseFrontmatter, validateFrontmatter } from './frontmatter.ts';
import { checkLinks, headingIds, type LinkTarget } from './links.ts';
import { checkMdxSafety } from './mdx-safety.ts';
import { checkOutdatedFile } from './deprecations-hook.ts';

export const DOCS_DIR = 'content/docs';

export interface CheckOptions {
  /** Repository root holding content/. */
  root: string;
  /**
   * Ids that were published before this change (e.g. on main). Each must still exist or be
   * redirected, so links people shared keep working. Omit to skip that check.
   */
  publishedIds?: readonly string[];
}

interface Entry {
  file: string;
  id: string;
  lineOf: (path: (string | number)[]) => number;
  related: string[];
  tree: Root;
  headings: Set<string>;
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);

/** Run every content check; returns diagnostics sorted by file and line. */
export async function checkContent(options: CheckOptions): Promise<{ diagnostics: Diagnostic[]; files: number }> {
  const { root } = options;
  const rel = (abs: string) => relative(root, abs).split(sep).join('/');
  const diagnostics: Diagnostic[] = [];

  let topicIds: [string, ...string[]];
  try {
    const ids = readTopics(join(root, TOPICS_FILE)).map((t) => t.id);
    topicIds = [ids[0]!, ...ids.slice(1)];
  } catch (e) {
    return { diagnostics: [error(TOPICS_FILE, 1, 1, 'topics/invalid', (e as Error).message.split('\n')[0] ?? '')], files: 0 };
  }
  const redirects = loadRedirects(root, diagnostics);

  const files = await listFiles(join(root, DOCS_DIR));
  const entries: Entry[] = [];
  for (const abs of files) {
    const file = rel(abs);
    const entry = await checkFile(file, await readFile(abs), topicIds, diagnostics);
    if (entry) entries.push(entry);
  }

  checkIds(entries, redirects, options.publishedIds, diagnostics);
  const targets: LinkTarget = {
    ids: new Map(entries.map((e) => [e.id, e.headings])),
    redirects: new Map(redirects.map((r) => [r.from, r.to])),
    topics: new Set(topicIds),
  };
  for (const e of entries) diagnostics.push(...checkLinks(e.file, e.tree, e.headings, targets));

  return { diagnostics: diagnostics.sort(byLocation), files: files.length };
}

async function checkFile(
  file: string,
  bytes: Uint8Array,
  topicIds: readonly [string, ...string[]],
  out: Diagnostic[],
): Promise<Entry | undefined> {
  const parts = file.slice(DOCS_DIR.length + 1).split('/');
  if (!file.endsWith('.mdx')) {
    out.push(error(file, 1, 1, 'file/extension', 'content/docs 下只能放 .mdx 问题文件'));
    return undefined;
  }
  if (parts.length !== 2 || !topicIds.includes(parts[0]!)) {
    out.push(error(file, 1, 1, 'file/location', `问题文件必须放在某个专题目录里：content/docs/<专题>/<id>.mdx，专题见 ${TOPICS_FILE}`));
    return undefined;
  }
  const decoded = decodeContentFile(file, bytes);
  out.push(...decoded.diagnostics);
  if (decoded.text === undefined) return undefined;
  const text = decoded.text;

  const { frontmatter, diagnostics: fmProblems } = parseFrontmatter(file, text);
  out.push(...fmProblems);
  if (!frontmatter) return undefined;
  const { data, diagnostics: schemaProblems } = validateFrontmatter(file, frontmatter, topicIds);
  out.push(...schemaProblems);

  if (data && spaceCjkLatin(data.title) !== data.title) {
    out.push(error(file, frontmatter.lineOf(['title']), 1, 'title/spacing', `标题中英文之间要留一个空格：应为 “${spaceCjkLatin(data.title)}”`));
  }
  const name = parts[1]!.replace(/\.mdx$/, '');
  if (data && data.id !== name) {
    out.push(error(file, frontmatter.lineOf(['id']), 1, 'id/file-name', `文件名应与 id 一致：把文件改名为 ${data.id}.mdx（不要改 id，id 就是永久链接）`));
  }
  if (data && data.topic !== parts[0]) {
    out.push(error(file, frontmatter.lineOf(['topic']), 1, 'topic/folder', `topic 是 ${data.topic}，但文件在 ${parts[0]}/ 目录里：请把文件移到 content/docs/${data.topic}/`));
  }

  // Blank out the frontmatter so body positions keep the file's own line numbers.
  const lines = text.split('\n');
  const body = [...lines.slice(0, frontmatter.lineCount).map(() => ''), ...lines.slice(frontmatter.lineCount)].join('\n');
  let tree: Root;
  try {
    tree = mdxParser.parse(body);
  } catch (e) {
    const place = (e as { line?: number; column?: number; reason?: string; message?: string });
    out.push(error(file, place.line ?? 1, place.column ?? 1, 'mdx/syntax', `MDX 语法错误：${place.reason ?? place.message ?? String(e)}（要显示 < 或 { 请写成 \\< \\{ 或放进 \`代码\` 里）`));
    return undefined;
  }
  const unsafe = checkMdxSafety(file, tree);
  out.push(...unsafe);
  out.push(...(await checkCodeBlocks(file, tree)));
  out.push(...checkOutdatedFile({ file, body, tree, reviewedFor: data?.reviewedFor, lineOf: data ? frontmatter.lineOf : undefined }));
  if (unsafe.length === 0) {
    try {
      await compile(body, { remarkPlugins: [remarkGfm, remarkDirective] });
    } catch (e) {
      const place = e as { line?: number; column?: number; reason?: string };
      out.push(error(file, place.line ?? 1, place.column ?? 1, 'mdx/compile', `MDX 编译失败：${place.reason ?? String(e)}`));
    }
  }
  if (!data) return undefined;
  return { file, id: data.id, lineOf: frontmatter.lineOf, related: data.related, tree, headings: headingIds(tree) };
}

function checkIds(entries: Entry[], redirects: Redirect[], published: readonly string[] | undefined, out: Diagnostic[]) {
  const byId = new Map<string, Entry[]>();
  for (const e of entries) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same.filter((o) => o !== e).map((o) => o.file).join('、');
      out.push(error(e.file, e.lineOf(['id']), 1, 'id/duplicate', `id “${id}” 与 ${others} 重复：每个问题的 id 必须唯一`));
    }
  }
  for (const e of entries) {
    e.related.forEach((rid, i) => {
      if (!byId.has(rid)) out.push(error(e.file, e.lineOf(['related', i]), 1, 'related/unknown', `related 里的 “${rid}” 不是任何问题的 id`));
    });
  }
  for (const r of redirects) {
    if (byId.has(r.from)) out.push(error(REDIRECTS_FILE, r.line, 1, 'redirect/shadowed', `“${r.from}” 仍是现有问题的 id，不能再重定向`));
    if (!byId.has(r.to)) out.push(error(REDIRECTS_FILE, r.line, 1, 'redirect/target', `重定向目标 “${r.to}” 不是任何问题的 id`));
  }
  if (!published) return;
  const redirected = new Set(redirects.map((r) => r.from));
  for (const id of published) {
    if (byId.has(id) || redirected.has(id)) continue;
    out.push(
      error(REDIRECTS_FILE, 1, 1, 'id/removed', `已发布的 id “${id}” 不见了：别人分享的链接 /q/${id}/ 会失效。请恢复它，或在 ${REDIRECTS_FILE} 里加一条 - from: ${id} / to: <新 id>`),
    );
  }
}

function loadRedirects(root: string, out: Diagnostic[]): Redirect[] {
  try {
    return readRedirects(root);
  } catch (e) {
    if (!(e instanceof RedirectsError)) throw e;
    out.push(error(REDIRECTS_FILE, e.line, 1, 'redirect/invalid', e.reason));
    return [];
  }
}

async function listFiles(dir: string): Promise<string[]> {
  let dirents;
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const nested = await Promise.all(
    dirents.map((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : Promise.resolve([join(dir, d.name)]))),
  );
  return nested.flat().sort();
}

/** Ids present at a git revision (e.g. origin/main), read without checking it out. */
export function idsAtRevision(root: string, revision: string): string[] | undefined {
  const grep = spawnSync('git', ['grep', '-h', '-e', '^id:', revision, '--', DOCS_DIR], { cwd: root, encoding: 'utf8' });
  if (grep.error || (grep.status !== 0 && grep.status !== 1)) return undefined;
  return grep.stdout
    .split('\n')
    .map((l) => /^id:\s*['"]?([^'"\s#]+)/.exec(l)?.[1])
    .filter((id): id is string => Boolean(id));
}
