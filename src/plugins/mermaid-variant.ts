import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { inlineSvgStyles, parseRules } from './inline-svg-styles.ts';
import { SvgCache } from './mermaid-cache.ts';

/** One rendered SVG as it goes into the page: its markup and the width style of its wrapper. */
export interface DiagramVariant {
  html: string;
  style: string | undefined;
}

/** The smallest text a reader must be able to read without zooming, in CSS px. */
export const MIN_TEXT_PX = 11;

export function svgVariant(svg: string): DiagramVariant {
  const children = svgToHast(svg);
  return { html: toHtml(children), style: legibleWidthStyle(svg, children) };
}

/** Parse Mermaid's SVG into hast with its stylesheet applied inline (see inlineSvgStyles). */
function svgToHast(svg: string): ElementContent[] {
  const root = fromHtml(svg, { fragment: true, space: 'svg' });
  inlineSvgStyles(root);
  return root.children as ElementContent[];
}

/**
 * The SVG scales down with the column (max-width: 100%), but never so far that its smallest text
 * drops below MIN_TEXT_PX: `--mermaid-min-width` is the width at which that happens (at most
 * the natural width); a narrower column scrolls sideways instead (see custom.css).
 */
function legibleWidthStyle(svg: string, tree: ElementContent[]): string | undefined {
  const width = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || width <= 0) return undefined;
  const sizes: number[] = [];
  for (const node of tree) {
    visit(node, 'element', (el: Element) => {
      const style = typeof el.properties.style === 'string' ? el.properties.style : '';
      for (const m of style.matchAll(/font-size:\s*([\d.]+)px/g)) sizes.push(Number(m[1]));
      const attr = parseFloat(String(el.properties.fontSize ?? ''));
      if (attr > 0) sizes.push(attr);
    });
  }
  const smallest = sizes.length ? Math.min(...sizes) : 16;
  // A little headroom: browsers round the rendered glyph box.
  const minWidth = Math.min(width, Math.ceil((width * (MIN_TEXT_PX + 0.5)) / smallest));
  return `--mermaid-width: ${Math.round(width)}px; --mermaid-min-width: ${minWidth}px`;
}

const packageVersion = (name: string): string => {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(join(dirname(require.resolve(name)), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
};

/**
 * Everything a processed variant depends on besides the SVG: the code that makes it and the
 * versions of the parser and selector engine it uses. A change to any of them is a new key, so
 * a stale processed form is never read back.
 */
const processing = (): string[] => [
  ...[svgVariant, svgToHast, inlineSvgStyles, parseRules, legibleWidthStyle].map(String),
  String(MIN_TEXT_PX),
  packageVersion('hast-util-from-html'),
  packageVersion('hast-util-select'),
  packageVersion('hast-util-to-html'),
];

/**
 * Processed variants by SVG content. Parsing an SVG and applying its stylesheet is slow (every
 * selector is matched against the whole tree), and on a rebuild the SVGs rarely change, so the
 * result is kept on disk beside the SVGs.
 */
export class VariantCache {
  private readonly files: SvgCache;
  private readonly processingKey: string;

  constructor(dir: string) {
    this.files = new SvgCache(dir, '.variant.json');
    this.processingKey = SvgCache.key(...processing());
  }

  async get(svg: string): Promise<DiagramVariant> {
    const key = SvgCache.key(this.processingKey, svg);
    const hit = await this.files.get(key);
    if (hit !== undefined) {
      try {
        return JSON.parse(hit) as DiagramVariant;
      } catch {
        // A file cut short (an interrupted build) is processed again and rewritten.
      }
    }
    const variant = svgVariant(svg);
    await this.files.set(key, JSON.stringify(variant));
    return variant;
  }
}
