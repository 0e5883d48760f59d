import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineMdastPlugin, type PluginFactoryContext } from 'satteri';
import type { MermaidRenderer } from 'mermaid-isomorphic';
import type { MermaidTheme, RenderBatch } from './mermaid-batch.ts';
import { DiagramStore } from './mermaid-store.ts';
import { svgVariant } from './mermaid-variant.ts';
import { failAt } from './satteri-fail.ts';

export type { MermaidTheme, RenderBatch } from './mermaid-batch.ts';

export interface RemarkMermaidOptions {
  /** Where rendered SVGs are kept between builds. */
  cacheDir: string;
  /** Renders a batch of diagrams; defaults to mermaid-isomorphic in headless Chromium. */
  renderBatch?: RenderBatch;
  /** Content directory whose diagrams are all rendered in one batch at the first cache miss. */
  prefetchDir?: string;
}

/** The two variants we render; CSS shows the one matching Starlight's `data-theme`. */
const VARIANTS = [
  { theme: 'default', className: 'mermaid-light' },
  { theme: 'dark', className: 'mermaid-dark' },
] as const;

export const DIAGRAM_FONT =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';

/**
 * Sequence diagrams: Mermaid's defaults give every participant 200 px and never wrap a message,
 * so six participants already need a 1,400 px canvas, which a text column can only show at an
 * unreadable scale. Wrapped messages and narrower lanes keep them near the column width; the
 * extra bottom margin keeps the label under a mirrored `actor` figure inside the canvas.
 */
export const MERMAID_CONFIG = {
  fontFamily: DIAGRAM_FONT,
  sequence: { wrap: true, width: 120, actorMargin: 30, bottomMarginAdj: 12 },
} as const;

/**
 * The Mermaid that draws the SVGs is the one mermaid-isomorphic resolves, which need not be the
 * project's own `mermaid` (the one `npm run check` parses with). The cache key must name the
 * drawing one, or a renderer upgrade would keep serving SVGs drawn by the old version.
 */
export function mermaidPackage(from: 'renderer' | 'project'): { version: string; dir: string } {
  const base = from === 'renderer' ? import.meta.resolve('mermaid-isomorphic') : import.meta.url;
  const require = createRequire(base);
  const manifest = require.resolve('mermaid/package.json');
  return { version: (require(manifest) as { version: string }).version, dir: realpathSync(dirname(manifest)) };
}

let batchCount = 0;

/**
 * Default batch renderer: mermaid-isomorphic renders every diagram of a call in one page of one
 * headless Chromium; the browser starts only when something is not cached. One call takes both
 * themes: the page is set up for the light theme, and each dark job carries an init directive.
 * Mermaid applies a directive to its own diagram only and removes it before parsing, so the SVG is
 * the one a dark-themed page would draw, while the 13 MB Mermaid script is loaded and parsed once
 * instead of once per theme. The directive goes last so a diagram's own front matter stays first
 * and its error line numbers stay true.
 *
 * Mermaid numbers the SVGs of a call `<prefix>-<index>`; each is renamed to its content-derived id
 * so the cached SVG does not depend on which batch it happened to be rendered in. mermaid-isomorphic
 * and Playwright are imported on the first render, so a build whose diagrams are all cached never
 * loads them.
 */
function isomorphicBatch(): RenderBatch {
  let renderer: Promise<MermaidRenderer> | undefined;
  return async (jobs) => {
    renderer ??= Promise.all([import('mermaid-isomorphic'), import('../lib/chromium.ts')]).then(([mermaid, chromium]) =>
      mermaid.createMermaidRenderer({ launchOptions: chromium.chromiumLaunchOptions() }),
    );
    const prefix = `mermaidbatch${++batchCount}`;
    const sources = jobs.map((job) => withTheme(job.source, job.theme));
    const results = await (await renderer)(sources, { prefix, mermaidConfig: { ...MERMAID_CONFIG, theme: BASE_THEME } });
    return results.map((result, i): PromiseSettledResult<string> => {
      if (result.status === 'rejected') {
        const reason: unknown = result.reason;
        return { status: 'rejected', reason: reason instanceof Error ? reason : new Error(String((reason as { message?: string })?.message ?? reason)) };
      }
      const svg = result.value.svg.replace(new RegExp(`${result.value.id}(?![0-9])`, 'g'), jobs[i]?.id ?? result.value.id);
      return { status: 'fulfilled', value: svg };
    });
  };
}

const BASE_THEME: MermaidTheme = 'default';

