import GithubSlugger from 'github-slugger';
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingSlug } from '../plugins/heading-slugs.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** Pages that exist besides questions and topics; everything else under / must be checked. */
export const STATIC_PAGES = new Set(['/', '/practice/', '/all/', '/random/', '/todo/', '/glossary/']);

/** The heading ids the build generates (rehypeHeadingSlugs: github-slugger without emoji), plus Starlight's #_top. */
export function headingIds(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>(['_top']);
  visit(tree, 'heading', (node: Heading) => {
    ids.add(headingSlug(slugger, toString(node)));
  });
  return ids;
}

export interface LinkTarget {
  /** question id -> heading ids, or undefined when that page's headings are unknown (accept any). */
  ids: Map<string, Set<string> | undefined>;
  redirects: Map<string, string>;
  topics: Set<string>;
}

/** Internal links and their anchors must resolve; external links are left to the reader. */
export function checkLinks(file: string, tree: Root, ownHeadings: Set<string>, targets: LinkTarget): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(tree, 'link', (node: Link) => {
    const problem = resolve(node.url, ownHeadings, targets);
    if (problem) {
      out.push(error(file, node.position?.start.line ?? 1, node.position?.start.column ?? 1, problem.rule, problem.message));
    }
  });
  return out;
}

function resolve(url: string, own: Set<string>, t: LinkTarget): { rule: string; message: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined; // external or mailto:
  const [rawPath = '', rawHash] = url.split('#', 2);
  const hash = rawHash === undefined ? undefined : decodeURIComponent(rawHash);
  if (rawPath === '') {
    return hash && !own.has(hash) ? { rule: 'link/anchor', message: `本页没有锚点 #${hash}（可用：${[...own].slice(0, 8).join('、')}）` } : undefined;
  }
  if (!rawPath.startsWith('/')) {
    return { rule: 'link/relative', message: `请用站内绝对路径链接，例如 /q/<id>/ 或 /topics/<id>/，而不是 “${url}”` };
  }
  const path = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
  const question = /^\/q\/([^/]+)\/$/.exec(path);
  if (question) {
    let id = question[1]!;
    const redirected = t.redirects.get(id);
    if (redirected) id = redirected;
    if (!t.ids.has(id)) return { rule: 'link/broken', message: `链接指向不存在的问题 ${rawPath}` };
    const headings = t.ids.get(id);
    if (hash && headings && !headings.has(hash)) return { rule: 'link/anchor', message: `问题 ${id} 里没有锚点 #${hash}` };
    return undefined;
  }
  // Per-topic pages: /topics/<t>/, and the practice and printable pages /practice/<t>/ and /all/<t>/ (first part).
  const topic = /^\/(?:topics|practice|all)\/([^/]+)\/$/.exec(path);
  if (topic) return t.topics.has(topic[1]!) ? undefined : { rule: 'link/broken', message: `链接指向不存在的专题 ${rawPath}` };
  return STATIC_PAGES.has(path) ? undefined : { rule: 'link/broken', message: `站内没有页面 ${rawPath}` };
}

/** Internal links and anchors, against every page's id and headings (also of pages that fail elsewhere). */
export const linksCheck: ContentCheck = {
  name: 'link/*',
  page(page, site) {
    if (!page.tree || !page.headings) return [];
    const targets: LinkTarget = {
      ids: site.linkable,
      redirects: new Map(site.redirects.map((r) => [r.from, r.to])),
      topics: new Set(site.topicIds),
    };
    return checkLinks(page.file, page.tree, page.headings, targets);
  },
};
