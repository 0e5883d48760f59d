import { appendFile, mkdir } from 'node:fs/promises';
import { createBatcher, type BatchTiming, type MermaidTheme, type RenderBatch } from './mermaid-batch.ts';
import { SvgCache } from './mermaid-cache.ts';
import { mermaidSourcesUnder } from './mermaid-sources.ts';

export const THEMES: readonly MermaidTheme[] = ['default', 'dark'];

export interface DiagramStoreOptions {
  cacheDir: string;
  renderBatch: RenderBatch;
  /** Parts of the cache key besides theme and source: Mermaid's version, the font. */
  keyParts: readonly string[];
  /**
   * Content directory scanned at the first cache miss, so every uncached diagram of the build
   * goes into one batch instead of trickling in as the MDX files happen to be compiled.
   */
  prefetchDir?: string | undefined;
}

/**
 * SVGs by (theme, source): from the disk cache, else rendered in batches. Each diagram is
 * rendered at most once per process, however many files or rebuilds ask for it.
 */
export class DiagramStore {
  private readonly cache: SvgCache;
  private readonly render: ReturnType<typeof createBatcher>;
  private readonly inFlight = new Map<string, Promise<string>>();
  private prefetched: Promise<void> | undefined;
  private readonly options: DiagramStoreOptions;

  constructor(options: DiagramStoreOptions) {
    this.options = options;
    this.cache = new SvgCache(options.cacheDir);
    this.render = createBatcher(options.renderBatch, { onBatch: (t) => recordTiming(options.cacheDir, t) });
  }

  /** The SVG if it is on disk already; never renders. */
  cached(source: string, theme: MermaidTheme): Promise<string | undefined> {
    return this.cache.get(this.key(source, theme));
  }

  async svg(source: string, theme: MermaidTheme): Promise<string> {
    const key = this.key(source, theme);
    const known = this.inFlight.get(key);
    if (known) return known;
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;
    await this.warm();
    return this.inFlight.get(key) ?? this.request(key, source, theme);
  }

  /**
   * Start rendering every uncached diagram of `prefetchDir` now, in one batch per theme. Called
   * when the plugin is set up, so Chromium works on the diagrams while Astro is still busy with
   * everything else (the build runs on one core, leaving the other to the browser).
   */
  warm(): Promise<void> {
    if (!this.options.prefetchDir) return Promise.resolve();
    this.prefetched ??= this.prefetch(this.options.prefetchDir).catch(() => undefined);
    return this.prefetched;
  }

  private key(source: string, theme: MermaidTheme): string {
    return SvgCache.key(...this.options.keyParts, theme, source);
  }

  private request(key: string, source: string, theme: MermaidTheme): Promise<string> {
    const svg = this.render(source, theme, `mermaid-${key.slice(0, 10)}`).then(async (out) => {
      await this.cache.set(key, out);
      return out;
    });
    // An invalid diagram rejects here before its file asks for it; that file reports the error.
    svg.catch(() => undefined);
    this.inFlight.set(key, svg);
    return svg;
  }

  /** Queue every uncached diagram under `dir` in the same tick: the batcher sends them together. */
  private async prefetch(dir: string): Promise<void> {
    const sources = [...new Set(await mermaidSourcesUnder(dir))];
    const wanted = sources.flatMap((source) => THEMES.map((theme) => ({ source, theme, key: this.key(source, theme) })));
    const cached = await Promise.all(wanted.map((w) => this.cache.get(w.key)));
    wanted.forEach((w, i) => {
      if (cached[i] === undefined && !this.inFlight.has(w.key)) this.request(w.key, w.source, w.theme);
    });
  }
}

/**
 * `npm run bench` reads these spans to split build time into astro, diagrams and search index;
 * one line per SVG (it counts them), each carrying the span of the batch it was rendered in.
 */
async function recordTiming(cacheDir: string, { start, end, size }: BatchTiming): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const line = `${JSON.stringify({ start, end, batch: size })}\n`;
  await appendFile(`${cacheDir}/timings.jsonl`, line.repeat(size));
}
