import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as MdastRoot } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
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

const markdownOf = (nodes: readonly (ElementContent | RootContent)[]): string => {
  const mdast = toMdast({ type: 'root', children: nodes as RootContent[] } as HastRoot) as MdastRoot;
  return toMarkdown(mdast, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', fences: true, rule: '-' }).trimEnd();
};

export const htmlSource: Pass = (doc) => {
  if (!isHtmlSource(doc.lines)) return { ...doc, passCounts: counted(doc, 'html-source', 0) };
  // The parser counts lines of the text it was given: join the note's lines and map back through them.
  const tree = fromHtml(doc.lines.map((l) => l.text).join('\n'));
  const drops: Drop[] = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  const out: Line[] = [];
  const used = new Set<number>();
  let blocks = 0;
  const take = (node: { position?: { start: { line: number }; end: { line: number } } }) => {
    const from = (node.position?.start.line ?? 1) - 1;
    const to = (node.position?.end.line ?? from + 1) - 1;
    const src: number[] = [];
    for (let k = from; k <= to; k++) {
      if (used.has(k)) continue;
      used.add(k);
      src.push(...doc.lines[k]!.src);
    }
    return src;
  };
  const emit = (node: Element | RootContent, markdown: string) => {
    const src = take(node as Element);
    if (markdown === '') return;
    markdown.split('\n').forEach((text, k) => out.push({ text, src: k === 0 ? src : [] }));
    out.push({ text: '', src: [] });
    blocks++;
  };
  const walk = (nodes: readonly (RootContent | ElementContent)[]) => {
    let inline: (RootContent | ElementContent)[] = [];
    const flush = () => {
      if (inline.some((n) => n.type !== 'text' || n.value.trim() !== '')) {
        const first = inline.find((n) => n.position);
        const last = [...inline].reverse().find((n) => n.position);
        emit({ type: 'text', value: '', position: { start: first!.position!.start, end: last!.position!.end } } as RootContent, markdownOf(inline));
      }
      inline = [];
    };
    for (const node of nodes) {
      if (node.type === 'element' && node.tagName === 'head') {
        const src = take(node);
        drops.push(...src.map((line) => ({ line, reason: 'page-chrome' as const })));
        continue;
      }
      if (node.type === 'element' && CONTAINERS.has(node.tagName)) {
        flush();
        walk(node.children);
        continue;
      }
      if (node.type === 'element' && FURNITURE.has(node.tagName)) {
        flush();
        const src = take(node);
        const text = markdownOf([node]);
        drops.push(...src.map((line) => ({ line, reason: 'epilogue' as const })));
        if (text) setAside.push({ line: src[0] ?? 0, text });
        continue;
      }
      if (node.type === 'element' && /^(?:h[1-6]|p|pre|table|ul|ol|blockquote|hr|dl|figure|details|img)$/.test(node.tagName)) {
        flush();
        emit(node, markdownOf([node]));
        continue;
      }
      if (node.type === 'comment' || node.type === 'doctype') continue;
      inline.push(node);
    }
    flush();
  };
  walk(tree.children);
  // Tags that open and close the page (`<!DOCTYPE html>`, `<body>`, `</html>`) hold no text of the note.
  doc.lines.forEach((l, k) => {
    if (!used.has(k)) drops.push(...l.src.map((line) => ({ line, reason: isBlank(l.text) ? ('blank' as const) : ('structure' as const) })));
  });
  return { ...doc, lines: out, drops, setAside, passCounts: counted(doc, 'html-source', blocks) };
};
