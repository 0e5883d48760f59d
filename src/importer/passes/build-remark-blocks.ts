import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isBlank, merge } from '../text.ts';
import type { Block, Doc, Pass, Section } from '../types.ts';
import { counted } from './note-lines.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

const LANGS: Record<string, string> = { sh: 'bash', shell: 'bash', zsh: 'bash', yml: 'yaml', golang: 'go', plaintext: 'text', txt: 'text', '': 'text' };

/**
 * The faithful Markdown path: parse an answer with remark and keep each top-level node as the
 * note wrote it (tables, lists, quotes, images, links, inline code pass through untouched). Only
 * code blocks and headings become blocks of their own, so the YAML check and the heading levels
 * of the page can work on them.
 */
export function buildRemarkSection(section: Section, questionDepth: number): Section {
  const lines = section.lines;
  const text = lines.map((l) => l.text).join('\n');
  const tree = parser.parse(text) as Root;
  const blocks: Block[] = [];
  const used = new Set<number>();
  const srcOf = (start: number, end: number) => {
    for (let k = start; k <= end; k++) used.add(k);
    return merge(...lines.slice(start, end + 1).map((l) => l.src));
  };
  for (const node of tree.children as RootContent[]) {
    const start = (node.position?.start.line ?? 1) - 1;
    const end = (node.position?.end.line ?? 1) - 1;
    const src = srcOf(start, end);
    if (node.type === 'code') {
      const lang = (node.lang ?? '').toLowerCase();
      blocks.push({ type: 'code', lang: LANGS[lang] ?? lang, lines: node.value.split('\n'), src, ...(node.meta ? { meta: node.meta } : {}) });
    } else if (node.type === 'heading') {
      const raw = lines[start]!.text.trim();
      const body = raw.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
      // The page title is the question (h1): its sub-headings start at h2, keeping their relative depth.
      const depth = Math.min(6, Math.max(2, node.depth - questionDepth + 1));
      blocks.push({ type: 'heading', depth, text: body, src });
    } else {
      blocks.push({ type: 'markdown', lines: lines.slice(start, end + 1).map((l) => l.text), src });
    }
  }
  const blank = lines.flatMap((l, k) => (used.has(k) || !isBlank(l.text) ? [] : l.src));
  // Lines remark gave to no node are link definitions or stray markup: keep them visible, never lost.
  const stray = lines.flatMap((l, k) => (used.has(k) || isBlank(l.text) ? [] : [k]));
  for (const k of stray) blocks.push({ type: 'markdown', lines: [lines[k]!.text], src: lines[k]!.src });
  return { ...section, blocks, blank: merge(section.blank, blank), lines: [] };
}

/** Every answer → blocks. The question's own heading depth (if questions were headings) sets the sub-heading levels. */
export function buildRemarkBlocks(questionDepth: number): Pass {
  return (doc: Doc) => {
    const sections = doc.sections.map((s) => buildRemarkSection(s, questionDepth));
    const nodes = sections.reduce((n, s) => n + s.blocks.length, 0);
    return { ...doc, sections, passCounts: counted(doc, 'markdown-blocks', nodes) };
  };
}
