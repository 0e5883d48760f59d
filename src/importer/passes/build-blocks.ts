import { hasCjk, isBlank, LOST_LANG, merge } from '../text.ts';
import type { Block, Doc, Line, ListItem, Loss, Pass, Section } from '../types.ts';
import { classifyLine, PROMPT, type LineKind } from './classify-line.ts';

const CODE_KINDS = new Set<LineKind>(['yaml', 'command', 'prompt', 'comment', 'output']);

/** Pick a fence language from the lines of a code run. */
export function codeLanguage(lines: readonly string[]): string {
  const kinds = lines.map(classifyLine);
  if (lines.some((l) => PROMPT.test(l.trim()))) return 'console';
  if (lines.some((l) => /^(FROM|RUN|COPY|ENTRYPOINT|CMD) /.test(l.trim())) && lines.some((l) => /^FROM /.test(l.trim()))) return 'dockerfile';
  const yaml = kinds.filter((k) => k === 'yaml').length;
  const commands = kinds.filter((k) => k === 'command').length;
  if (yaml > 0 && yaml >= commands && lines.some((l) => /^\s*(- )?[a-z][\w.-]*:/.test(l))) return 'yaml';
  if (commands > 0) return 'bash';
  return 'text';
}

/** Does a YAML run really start here (two YAML lines, or a manifest's first key)? */
function startsYaml(lines: readonly Line[], i: number): boolean {
  const t = lines[i]!.text.trim();
  if (/^(apiVersion|kind):/.test(t)) return true;
  const next = lines[i + 1]?.text ?? '';
  return /^(- )?[a-z][\w.-]*:/.test(t) && classifyLine(next) === 'yaml';
}

function splitGluedItems(text: string): string[] {
  // `…模块存在。 - IPVS 使用…`: a list item glued behind the previous one when an inline code span was split.
  return text.split(/(?<=[。！？；])\s+-\s+(?=\S)/);
}

/**
 * Lines of a plain-text copy → Markdown blocks. Every line is a paragraph on those pages, so
 * consecutive prose lines stay separate paragraphs; code runs become fenced blocks; a lone
 * language name glued to prose (`bash重点关注以下字段`) is a code block the copy lost.
 */
