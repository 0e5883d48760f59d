import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { isBlank } from '../text.ts';
import type { Doc, Drop, Line, Pass } from '../types.ts';
import { counted } from './note-lines.ts';

/**
 * A page saved or pasted as HTML source (`<h3>`, `<p>`, `<pre><code>`, `<table>`): written as the
 * Markdown it stands for, block by block, so the question finder and every later pass see an
 * ordinary Markdown note. Each block keeps the raw lines it came from.
 */

/** Elements that hold blocks, not text: their children are the note's blocks. */
const CONTAINERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'center']);
/** The page's furniture around the note: navigation and the footer's copyright line. Their text is set aside. */
const FURNITURE = new Set(['header', 'footer', 'nav', 'aside']);
const BLOCK_TAG = /^\s*<(?:h[1-6]|p|pre|table|ul|ol|blockquote|div|section|article|body|html|!doctype)[\s>]/i;

/**
 * Most of the note's lines are HTML tags, and its blocks are HTML blocks (a heading or paragraph
 * among them): a Markdown note with a `<details>` or a `<br>` here and there is not.
 */
export function isHtmlSource(lines: readonly Line[]): boolean {
  const all = lines.filter((l) => !isBlank(l.text));
  if (all.length < 4) return false;
  // A saved page says what it is on its first line.
  if (/^\s*<(?:!doctype\s+html|html)[\s>]/i.test(all[0]!.text)) return true;
  // The lines of a `<pre>` block are the code's, not markup.
  let pre = false;
  const text = all.filter((l) => {
    const inside = pre;
    if (/<pre[\s>]/i.test(l.text)) pre = true;
    if (/<\/pre>/i.test(l.text)) pre = false;
    return !inside;
  });
  const tags = text.filter((l) => /^\s*<\/?[a-z!][^>]*>/i.test(l.text)).length;
  const blocks = text.filter((l) => BLOCK_TAG.test(l.text)).length;
  return tags >= text.length * 0.7 && blocks >= 3 && text.some((l) => /<(?:h[1-6]|p)[\s>]/i.test(l.text));
}

const TO_MARKDOWN: ToMarkdownOptions = { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', fences: true, rule: '-' };

const markdownOf = (node: MdastRoot['children'][number]) => toMarkdown({ type: 'root', children: [node] } as MdastRoot, TO_MARKDOWN).trimEnd();

type Span = { start: number; end: number };

/** The lines a node came from; a paragraph the converter made around loose text has none of its own, its text has. */
function spanOf(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }): Span | null {
  if (node.position) return { start: node.position.start.line - 1, end: node.position.end.line - 1 };
  const inner = (node.children ?? []).map((c) => spanOf(c as typeof node)).filter((x): x is Span => x !== null);
  return inner.length === 0 ? null : { start: Math.min(...inner.map((x) => x.start)), end: Math.max(...inner.map((x) => x.end)) };
}

export const htmlSource: Pass = (doc) => {
  if (!isHtmlSource(doc.lines)) return { ...doc, passCounts: counted(doc, 'html-source', 0) };
  // The parser counts lines of the text it was given: join the note's lines and map back through them.
  const tree = fromHtml(doc.lines.map((l) => l.text).join('\n'));
  const drops: Drop[] = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  const used = new Set<number>();
  const take = (span: Span | null) => {
    const src: number[] = [];
    if (!span) return src;
    for (let k = span.start; k <= span.end && k < doc.lines.length; k++) {
      if (used.has(k)) continue;
      used.add(k);
      src.push(...doc.lines[k]!.src);
    }
    return src;
  };
  // The page's furniture comes out of the tree before the note is converted: `<head>` is the page's own,
  // a header, footer or navigation bar is set aside in the report word for word.
  const unfurnish = (parent: HastRoot | Element) => {
    parent.children = parent.children.filter((node) => {
      if (node.type !== 'element') return true;
      if (node.tagName === 'head') {
        drops.push(...take(spanOf(node)).map((line) => ({ line, reason: 'page-chrome' as const })));
        return false;
      }
      if (FURNITURE.has(node.tagName)) {
        const src = take(spanOf(node));
        const text = (toMdast(node) as MdastRoot).children?.map(markdownOf).join('\n\n') ?? '';
        drops.push(...src.map((line) => ({ line, reason: 'epilogue' as const })));
        if (text) setAside.push({ line: src[0] ?? 0, text });
        return false;
      }
      if (CONTAINERS.has(node.tagName)) unfurnish(node);
      return true;
    }) as typeof parent.children;
  };
  unfurnish(tree);
  // One conversion for the whole page (the converter copies its input first: per block that copy would dominate).
  const mdast = toMdast(tree) as MdastRoot;
  const out: Line[] = [];
  for (const node of mdast.children) {
    const src = take(spanOf(node));
    const markdown = markdownOf(node);
    if (markdown === '') continue;
    markdown.split('\n').forEach((text, k) => out.push({ text, src: k === 0 ? src : [] }));
    out.push({ text: '', src: [] });
  }
  // Tags that open and close the page (`<!DOCTYPE html>`, `<body>`, `</html>`) hold no text of the note.
  doc.lines.forEach((l, k) => {
    if (!used.has(k)) drops.push(...l.src.map((line) => ({ line, reason: isBlank(l.text) ? ('blank' as const) : ('structure' as const) })));
  });
  return { ...doc, lines: out, drops, setAside, passCounts: counted(doc, 'html-source', mdast.children.length) };
};
