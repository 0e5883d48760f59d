import { spaceCjkLatin } from '../../content-model/typography.ts';
import type { Block, Doc, Pass } from '../types.ts';

const CJK = '\\u3400-\\u9fff';
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * ASCII punctuation in Chinese sentences (the copies lost the full-width forms) → full-width, only
 * where it touches a Chinese character, and never inside inline code. `spec.clusterIP:` stays.
 */
export function fullWidthPunctuation(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(new RegExp(`(?<=[${CJK}）])\\s*([,:;?!])(?!//)`, 'g'), (_m, p: string) => FULL[p]!)
        .replace(new RegExp(`([,:;?!])\\s*(?=[${CJK}])`, 'g'), (_m, p: string) => FULL[p]!)
        .replace(new RegExp(`\\(([^()]*[${CJK}][^()]*)\\)`, 'g'), '（$1）')
        .replace(/([，：；？！])[ ]+/g, '$1');
    })
    .join('');
}

/** A question title: full-width punctuation and one space between Chinese and Latin words. */
export function tidyTitle(title: string): string {
  return spaceCjkLatin(fullWidthPunctuation(title.trim())).replace(/\s*([，：；？！（）])\s*/g, '$1').replace(/\s+/g, ' ');
}

function tidyBlock(b: Block): Block {
  switch (b.type) {
    case 'para':
      return { ...b, text: fullWidthPunctuation(b.text) };
    case 'heading':
      return { ...b, text: fullWidthPunctuation(b.text) };
    case 'list':
      return { ...b, items: b.items.map((it) => ({ ...it, text: fullWidthPunctuation(it.text) })) };
    case 'table':
      return { ...b, header: b.header.map(fullWidthPunctuation), rows: b.rows.map((r) => r.map(fullWidthPunctuation)) };
    default:
      return b;
  }
}

/** Sub-headings start at `##` under the page title: a section whose steps are all `###` moves them up. */
function promoteHeadings(blocks: Block[]): Block[] {
  const depths = blocks.flatMap((b) => (b.type === 'heading' ? [b.depth] : []));
  if (depths.length === 0 || depths.includes(2)) return blocks;
  const shift = Math.min(...depths) - 2;
  return blocks.map((b) => (b.type === 'heading' ? { ...b, depth: b.depth - shift } : b));
}

export const tidyTypography: Pass = (doc: Doc) => ({
  ...doc,
  sections: doc.sections.map((s) => ({ ...s, title: tidyTitle(s.title), blocks: promoteHeadings(s.blocks.map(tidyBlock)) })),
});