export function buildBlocks(section: Section, lists: ListStyle = 'flat'): Section {
  const lines = section.lines;
  const blocks: Block[] = [];
  let listDepth = 0;
  const losses: Loss[] = [...section.losses];
  const blankSrc: number[] = [];
  let i = 0;
  const pushList = (item: ListItem, src: number[]) => {
    const last = blocks.at(-1);
    if (last?.type === 'list') {
      last.items.push(item);
      last.src = merge(last.src, src);
    } else blocks.push({ type: 'list', items: [item], src });
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const text = line.text;
    if (line.fence) {
      const run = lines.slice(i, i + line.fence.length);
      const body = run.map((l) => l.text);
      blocks.push({ type: 'code', lang: line.fence.lang || codeLanguage(body), lines: body, src: merge(...run.map((l) => l.src)) });
      i += line.fence.length;
      continue;
    }
    const kind = classifyLine(text);
    if (kind === 'blank') {
      blankSrc.push(...line.src);
      // In the Hexo copy, each closing </ul> left a blank line behind.
      if (lists === 'hexo' && blocks.at(-1)?.type === 'list') listDepth = Math.max(0, listDepth - 1);
      i++;
      continue;
    }
    const lostLang = LOST_LANG.exec(text.trim());
    if (lostLang) {
      losses.push({ line: line.src[0]!, kind: 'lost-code', detail: `这里原本有一段 ${lostLang[1]} 代码，复制时丢失，只剩下语言名` });
      blocks.push({ type: 'aside', variant: 'caution', title: '原文缺失', text: `原笔记此处的 ${lostLang[1]} 代码块在复制时丢失。`, src: [] });
      blocks.push({ type: 'para', text: text.trim().slice(lostLang[0].length), src: line.src });
      i++;
      continue;
    }
    if (kind === 'table-row' && classifyLine(lines[i + 1]?.text ?? '') === 'table-sep') {
      const cells = (t: string) => t.trim().replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
      const header = cells(text);
      const src = [...line.src, ...lines[i + 1]!.src];
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && classifyLine(lines[i]!.text) === 'table-row') {
        rows.push(cells(lines[i]!.text));
        src.push(...lines[i]!.src);
        i++;
      }
      blocks.push({ type: 'table', header, rows, src });
      continue;
    }
    if (CODE_KINDS.has(kind) && (kind !== 'yaml' || startsYaml(lines, i)) && (kind !== 'comment' || CODE_KINDS.has(classifyLine(lines[i + 1]?.text ?? '')))) {
      const run: Line[] = [];
      while (i < lines.length && !lines[i]!.fence) {
        const k = classifyLine(lines[i]!.text);
        const continuation = run.length > 0 && /\\$/.test(run.at(-1)!.text.trim());
        if (!(CODE_KINDS.has(k) || continuation || (k === 'list' && !hasCjk(lines[i]!.text)))) break;
        run.push(lines[i]!);
        i++;
      }
      const body = run.map((l) => l.text.trim() === '' ? '' : l.text.replace(/\s+$/, ''));
      blocks.push({ type: 'code', lang: codeLanguage(body), lines: body, src: merge(...run.map((l) => l.src)) });
      continue;
    }
    if (kind === 'list') {
      const indent = /^\s*/.exec(text)![0].length;
      const parts = splitGluedItems(text.trim().replace(/^(- |• |\* )/, ''));
      let depth = indent > 0 ? 1 : 0;
      if (lists === 'hexo') {
        const last = blocks.at(-1);
        const previous = last?.type === 'list' ? last.items.at(-1) : undefined;
        // ` - x` continues the current list; `- x` right after `特点：` opens a nested one.
        if (!previous) listDepth = 0;
        else if (indent === 0 && /[:：]$/.test(previous.text)) listDepth = previous.depth + 1;
        else if (indent === 0 && blocks.at(-1)?.type !== 'list') listDepth = 0;
        depth = listDepth;
      }
      parts.forEach((p) => pushList({ depth, text: p }, line.src));
      i++;
      continue;
    }
    if (kind === 'heading' || kind === 'step') {
      // A short line that ends the section is a closing remark, not a heading over nothing.
      if (i + 1 >= lines.length && !/[一二三四五六七八九十]、/.test(text)) {
        blocks.push({ type: 'para', text: text.trim(), src: line.src });
      } else {
        // `1. 基础概念` is a step under a section, `(1) 内核数据结构` a point under a step.
        const depth = kind === 'step' ? 3 : /^[(（]\d+[)）]/.test(text.trim()) ? 4 : 2;
        blocks.push({ type: 'heading', depth, text: text.trim(), src: line.src });
      }
      i++;
      continue;
    }
    // A paragraph after a lead-in such as `关注 Events 部分,例如:` whose lines are all Latin is program output.
    const prev = blocks.at(-1);
    if (!hasCjk(text) && prev?.type === 'para' && /[:：]$/.test(prev.text) && !isBlank(text)) {
      const run: Line[] = [];
      while (i < lines.length && !lines[i]!.fence && !hasCjk(lines[i]!.text) && !isBlank(lines[i]!.text)) run.push(lines[i++]!);
      blocks.push({ type: 'code', lang: codeLanguage(run.map((l) => l.text)), lines: run.map((l) => l.text), src: merge(...run.map((l) => l.src)) });
      continue;
    }
    blocks.push({ type: 'para', text: text.trim(), src: line.src });
    i++;
  }
  return { ...section, blocks: lists === 'hexo' ? blocks : nestFlatLists(blocks), losses, blank: merge(section.blank, blankSrc), lines: [] };
}

/**
 * The blog copy flattened nested lists: `- API Server:` followed by its points, all at one level.
 * A short item ending in a colon heads the items after it, up to the next such item.
 */
export function nestFlatLists(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.type !== 'list' || b.items.some((it) => it.depth > 0)) return b;
    const isHead = (t: string) => /[:：]$/.test(t) && t.length <= 40;
    if (!b.items.some((it) => isHead(it.text)) || isHead(b.items[0]!.text) === false) return b;
    let inGroup = false;
    const items = b.items.map((it) => {
      if (isHead(it.text)) {
        inGroup = true;
        return it;
      }
      return inGroup ? { ...it, depth: 1 } : it;
    });
    return { ...b, items };
  });
}

/** How a copy lost its list nesting: flattened (blog Q&A) or as Hexo's line-break pattern. */
export type ListStyle = 'flat' | 'hexo';

export const buildPlainBlocks: Pass = (doc: Doc) => ({ ...doc, sections: doc.sections.map((s) => buildBlocks(s)) });
export const buildHexoBlocks: Pass = (doc: Doc) => ({ ...doc, sections: doc.sections.map((s) => buildBlocks(s, 'hexo')) });
