import { stringify } from 'yaml';
import type { Block, ListItem } from './types.ts';

/**
 * Escape prose for MDX: `<` and `{` would start JSX. Text inside inline code spans is left alone;
 * an unbalanced backtick leaves the rest of the line escaped as prose.
 */
export function escapeMdx(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([<>{}])/g, '\\$1')))
    .join('');
}

const fence = (lines: readonly string[]) => {
  const longest = Math.max(2, ...lines.map((l) => /^\s*(`{3,})/.exec(l)?.[1]?.length ?? 0));
  return '`'.repeat(longest + 1);
};

/** A note's `# comment` inside a list item or paragraph is text, not a Markdown heading. */
const escapeLeadingHash = (text: string) => text.replace(/^(#{1,6})(?=\s|$)/, '\\$1');

const cell = (t: string) => escapeMdx(t).replace(/\|/g, '\\|');

function renderList(items: readonly ListItem[]): string {
  return items
    .map((it) => `${'  '.repeat(it.depth)}${it.ordered !== undefined ? `${it.ordered}.` : '-'} ${escapeLeadingHash(escapeMdx(it.text))}`)
    .join('\n');
}

export function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.depth)} ${escapeMdx(block.text)}`;
    case 'para':
      return escapeLeadingHash(escapeMdx(block.text));
    case 'list':
      return renderList(block.items);
    case 'code': {
      const f = fence(block.lines);
      return `${f}${block.lang}${block.meta ? ` ${block.meta}` : ''}\n${block.lines.join('\n')}\n${f}`;
    }
    case 'table': {
      const width = Math.max(block.header.length, ...block.rows.map((r) => r.length));
      const pad = (r: readonly string[]) => Array.from({ length: width }, (_, i) => cell(r[i] ?? ''));
      return [
        `| ${pad(block.header).join(' | ')} |`,
        `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
        ...block.rows.map((r) => `| ${pad(r).join(' | ')} |`),
      ].join('\n');
    }
    case 'aside':
      return `:::${block.variant}[${block.title}]\n${escapeMdx(block.text)}\n:::`;
    case 'markdown':
      return escapeMarkdownLines(block.lines).join('\n');
  }
}

/** Already-Markdown lines: escape prose for MDX, never the inside of a fence nested in a list or quote. */
function escapeMarkdownLines(lines: readonly string[]): string[] {
  let open: string | null = null;
  return lines.map((line) => {
    const m = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?(`{3,}|~{3,})/.exec(line);
    if (open) {
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length) open = null;
      return line;
    }
    if (m) {
      open = m[1]!;
      return line;
    }
    // A blockquote's `>` markers are Markdown, not JSX.
    const quote = /^(\s*>\s?)*/.exec(line)![0];
    return quote + escapeMdx(line.slice(quote.length));
  });
}

export interface Frontmatter {
  id: string;
  title: string;
  description?: string;
  topic: string;
  tags: string[];
  importance: 1 | 2 | 3;
  status: 'answered' | 'partial' | 'needs-answer';
  sources: { note: string; line: number; endLine?: number }[];
}

export function renderEntry(frontmatter: Frontmatter, blocks: readonly Block[]): string {
  const fm = stringify(frontmatter, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
  const body = blocks.map(renderBlock).join('\n\n');
  return `---\n${fm}\n---\n${body ? `\n${body}\n` : ''}`;
}
