export type MermaidTheme = 'default' | 'dark';

/**
 * Renders many diagrams of one theme in one call (one browser page, Mermaid loaded once).
 * Results are in input order; `ids[i]` is the SVG id diagram i must carry so that two diagrams
 * on one page never share marker or element ids.
 */
export type RenderBatch = (sources: readonly string[], theme: MermaidTheme, ids: readonly string[]) => Promise<PromiseSettledResult<string>[]>;

interface Job {
  source: string;
  theme: MermaidTheme;
  id: string;
  resolve: (svg: string) => void;
  reject: (reason: unknown) => void;
}

export interface BatchTiming {
  start: number;
  end: number;
  theme: MermaidTheme;
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
 * Collects single-diagram requests and sends them as batches, one call per theme, both themes
 * at once. Starting Chromium and loading Mermaid (~3 MB) dominates the cost of a diagram, so
 * paying it once per build instead of once per SVG is what makes a cold build fast.
 */
export function createBatcher(renderBatch: RenderBatch, options: BatcherOptions = {}) {
  const quietMs = options.quietMs ?? 50;
  let queue: Job[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendTheme = async (theme: MermaidTheme, jobs: Job[]) => {
    const start = Date.now();
    try {
      const results = await renderBatch(
        jobs.map((j) => j.source),
        theme,
        jobs.map((j) => j.id),
      );
      jobs.forEach((job, i) => {
        const result = results[i];
        if (!result) job.reject(new Error('Mermaid returned no result'));
        else if (result.status === 'fulfilled') job.resolve(result.value);
        else job.reject(result.reason);
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
    }
    await options.onBatch?.({ start, end: Date.now(), theme, size: jobs.length });
  };

  const flush = () => {
    timer = undefined;
    const jobs = queue;
    queue = [];
    const themes = [...new Set(jobs.map((j) => j.theme))];
    return Promise.all(themes.map((t) => sendTheme(t, jobs.filter((j) => j.theme === t))));
  };

  return (source: string, theme: MermaidTheme, id: string): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      queue.push({ source, theme, id, resolve, reject });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), quietMs);
    });
}
