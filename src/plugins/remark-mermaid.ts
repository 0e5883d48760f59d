import { appendFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import type { Code, Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { createMermaidRenderer } from 'mermaid-isomorphic';
import { chromiumLaunchOptions } from '../lib/chromium.ts';
import { inlineSvgStyles } from './inline-svg-styles.ts';
import { SvgCache } from './mermaid-cache.ts';

export type MermaidTheme = 'default' | 'dark';

/** Renders one diagram to an SVG string, or throws with Mermaid's parse error. */
export type RenderDiagram = (source: string, theme: MermaidTheme, idPrefix: string) => Promise<string>;

export interface RemarkMermaidOptions {
  /** Where rendered SVGs are kept between builds. */
  cacheDir: string;
  render?: RenderDiagram;
}

/** The two variants we render; CSS shows the one matching Starlight's `data-theme`. */
const VARIANTS = [
  { theme: 'default', className: 'mermaid-light' },
  { theme: 'dark', className: 'mermaid-dark' },
] as const;

export const DIAGRAM_FONT =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';

const mermaidVersion = (): string => {
  const require = createRequire(import.meta.url);
  return (require('mermaid/package.json') as { version: string }).version;
};

/** Default renderer: mermaid-isomorphic in headless Chromium; the browser starts only for uncached diagrams. */
function defaultRender(): RenderDiagram {
  const renderer = createMermaidRenderer({ launchOptions: chromiumLaunchOptions() });
  return async (source, theme, prefix) => {
    const [result] = await renderer([source], {
      prefix,
      mermaidConfig: { theme, fontFamily: DIAGRAM_FONT },
    });
    if (!result) throw new Error('Mermaid returned no result');
    if (result.status === 'rejected') {
      throw result.reason instanceof Error ? result.reason : new Error(String(result.reason));
    }
    return result.value.svg;
  };
}

/**
 * Turn ```mermaid code blocks into inline SVG at build time, one light and one dark variant,
 * so readers download no diagram JavaScript. An invalid diagram fails the build at its line.
 */
export const remarkMermaid: Plugin<[RemarkMermaidOptions], Root> = function (options) {
  const cache = new SvgCache(options.cacheDir);
  const version = mermaidVersion();
  let render: RenderDiagram | undefined = options.render;

  const renderCached = async (source: string, theme: MermaidTheme): Promise<string> => {
    const key = SvgCache.key(version, theme, DIAGRAM_FONT, source);
    const hit = await cache.get(key);
    if (hit !== undefined) return hit;
    render ??= defaultRender();
    const start = Date.now();
    const svg = await render(source, theme, `mermaid-${key.slice(0, 10)}`);
    await cache.set(key, svg);
    await recordTiming(options.cacheDir, start, Date.now());
    return svg;
  };

  return async (tree: Root, file: VFile) => {
    const blocks: { node: Code; index: number; parent: Parent }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === 'mermaid' && parent && index !== undefined) blocks.push({ node, index, parent });
    });
    await Promise.all(
      blocks.map(async ({ node, index, parent }) => {
        let svgs: string[];
        try {
          svgs = await Promise.all(VARIANTS.map((v) => renderCached(node.value, v.theme)));
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n').slice(0, 4).join(' ') : String(error);
          file.fail(`Mermaid 图无法渲染（请检查语法）：${reason}`, node, 'remark-mermaid:invalid-diagram');
        }
        const children: ElementContent[] = VARIANTS.map((v, i) => ({
          type: 'element',
          tagName: 'div',
          properties: { className: ['mermaid-variant', v.className], style: naturalWidthStyle(svgs[i] ?? '') },
          children: svgToHast(svgs[i] ?? ''),
        }));
        // A node type unknown to mdast-util-to-hast becomes exactly the element described in `data`.
        const figure = {
          type: 'mermaidDiagram',
          position: node.position,
          data: {
            hName: 'figure',
            hProperties: { className: ['mermaid-diagram'] },
            hChildren: children satisfies Element['children'],
          },
        };
        parent.children[index] = figure as unknown as Parent['children'][number];
      }),
    );
  };
};

/** Parse Mermaid's SVG into hast with its stylesheet applied inline (see inlineSvgStyles). */
function svgToHast(svg: string): ElementContent[] {
  const root = fromHtml(svg, { fragment: true, space: 'svg' });
  inlineSvgStyles(root);
  return root.children as ElementContent[];
}

/**
 * Mermaid scales a diagram down to the column width; on a phone a wide flowchart would become
 * unreadable, so CSS keeps it at (most of) its natural width and lets the figure scroll.
 */
function naturalWidthStyle(svg: string): string | undefined {
  const width = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1]);
  return Number.isFinite(width) && width > 0 ? `--mermaid-width: ${Math.round(width)}px` : undefined;
}

/** `npm run bench` reads these spans to split build time into astro, diagrams and search index. */
async function recordTiming(cacheDir: string, start: number, end: number): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await appendFile(`${cacheDir}/timings.jsonl`, `${JSON.stringify({ start, end })}\n`);
}

export default remarkMermaid;
