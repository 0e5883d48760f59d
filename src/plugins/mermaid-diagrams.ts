import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, type PluginFactoryContext } from 'satteri';
import type { MermaidRenderer } from 'mermaid-isomorphic';
import type { MermaidTheme, RenderBatch } from './mermaid-batch.ts';
import { DiagramStore } from './mermaid-store.ts';
import { cannotDraw, DeferredDiagrams } from './mermaid-deferred.ts';
import { SvgCache } from './mermaid-cache.ts';
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
  /** Pages get placeholders for uncached diagrams, filled by `defer.fill()` (set by the build integration). */
  defer?: DeferredDiagrams;
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

/** What every MDX file compiled by this process shares: one store (one queue, one browser session). */
interface Shared {
  store: DiagramStore;
  deferred: DeferredDiagrams;
  /** Set in `astro build` only: pages then never wait for a diagram (mermaid-deferred.ts). */
  deferring: boolean;
}

const shared = new Map<string, Shared>();

function sharedFor(options: RemarkMermaidOptions): Shared {
  // Resolving the renderer's Mermaid touches the file system: only when a store is made.
  const fresh = (renderBatch: RenderBatch): Shared => ({
    store: new DiagramStore({
      cacheDir: options.cacheDir,
      keyParts: [mermaidPackage('renderer').version, JSON.stringify(MERMAID_CONFIG)],
      prefetchDir: options.prefetchDir,
      renderBatch,
    }),
    deferred: options.defer ?? new DeferredDiagrams(),
    deferring: options.defer !== undefined,
  });
  if (options.renderBatch) return fresh(options.renderBatch);
  const key = `${options.cacheDir}\0${options.prefetchDir ?? ''}`;
  let found = shared.get(key);
  if (!found) shared.set(key, (found = fresh(isomorphicBatch())));
  return found;
}

/**
 * Starts rendering the uncached diagrams of `prefetchDir` as soon as `astro build` has read its
 * config, so Chromium works on the second core while Astro syncs content, generates types and
 * bundles. In a build, pages do not wait for an uncached diagram: they get a placeholder, and when
 * Astro has written every page (before Pagefind indexes them: list this integration before
 * starlight()), the drawn diagrams replace the placeholders. `astro dev` waits per page as before;
 * other commands (`astro check`, `astro sync`) start nothing here.
 */
export function mermaidPrefetch(options: RemarkMermaidOptions & { prefetchDir: string }) {
  return {
    name: 'mermaid-prefetch',
    hooks: {
      'astro:config:setup': ({ command }: { command: string }) => {
        if (command !== 'build') return;
        const state = sharedFor(options);
        state.deferring = true;
        void state.store.warm();
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: { info(message: string): void } }) => {
        // Only a build reaches this hook, and config:setup made every page of it defer.
        const { deferred } = sharedFor(options);
        if (deferred.size === 0) return;
        const { files, diagrams } = await deferred.fill(fileURLToPath(dir));
        logger.info(`${diagrams} diagrams drawn while pages were built, placed into ${files} HTML files`);
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
  const state = sharedFor(options);
  const { store } = state;
  void store.warm();
  const rendered = (source: string) => Promise.all(VARIANTS.map((v) => store.svg(source, v.theme))).then(figureContent);

  return ({ source }: Pick<PluginFactoryContext, 'source'>) => {
    if (!MERMAID_FENCE.test(source)) return null;
    return defineMdastPlugin({
      name: 'mermaid-diagrams',
      options: { position: true },
      async code(node, ctx) {
        if (node.lang !== 'mermaid') return;
        const cached = await Promise.all(VARIANTS.map((v) => store.cached(node.value, v.theme)));
        let content: string;
        if (cached.every((svg): svg is string => svg !== undefined)) {
          content = figureContent(cached);
        } else if (state.deferring && ctx.sourceFormat === 'mdx') {
          // Only MDX: Astro renders Markdown entries once at content sync and keeps their HTML in
          // its data store for later builds and `astro dev`, where no placeholder would be filled.
          const start = node.position?.start;
          const place = { file: ctx.fileURL ? fileURLToPath(ctx.fileURL) : '', line: start?.line ?? 1, column: start?.column ?? 1 };
          content = state.deferred.hold(SvgCache.key('figure', node.value).slice(0, 16), () => rendered(node.value), place);
        } else {
          try {
            content = await rendered(node.value);
          } catch (error) {
            failAt(ctx.fileURL, cannotDraw(error), node.position, 'remark-mermaid:invalid-diagram');
          }
        }
        return figureNode(ctx.sourceFormat === 'mdx', content) as never;
      },
    });
  };
}

/** A cheap pre-check: some fence (at any depth, in any container) whose info string starts with `mermaid`. */
const MERMAID_FENCE = /(`{3,}|~{3,})[ \t]*mermaid/;

/**
 * The figure's markup: both variants, each SVG in a wrapper carrying its width style. Built as one
 * string for a cached diagram and for a deferred one alike, so both give the same HTML.
 */
function figureContent(svgs: readonly string[]): string {
  return VARIANTS.map((v, i) => {
    const { html, style } = svgVariant(svgs[i] ?? '');
    return `<div class="mermaid-variant ${v.className}"${style ? ` style="${escapeAttribute(style)}"` : ''}>${html}</div>`;
  }).join('');
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The figure with its content as markup, never as a tree: thousands of SVG elements would
 * otherwise go through every later plugin and the MDX compiler. In MDX it is a JSX element whose
 * `set:html` Astro inserts as is (MDX output has no raw HTML node); in Markdown a node type
 * unknown to the Markdown-to-HTML step becomes exactly the element described in `data`.
 * Wide diagrams scroll sideways; keyboard users must be able to focus and scroll them.
 */
function figureNode(mdx: boolean, content: string) {
  if (!mdx) {
    return {
      type: 'mermaidDiagram',
      data: { hName: 'figure', hProperties: { className: ['mermaid-diagram'], tabIndex: 0 }, hChildren: [{ type: 'raw', value: content }] },
    };
  }
  const attribute = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });
  return {
    type: 'mdxJsxFlowElement',
    name: 'figure',
    attributes: [attribute('class', 'mermaid-diagram'), attribute('tabindex', '0'), attribute('set:html', content)],
    children: [],
  };
}

export default mermaidDiagrams;
