import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readRedirects, RedirectsError, REDIRECTS_FILE, type Redirect } from '../content-model/redirects.ts';
import { readTopics, TOPICS_FILE } from '../content-model/topics.ts';
import { error, reportOrder, type Diagnostic } from './diagnostics.ts';
import { decodeContentFile } from './file-encoding.ts';
import { parseFrontmatter, rawFrontmatterId, validateFrontmatter } from './frontmatter.ts';
import { headingIds } from './links.ts';
import { explainMdxError } from './mdx-messages.ts';
import type { ContentCheck, Page, PublishedId, Site } from './page.ts';
import * as registry from './registry.ts';

export const DOCS_DIR = 'content/docs';

export interface CheckOptions {
  /** Repository root holding content/. */
  root: string;
  /**
   * Ids that were published before this change (e.g. on main), optionally with their file. Each
   * must still exist or be redirected, so links people shared keep working. Omit to skip that check.
   */
  publishedIds?: readonly (string | PublishedId)[];
  /** Checks to run; defaults to every check registered in registry.ts. */
  checks?: readonly ContentCheck[];
}

export const registeredChecks: readonly ContentCheck[] = Object.values(registry);

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirective);
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/**
 * Run every content check. A mistake is reported once, where it is: a page that fails to read,
 * parse or validate keeps its id and headings for the checks of other pages.
 * Diagnostics come errors first, then by file and line.
 */
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
  const pages: Page[] = [];
  for (const abs of files) {
    const page = await readPage(rel(abs), await readFile(abs), topicIds, diagnostics);
    if (page) pages.push(page);
  }
  const byId = new Map<string, Page[]>();
  for (const p of pages) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  const published = options.publishedIds?.map((p) => (typeof p === 'string' ? { id: p } : p));
  const linkable = new Map<string, Set<string> | undefined>();
  const byFile = new Map(pages.map((p) => [p.file, p]));
  for (const p of published ?? []) linkable.set(p.id, p.file ? byFile.get(p.file)?.headings : undefined);
  for (const p of pages) linkable.set(p.id, p.headings);
  const site: Site = { root, pages, byId, topicIds, redirects, published, linkable };

  for (const check of options.checks ?? registeredChecks) {
    if (check.page) for (const page of pages) diagnostics.push(...(await check.page(page, site)));
    if (check.site) diagnostics.push(...(await check.site(site)));
  }
  return { diagnostics: diagnostics.sort(reportOrder), files: files.length };
}

/** What the core needs before any check can run: location, encoding, frontmatter, MDX syntax. */
async function readPage(file: string, bytes: Uint8Array, topicIds: readonly [string, ...string[]], out: Diagnostic[]): Promise<Page | undefined> {
  const parts = file.slice(DOCS_DIR.length + 1).split('/');
  if (!file.endsWith('.mdx')) {
    out.push(error(file, 1, 1, 'file/extension', 'content/docs 下只能放 .mdx 问题文件'));
    return undefined;
  }
  const misplaced = parts.length !== 2 || !topicIds.includes(parts[0]!);
  if (misplaced) {
    out.push(error(file, 1, 1, 'file/location', `问题文件必须放在某个专题目录里：content/docs/<专题>/<id>.mdx，专题见 ${TOPICS_FILE}`));
  }
  // A misplaced page is still read, so links to it and its id stay valid; it just has no topic folder.
  const folder = misplaced ? '' : parts[0]!;
  const name = parts[parts.length - 1]!.replace(/\.mdx$/, '');
  const page: Page = { file, folder, name, id: name };

  const decoded = decodeContentFile(file, bytes);
  out.push(...decoded.diagnostics);
  if (decoded.text === undefined) return page;
  const text = decoded.text;
  page.text = text;
  page.id = rawFrontmatterId(text) ?? name;

  const { frontmatter, diagnostics: fmProblems } = parseFrontmatter(file, text);
  out.push(...fmProblems);
  if (!frontmatter) return page;
  page.frontmatter = frontmatter;
  const { data, diagnostics: schemaProblems } = validateFrontmatter(file, frontmatter, topicIds);
  out.push(...schemaProblems);
  page.data = data;
  if (data) page.id = data.id;

  const lines = text.split('\n');
  const body = [...lines.slice(0, frontmatter.lineCount).map(() => ''), ...lines.slice(frontmatter.lineCount)].join('\n');
  page.body = body;
  try {
    page.tree = mdxParser.parse(body);
  } catch (e) {
    const problem = explainMdxError(e, body);
    out.push(error(file, problem.line, problem.column, 'mdx/syntax', `MDX 语法错误：${problem.message}`));
    // Read as plain Markdown (which never fails) so links to this page's sections still check.
    page.headings = headingIds(markdownParser.parse(body));
    return page;
  }
  page.headings = headingIds(page.tree);
  return page;
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

/** Ids present at a git revision (e.g. origin/main) with their files, read without checking it out. */
export function idsAtRevision(root: string, revision: string): PublishedId[] | undefined {
  const grep = spawnSync('git', ['grep', '-e', '^id:', revision, '--', DOCS_DIR], { cwd: root, encoding: 'utf8' });
  if (grep.error || (grep.status !== 0 && grep.status !== 1)) return undefined;
  const seen = new Set<string>();
  const out: PublishedId[] = [];
  for (const line of grep.stdout.split('\n')) {
    // `<revision>:<path>:id: <id>`; only a file's first `id:` line is its frontmatter id.
    const m = /^(.*?\.mdx?):id:\s*['"]?([^'"\s#]+)/.exec(line.slice(revision.length + 1));
    if (!m || seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ file: m[1]!, id: m[2]! });
  }
  return out;
}
