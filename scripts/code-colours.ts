/**
 * Reads the per-theme token colours Expressive Code wrote into built pages and finds code blocks
 * where one theme lost its syntax colours while another kept them.
 *
 * EC highlights every block once per theme and writes each token's colour for theme n as the CSS
 * custom property `--n` on the token's span or an enclosing one (`style="--0:#D73A49;--1:#F97583"`;
 * --0 is the first theme in the config, github-light here). When Shiki gives up on a line in one pass (its tokenizer has a
 * wall-clock budget per line), that pass emits the rest of the line as one plain token, so the
 * spans there carry the theme's default text colour for that theme only.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

export interface TokenSpan {
  text: string;
  /** Colour per theme index (`--0`, `--1`, …); `undefined` where the span sets none. */
  colours: (string | undefined)[];
}

export interface CodeBlock {
  /** Page the block was found in, e.g. `q/pod-qos/index.html`. */
  page: string;
  /** 1-based position among the page's code blocks. */
  index: number;
  language: string;
  /** Each line's text, as a reader sees it. */
  text: string[];
  /** Each line's coloured spans. */
  lines: TokenSpan[][];
}

export interface ColourFinding {
  page: string;
  index: number;
  language: string;
  /** Theme index whose colours are wrong (0 = first theme in the EC config). */
  theme: number;
  /** 1-based line numbers inside the block. */
  lines: number[];
  detail: string;
}

const COLOUR_VAR = /--(\d+):\s*([^;]+)/g;

function spanColours(style: string): (string | undefined)[] {
  const colours: (string | undefined)[] = [];
  for (const [, index, value] of style.matchAll(COLOUR_VAR)) colours[Number(index)] = value!.trim().toLowerCase();
  return colours;
}

function styleOf(node: Element): string {
  const style = node.properties?.style;
  return typeof style === 'string' ? style : '';
}

/**
 * The line's text pieces with the colours that apply to them. A colour can sit on an outer span:
 * where one theme has a single colour across several tokens of another theme, EC wraps those
 * tokens in one span carrying that theme's colour (`<span style="--1:…"><span style="--0:…">`).
 */
function colouredText(node: Element, inherited: (string | undefined)[] = []): TokenSpan[] {
  const own = spanColours(styleOf(node));
  const colours = Array.from({ length: Math.max(inherited.length, own.length) }, (_, i) => own[i] ?? inherited[i]);
  return node.children.flatMap((child) => {
    if (child.type === 'element') return colouredText(child, colours);
    if (child.type === 'text' && colours.some(Boolean)) return [{ text: child.value, colours }];
    return [];
  });
}

/** Every Expressive Code block in one page, with the colours of each token span. */
export function extractCodeBlocks(html: string, page: string): CodeBlock[] {
  if (!html.includes('data-language=')) return [];
  const tree: Root = fromHtml(html);
  return selectAll('.expressive-code pre[data-language]', tree).map((pre, i) => ({
    page,
    index: i + 1,
    language: String(pre.properties?.dataLanguage ?? ''),
    text: selectAll('.ec-line .code', pre).map((code) => toString(code)),
    lines: selectAll('.ec-line .code', pre).map((code) => colouredText(code)),
  }));
}

/** How many themes the blocks carry colours for (a loop, not Math.max(...spans): sites get big). */
function countThemes(blocks: CodeBlock[]): number {
  let count = 0;
  for (const block of blocks) for (const line of block.lines) for (const span of line) count = Math.max(count, span.colours.length);
  return count;
}

const key = (block: CodeBlock) => JSON.stringify([block.language, block.text]);

/**
 * Blocks whose colours in one theme disagree with how the rest of the site pairs the themes.
 *
 * Themes map the same token scope to one colour each, so across a whole site a colour in theme w
 * almost always comes with the same colour in theme v. A span whose (v, w) pair is rare for its
 * w colour (under `rareShare` of that colour's spans) while a different v colour dominates is a
 * token that theme v did not colour the way it colours that scope everywhere else. The same block
 * copied onto several pages (question, print and practice pages) counts once, so a damaged block
 * cannot outvote the healthy ones by being printed three times. This needs a site's worth of
 * blocks: among a handful, a damaged block looks like a theme that colours a scope differently.
 * diffCodeColours against a known good build is exact.
 */
