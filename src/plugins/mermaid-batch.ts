export type MermaidTheme = 'default' | 'dark';

/** One SVG to render: a diagram in one theme, with the id the SVG must carry. */
export interface DiagramJob {
  source: string;
  theme: MermaidTheme;
  /** Two diagrams on one page must never share marker or element ids. */
  id: string;
}

/**
 * Renders many diagrams, in either theme, in one call (one browser page, Mermaid loaded once).
 * Results are in input order.
 */
export type RenderBatch = (jobs: readonly DiagramJob[]) => Promise<PromiseSettledResult<string>[]>;

interface Job extends DiagramJob {
  resolve: (svg: string) => void;
  reject: (reason: unknown) => void;
}

export interface BatchTiming {
  start: number;
  end: number;
  size: number;
}

export interface BatcherOptions {
  /**
   * How long the queue must stay quiet before it is sent. MDX files are compiled concurrently,
   * so the diagrams of a whole build arrive in one burst; a short wait gathers them into one batch.
   */
  quietMs?: number;
  onBatch?: (timing: BatchTiming) => void | Promise<void>;
}

/**
 * Collects single-diagram requests and sends them as one batch, both themes together. Starting
 * Chromium and loading Mermaid (a 13 MB script) dominates the cost of a diagram, so paying it once
 * per build, in one page, instead of once per theme or per SVG is what makes a cold build fast.
 */
export function createBatcher(renderBatch: RenderBatch, options: BatcherOptions = {}) {
  const quietMs = options.quietMs ?? 50;
  let queue: Job[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async () => {
    timer = undefined;
    const jobs = queue;
    queue = [];
    const start = Date.now();
    try {
      const results = await renderBatch(jobs.map(({ source, theme, id }) => ({ source, theme, id })));
      jobs.forEach((job, i) => {
        const result = results[i];
        if (!result) job.reject(new Error('Mermaid returned no result'));
        else if (result.status === 'fulfilled') job.resolve(result.value);
        else job.reject(result.reason);
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
    await options.onBatch?.({ start, end: Date.now(), size: jobs.length });
  };

  return (source: string, theme: MermaidTheme, id: string): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      queue.push({ source, theme, id, resolve, reject });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), quietMs);
    });
}
