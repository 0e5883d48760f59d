import { isBlank, isCommandLine, merge } from '../text.ts';
import type { Block, Doc, Line, Pass, Section } from '../types.ts';

const FENCE = /^(`{3,})\s*([\w+-]*)\s*$/;

/** A YAML fence in the notes sometimes holds the commands around the manifest: give them their own bash block. */
export function splitCommandsOutOfYaml(lines: readonly string[], src: number[]): Block[] {
  const out: Block[] = [];
  let current: { lang: string; lines: string[] } | null = null;
  let pendingComments: string[] = [];
  const flush = () => {
    if (current && current.lines.some((l) => l.trim())) out.push({ type: 'code', lang: current.lang, lines: current.lines, src });
    current = null;
  };
  for (const l of lines) {
    if (/^\s*#/.test(l)) {
      pendingComments.push(l);
      continue;
    }
    const lang = isCommandLine(l) && !/^\s*[\w.-]+:\s/.test(l) ? 'bash' : 'yaml';
    if (!current || current.lang !== lang) {
      flush();
      current = { lang, lines: [] };
    }
    current.lines.push(...pendingComments, l);
    pendingComments = [];
  }
  if (pendingComments.length) {
    if (!current) current = { lang: 'yaml', lines: [] };
    (current as { lines: string[] }).lines.push(...pendingComments);
  }
  flush();
  return out;
}

/**
 * The GitHub view (note 003) is real Markdown: keep it, fence by fence. Headings move up one level
 * under the question title (`#### **架构图**:` → `### 架构图`), unlabeled fences get `text`, and YAML
 * fences are handed to the re-indenter like any other YAML block.
 */
export function buildMarkdownBlocks(section: Section): Section {
  const blocks: Block[] = [];
  const lines = section.lines;
  let prose: Line[] = [];
  const blank: number[] = [];
  const flushProse = () => {
    const text = prose.map((l) => l.text);
    while (text.length && isBlank(text[0]!)) text.shift();
    while (text.length && isBlank(text.at(-1)!)) text.pop();
    const src = merge(...prose.map((l) => l.src));
    if (text.length) blocks.push({ type: 'markdown', lines: collapseBlanks(text), src });
    else blank.push(...src);
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = FENCE.exec(line.text.trim());
    if (open) {
      flushProse();
      const body: Line[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() !== open[1]) {
        if (lines[j]!.src.length > 0 || !isBlank(lines[j]!.text)) body.push(lines[j]!);
        j++;
      }
      const src = merge(line.src, ...body.map((l) => l.src), lines[j]?.src ?? []);
      const text = body.map((l) => l.text);
      const lang = (open[2] || 'text').toLowerCase();
      if (lang === 'yaml' || lang === 'yml') blocks.push(...splitCommandsOutOfYaml(text, src));
      else blocks.push({ type: 'code', lang: lang === 'sh' || lang === 'shell' ? 'bash' : lang, lines: text, src });
      i = j;
      continue;
    }
    const heading = /^(#{4,6})\s+(.*)$/.exec(line.text);
    if (heading) {
      flushProse();
      const text = heading[2]!.replace(/^\*\*(.*)\*\*[:：]?$/, '$1').replace(/\*\*/g, '').replace(/[:：]$/, '');
      blocks.push({ type: 'heading', depth: heading[1]!.length - 2, text, src: line.src });
      continue;
    }
    prose.push(line);
  }
  flushProse();
  return { ...section, blocks, blank: merge(section.blank, blank), lines: [] };
}

function collapseBlanks(lines: string[]): string[] {
  return lines.filter((l, i) => !(isBlank(l) && isBlank(lines[i - 1] ?? 'x')));
}

export const buildMarkdown: Pass = (doc: Doc) => ({ ...doc, sections: doc.sections.map(buildMarkdownBlocks) });