export function findMiscolouredBlocks(blocks: CodeBlock[], rareShare = 0.1): ColourFinding[] {
  const unique = new Map<string, CodeBlock>();
  for (const block of blocks) if (!unique.has(key(block))) unique.set(key(block), block);
  const themeCount = countThemes(blocks);

  // pairCounts[v][w] : colour in w → colour in v → spans
  const pairCounts: Map<string, Map<string, number>>[][] = [];
  for (let v = 0; v < themeCount; v++) {
    pairCounts[v] = [];
    for (let w = 0; w < themeCount; w++) pairCounts[v]![w] = new Map();
  }
  for (const block of unique.values())
    for (const span of block.lines.flat())
      for (let v = 0; v < themeCount; v++)
        for (let w = 0; w < themeCount; w++) {
          const cv = span.colours[v];
          const cw = span.colours[w];
          if (v === w || !cv || !cw) continue;
          const partners = pairCounts[v]![w]!.get(cw) ?? new Map<string, number>();
          partners.set(cv, (partners.get(cv) ?? 0) + 1);
          pairCounts[v]![w]!.set(cw, partners);
        }

  /** The colour theme v should have given a span, when the site pairs its other colours clearly. */
  const expected = (span: TokenSpan, v: number): { colour: string; w: number } | undefined => {
    const cv = span.colours[v];
    if (!cv || !span.text.trim()) return undefined;
    for (let w = 0; w < themeCount; w++) {
      const cw = span.colours[w];
      if (w === v || !cw) continue;
      const partners = pairCounts[v]![w]!.get(cw)!;
      const total = [...partners.values()].reduce((a, b) => a + b, 0);
      const [dominant, dominantCount] = [...partners].sort((a, b) => b[1] - a[1])[0]!;
      if (dominant !== cv && (partners.get(cv) ?? 0) / total < rareShare && dominantCount / total >= 1 - rareShare) return { colour: dominant, w };
    }
    return undefined;
  };

  const findings: ColourFinding[] = [];
  for (const block of blocks) {
    const byTheme = new Map<number, { lines: number[]; examples: string[] }>();
    block.lines.forEach((line, lineIndex) => {
      const odd = line.filter((span) => Array.from({ length: themeCount }, (_, v) => expected(span, v)).some(Boolean));
      if (!odd.length) return;
      // A rare pair is rare from both sides; the theme that lost its colours is the one that
      // collapsed them onto fewer colours: on the odd spans, else on the whole line, else in the block.
      const distinct = (spans: TokenSpan[], v: number) => new Set(spans.filter((span) => span.text.trim()).map((span) => span.colours[v])).size;
      const candidates = Array.from({ length: themeCount }, (_, v) => v).filter((v) => odd.some((span) => expected(span, v)));
      let blamed = candidates;
      for (const spans of [odd, line, block.lines.flat()]) {
        const fewest = Math.min(...blamed.map((v) => distinct(spans, v)));
        blamed = blamed.filter((v) => distinct(spans, v) === fewest);
      }
      for (let v = 0; v < themeCount; v++) {
        if (!blamed.includes(v)) continue;
        const wrong = odd.filter((span) => expected(span, v));
        const entry = byTheme.get(v) ?? { lines: [], examples: [] };
        entry.lines.push(lineIndex + 1);
        for (const span of wrong.slice(0, 3 - entry.examples.length)) {
          const { colour, w } = expected(span, v)!;
          entry.examples.push(`“${span.text.trim().slice(0, 24)}” 为 ${span.colours[v]}，其他代码块里同一种记号（主题 ${w} 为 ${span.colours[w]}）是 ${colour}`);
        }
        byTheme.set(v, entry);
      }
    });
    for (const [theme, { lines, examples }] of byTheme)
      findings.push({ page: block.page, index: block.index, language: block.language, theme, lines, detail: examples.join('；') });
  }
  return findings;
}

/**
 * Blocks whose colours differ from the same block in a build known to be good. Blocks are matched
 * by page and position; a block whose text changed is skipped (that is an edit, not a race).
 */
export function diffCodeColours(baseline: CodeBlock[], current: CodeBlock[]): ColourFinding[] {
  const byPosition = new Map(baseline.map((b) => [`${b.page}#${b.index}`, b]));
  const findings: ColourFinding[] = [];
  for (const block of current) {
    const before = byPosition.get(`${block.page}#${block.index}`);
    if (!before || key(before) !== key(block)) continue;
    const themeCount = countThemes([block, before]);
    for (let v = 0; v < themeCount; v++) {
      const lines = block.lines.flatMap((line, i) => (colourRuns(line, v) !== colourRuns(before.lines[i]!, v) ? [i + 1] : []));
      if (lines.length) findings.push({ page: block.page, index: block.index, language: block.language, theme: v, lines, detail: '与基准构建的颜色不同' });
    }
  }
  return findings;
}

/**
 * One line's colours in theme v as runs of characters (`#24292e×5 #005cc5×3`). Span boundaries
 * follow the tokens of every theme, so comparing spans would blame theme v for a split caused by
 * another theme; runs depend on theme v alone.
 */
function colourRuns(line: TokenSpan[], v: number): string {
  const runs: [string, number][] = [];
  for (const span of line) {
    // Whitespace shows no colour; a plain pass may wrap an indent in a span of its own.
    if (!span.text.trim()) continue;
    const colour = span.colours[v] ?? '';
    const last = runs.at(-1);
    if (last && last[0] === colour) last[1] += span.text.length;
    else runs.push([colour, span.text.length]);
  }
  return runs.map(([colour, n]) => `${colour}×${n}`).join(' ');
}
