import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Axe's rules that judge colours (its cat.color rules that are on by default). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Fails on any serious or critical axe finding on the page as it is now.
 *
 * Axe runs inside the page itself (legacy mode): the default mode opens a second, blank page for
 * every scan to merge per-frame results, which costs about as much as the scan. The one thing
 * legacy mode skips is cross-origin frames, so the scan first checks the page has none.
 * Only violations are reported back: passes are never read, and listing them is slow on big pages.
 */
export async function expectNoSeriousViolations(page: Page, { coloursOnly = false } = {}) {
  const origin = new URL(page.url()).origin;
  const foreignFrames = page.frames().filter((f) => f.url() !== 'about:blank' && new URL(f.url()).origin !== origin);
  expect(foreignFrames.map((f) => f.url()), 'cross-origin frames, which the scan below would skip').toEqual([]);

  const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  // A theme changes colours only: a second theme needs the rules that look at colour, the first scan checks everything.
  if (coloursOnly) axe.withRules(COLOUR_RULES);
  const { violations } = await axe.analyze();
  const severe = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(severe).toEqual([]);
}
