/**
 * Test support: renders code blocks with Expressive Code the way the site does (github-light then
 * github-dark, one Shiki pass per theme) and can make the machine look stalled during one theme's
 * pass, which is what a GC pause or a busy CPU does to a build. Shiki's per-line time check
 * reads a virtual clock that stands still (or jumps, during a stall), so the outcome never depends
 * on how busy the machine running the test is.
 */
import { ExpressiveCode, loadShikiTheme } from '@astrojs/starlight/expressive-code';
import { toHtml } from '@astrojs/starlight/expressive-code/hast';
import type { ShikiTransformer } from 'shiki';

export interface Block {
  code: string;
  language: string;
}

/** How far the clock jumps per reading during a stalled pass: well past Shiki's 500 ms budget. */
const STALL_MS = 1_000;

/**
 * Renders each block to HTML. With `stallTheme` (0 = light, 1 = dark), every clock reading during
 * that theme's tokenization jumps ahead, as if the process had been descheduled between two regex
 * scans; otherwise the clock stands still and no line can run out of time.
 */
export async function renderBlocks(
  blocks: Block[],
  { stallTheme = undefined as number | undefined, transformers = [] as ShikiTransformer[] } = {},
): Promise<string[]> {
  let pass = 0;
  let skew = 0;
  // Expressive Code runs preprocess right before each theme's tokenization, in theme order.
  const passCounter: ShikiTransformer = {
    name: 'test:pass-counter',
    preprocess() {
      pass += 1;
    },
  };
  const ec = new ExpressiveCode({
    themes: [await loadShikiTheme('github-light'), await loadShikiTheme('github-dark')],
    shiki: { transformers: [passCounter, ...transformers] },
  });
  const realNow = Date.now;
  const start = realNow();
  Date.now = () => {
    if (stallTheme !== undefined && pass === stallTheme + 1) skew += STALL_MS;
    return start + skew;
  };
  try {
    const html: string[] = [];
    for (const block of blocks) {
      pass = 0;
      const { renderedGroupAst } = await ec.render(block);
      html.push(toHtml(renderedGroupAst));
    }
    return html;
  } finally {
    Date.now = realNow;
  }
}