/** The source Mermaid is given for one theme (exported for the equivalence test). */
export function withTheme(source: string, theme: MermaidTheme): string {
  return theme === BASE_THEME ? source : `${source}\n%%{init: ${JSON.stringify({ theme })}}%%`;
}

/** Every MDX file compiled by this process shares one store: one queue, one browser session. */
const stores = new Map<string, DiagramStore>();

function storeFor(options: RemarkMermaidOptions): DiagramStore {
  const storeOptions = {
    cacheDir: options.cacheDir,
    keyParts: [mermaidPackage('renderer').version, JSON.stringify(MERMAID_CONFIG)],
    prefetchDir: options.prefetchDir,
  };
  if (options.renderBatch) return new DiagramStore({ ...storeOptions, renderBatch: options.renderBatch });
  const shared = `${options.cacheDir}\0${options.prefetchDir ?? ''}`;
  let store = stores.get(shared);
  if (!store) stores.set(shared, (store = new DiagramStore({ ...storeOptions, renderBatch: isomorphicBatch() })));
  return store;
}

/**
 * Starts rendering the uncached diagrams of `prefetchDir` as soon as `astro build` has read its
 * config, so Chromium works on the second core while Astro syncs content, generates types and
 * bundles; the Markdown plugin with the same options then finds them rendered or in flight. The
 * plugin starts the same batch when it is set up (the only start in `astro dev`), which in a build
 * comes seconds later; other commands (`astro check`, `astro sync`) start nothing here.
 */
export function mermaidPrefetch(options: RemarkMermaidOptions & { prefetchDir: string }) {
  return {
    name: 'mermaid-prefetch',
    hooks: {
      'astro:config:setup': ({ command }: { command: string }) => {
        if (command === 'build') void storeFor(options).warm();
      },
    },
  };
}

/**
 * Turn ```mermaid code blocks into inline SVG at build time, one light and one dark variant,
 * so readers download no diagram JavaScript. An invalid diagram fails the build at its line.
 * Runs on the Markdown tree, so Expressive Code never sees the block. Returns a plugin factory:
 * Sätteri calls it per page, and pages without a diagram do not get the plugin at all.
 */
export function mermaidDiagrams(options: RemarkMermaidOptions) {
  const store = storeFor(options);
  void store.warm();
  const renderCached = (source: string, theme: MermaidTheme) => store.svg(source, theme);

  return ({ source }: Pick<PluginFactoryContext, 'source'>) => {
    if (!MERMAID_FENCE.test(source)) return null;
    return defineMdastPlugin({
      name: 'mermaid-diagrams',
      options: { position: true },
      async code(node, ctx) {
        if (node.lang !== 'mermaid') return;
        let svgs: string[];
        try {
          svgs = await Promise.all(VARIANTS.map((v) => renderCached(node.value, v.theme)));
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n').slice(0, 4).join(' ') : String(error);
          failAt(ctx.fileURL, `Mermaid 图无法渲染（请检查语法）：${reason}`, node.position, 'remark-mermaid:invalid-diagram');
        }
        const processed = svgs.map(svgVariant);
        const mdx = ctx.sourceFormat === 'mdx';
        const children = VARIANTS.map((v, i) => variantNode(mdx, ['mermaid-variant', v.className], processed[i]?.style, processed[i]?.html ?? ''));
        // A node type unknown to the Markdown-to-HTML step becomes exactly the element described in `data`.
        // Wide diagrams scroll sideways; keyboard users must be able to focus and scroll them.
        const data = { hName: 'figure', hProperties: { className: ['mermaid-diagram'], tabIndex: 0 } };
        return (mdx ? { type: 'mermaidDiagram', data, children } : { type: 'mermaidDiagram', data: { ...data, hChildren: children } }) as never;
      },
    });
  };
}

/** A cheap pre-check: some fence (at any depth, in any container) whose info string starts with `mermaid`. */
const MERMAID_FENCE = /(`{3,}|~{3,})[ \t]*mermaid/;

/**
 * One variant's wrapper with the SVG inside as markup, never as a tree: thousands of elements per
 * diagram would otherwise go through every later plugin and the MDX compiler. In MDX the wrapper
 * is a JSX element whose `set:html` Astro inserts as is (MDX output has no raw HTML node); in
 * Markdown it is an HTML element holding a raw node.
 */
function variantNode(mdx: boolean, className: string[], style: string | undefined, html: string) {
  if (!mdx) return { type: 'element', tagName: 'div', properties: { className, style }, children: [{ type: 'raw', value: html }] };
  const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [attribute('class', className.join(' ')), ...(style ? [attribute('style', style)] : []), attribute('set:html', html)],
    children: [],
  };
}

export default mermaidDiagrams;
