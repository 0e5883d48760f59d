import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isBlank, merge } from '../text.ts';
import type { Block, Doc, Pass, Section } from '../types.ts';
import { counted } from './note-lines.ts';
import { codeLanguage } from './build-blocks.ts';

const guessLanguage = (lines: readonly string[]) => {
  const lang = codeLanguage(lines);
  return lang === 'text' ? '' : lang;
};

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
  const blocks: Block[] = [];
  const used = new Set<number>();
  const srcOf = (start: number, end: number) => {
    for (let k = start; k <= end; k++) used.add(k);
    return merge(...lines.slice(start, end + 1).map((l) => l.src));
  };
  for (const node of topLevel(lines)) {
    const start = (node.position?.start.line ?? 1) - 1;
    const end = (node.position?.end.line ?? 1) - 1;
    const src = srcOf(start, end);
    if (node.type === 'code') {
      // An indented code block names no language: say what the code shows (a fenced block keeps what its author wrote).
      const indented = !/^\s*(`{3,}|~{3,})/.test(lines[start]!.text);
      const lang = indented && !node.lang ? guessLanguage((node.value ?? '').split('\n')) : (node.lang ?? '').toLowerCase();
      blocks.push({ type: 'code', lang: LANGS[lang] ?? lang, lines: (node.value ?? '').split('\n'), src, ...(node.meta ? { meta: node.meta } : {}) });
    } else if (node.type === 'heading') {
      const raw = lines[start]!.text.trim();
      const body = raw.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
      // The page title is the question (h1): its sub-headings start at h2, keeping their relative depth.
      const depth = Math.min(6, Math.max(2, (node.depth ?? 2) - questionDepth + 1));
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

type Node = Pick<RootContent, 'type' | 'position'> & { lang?: string | null; meta?: string | null; value?: string; depth?: number };

/**
 * Only where an answer holds a construct whose extent depends on Markdown's container rules (a
 * fence inside a list or quote, an indented code block, HTML) is it worth a full remark parse;
 * elsewhere the top-level blocks are exactly: fences, ATX headings, and blank-line separated runs.
 * Both give the same blocks for such text, the second in a fraction of the time.
 */
function needsFullParse(lines: readonly { text: string }[]): boolean {
  let fenced = false;
  let prevBlank = true;
  // A list item opened at the margin: an indented line after a blank belongs to that item, not to a code block.
  let inList = false;
  let indented = false;
  let prevRow = false;
  for (const { text } of lines) {
    if (fenced) {
      if (/^(`{3,}|~{3,})/.test(text)) fenced = false;
      continue;
    }
    const blank = text.trim() === '';
    if (blank) {
      prevBlank = true;
      prevRow = false;
      continue;
    }
    // A table ends where a row has no pipe: an indented line right after it may open a code block.
    if (prevRow && /^( {4}|\t)/.test(text)) return true;
    prevRow = /^\s*\|/.test(text);
    // An indented code block (after a blank line, outside a list) has a plain extent: no need for remark.
    if ((indented || prevBlank) && /^( {4}|\t)/.test(text)) {
      if (inList) return true;
      indented = true;
      prevBlank = false;
      continue;
    }
    indented = false;
    prevBlank = false;
    const fence = /^(\s*)(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (fence[1]!.length > 0) return true;
      fenced = true;
      continue;
    }
    if (/^\s*>/.test(text) || /^\s*</.test(text) || /^=+\s*$|^-+\s*$/.test(text)) return true;
    const item = /^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)/.test(text);
    if (item) inList = true;
    else if (/^\S/.test(text)) inList = false;
  }
  return false;
}

/** Remove the four columns of an indented code block's indent, as CommonMark does. */
const unindent = (t: string) => (t.startsWith('\t') ? t.slice(1) : t.startsWith('    ') ? t.slice(4) : t.trimStart());

export function topLevel(lines: readonly { text: string }[], full = needsFullParse(lines)): Node[] {
  if (full) return (parser.parse(lines.map((l) => l.text).join('\n')) as Root).children as Node[];
  const nodes: Node[] = [];
  const pos = (a: number, b: number) => ({ start: { line: a + 1, column: 1 }, end: { line: b + 1, column: 1 } });
  for (let i = 0; i < lines.length; ) {
    const text = lines[i]!.text;
    if (text.trim() === '') {
      i++;
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(text);
    if (fence) {
      let j = i + 1;
      while (j < lines.length && !(lines[j]!.text.trim().startsWith(fence[1]!) && /^(`{3,}|~{3,})\s*$/.test(lines[j]!.text.trim()))) j++;
      const end = Math.min(j, lines.length - 1);
      const value = lines.slice(i + 1, j).map((l) => l.text).join('\n');
      nodes.push({ type: 'code', lang: fence[2] || null, meta: fence[3] || null, value, position: pos(i, end) });
      i = j + 1;
      continue;
    }
    if (/^( {4}|\t)/.test(text) && (i === 0 || lines[i - 1]!.text.trim() === '')) {
      // An indented code block runs over blank lines while indented lines follow; trailing blanks are not its own.
      let j = i;
      let last = i;
      while (j + 1 < lines.length && (lines[j + 1]!.text.trim() === '' || /^( {4}|\t)/.test(lines[j + 1]!.text))) {
        j++;
        if (lines[j]!.text.trim() !== '') last = j;
      }
      const value = lines.slice(i, last + 1).map((l) => (l.text.trim() === '' ? '' : unindent(l.text))).join('\n');
      nodes.push({ type: 'code', lang: null, meta: null, value, position: pos(i, last) });
      i = last + 1;
      continue;
    }
    const heading = /^(#{1,6})(\s|$)/.exec(text);
    if (heading) {
      nodes.push({ type: 'heading', depth: heading[1]!.length, position: pos(i, i) });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.text.trim() !== '' && !/^(`{3,}|~{3,}|#{1,6}(\s|$))/.test(lines[j + 1]!.text)) j++;
    nodes.push({ type: 'paragraph', position: pos(i, j) });
    i = j + 1;
  }
  return nodes;
}

/** Every answer → blocks. The question's own heading depth (if questions were headings) sets the sub-heading levels. */
export function buildRemarkBlocks(questionDepth: number): Pass {
  return (doc: Doc) => {
    const sections = doc.sections.map((s) => buildRemarkSection(s, questionDepth));
    const nodes = sections.reduce((n, s) => n + s.blocks.length, 0);
    return { ...doc, sections, passCounts: counted(doc, 'markdown-blocks', nodes) };
  };
}
