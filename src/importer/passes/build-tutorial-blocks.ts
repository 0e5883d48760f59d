import { hasCjk, isBlank, merge } from '../text.ts';
import type { Block, Doc, Line, ListItem, Pass, Section } from '../types.ts';
import { isFlattenedHeading } from '../formats/tutorial.ts';
import { codeLanguage } from './build-blocks.ts';
import { classifyLine } from './classify-line.ts';
import { isConcatenatedHeader, splitConcatenatedTable } from './concat-tables.ts';

const BULLET = /^(\s*)(•|\d+\.)\s+(.*)$/;

/** Starts a code run: a shell comment, a prompt, a command or a YAML key (not prose that happens to hold a colon). */
function startsCode(lines: readonly Line[], i: number): boolean {
  const kind = classifyLine(lines[i]!.text);
  if (kind === 'prompt' || kind === 'command') return true;
  if (kind === 'comment') return !isFlattenedHeading(lines, i);
  if (kind === 'yaml') return /^\s*(- )?[a-z][\w.-]*:/.test(lines[i]!.text) || /^\s*- /.test(lines[i]!.text);
  return kind === 'output' && !hasCjk(lines[i]!.text);
}

/**
 * The tutorial copy (note 004): blank-line separated paragraphs, `  • ` bullets (deeper indent,
 * deeper level), shell sessions and manifests whose fences were lost but whose indentation
 * survived, and field tables whose cells were concatenated.
 */
export function buildTutorialBlocks(section: Section): Section {
  const lines = section.lines;
  const blocks: Block[] = [];
  const blank: number[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const text = line.text;
    if (isBlank(text)) {
      blank.push(...line.src);
      i++;
      continue;
    }
    if (isFlattenedHeading(lines, i)) {
      blocks.push({ type: 'heading', depth: 2, text: text.slice(2).trim(), src: line.src });
      i++;
      continue;
    }
    if (isConcatenatedHeader(text)) {
      const rows: Line[] = [];
      let j = i + 1;
      while (j < lines.length && !isBlank(lines[j]!.text)) rows.push(lines[j++]!);
      const table = splitConcatenatedTable(text, rows.map((r) => r.text));
      if (table) {
        blocks.push({ type: 'table', ...table, src: merge(line.src, ...rows.map((r) => r.src)) });
        i = j;
        continue;
      }
    }
    const bullet = BULLET.exec(text);
    if (bullet && /^\s+/.test(text)) {
      const depth = bullet[1]!.length >= 4 ? 1 : 0;
      const item: ListItem = { depth, text: bullet[3]!.trim(), ...(bullet[2] !== '•' ? { ordered: Number.parseInt(bullet[2]!, 10) } : {}) };
      const last = blocks.at(-1);
      if (last?.type === 'list') {
        last.items.push(item);
        last.src = merge(last.src, line.src);
      } else blocks.push({ type: 'list', items: [item], src: line.src });
      i++;
      continue;
    }
    if (startsCode(lines, i)) {
      const run: Line[] = [];
      while (i < lines.length && !isBlank(lines[i]!.text) && !BULLET.test(lines[i]!.text) && !isFlattenedHeading(lines, i)) run.push(lines[i++]!);
      // A manifest may continue after one blank line; an empty line inside a session is part of it.
      while (i + 1 < lines.length && isBlank(lines[i]!.text) && run.length > 0 && /^\s+\S/.test(lines[i + 1]!.text) && !BULLET.test(lines[i + 1]!.text)) {
        run.push({ text: '', src: lines[i]!.src });
        i++;
        while (i < lines.length && !isBlank(lines[i]!.text) && !BULLET.test(lines[i]!.text)) run.push(lines[i++]!);
      }
      const body = run.map((l) => l.text.replace(/\s+$/, ''));
      blocks.push({ type: 'code', lang: codeLanguage(body), lines: body, src: merge(...run.map((l) => l.src)) });
      continue;
    }
    blocks.push({ type: 'para', text: text.trim(), src: line.src });
    i++;
  }
  return { ...section, blocks, blank: merge(section.blank, blank), lines: [] };
}

export const buildTutorial: Pass = (doc: Doc) => ({ ...doc, sections: doc.sections.map(buildTutorialBlocks) });
