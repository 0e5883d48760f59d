import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test fails on a console error or an uncaught exception: a reader would see a broken
 * page even when the asserted element is there.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && !allowedConsoleErrors.some((re) => re.test(text))) errors.push(text);
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Permalinks the suite opens for what their answers contain (a diagram, YAML, shell commands).
 * Permalinks are meant to stay; anything editors change (titles, counts, statuses) is read from
 * the content at test time instead, see ./content.ts.
 */
export const KNOWN = {
  probes: '/q/probes/',
  podCreation: '/q/pod-creation-flow/',
  hpa: '/q/hpa-configuration/',
} as const;

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  // Starlight keeps the reader's choice in localStorage and applies it before first paint.
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/**
 * Switches the theme with Starlight's own picker, the way a reader does, and shows the new colours
 * at once: colour transitions (Expressive Code's buttons have some) are jumped to their end, so a
 * scan never reads a colour half-way between the themes.
 */
export async function pickTheme(page: Page, theme: 'light' | 'dark') {
  await page.locator('starlight-theme-select select').first().selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await page.evaluate(() => {
    for (const a of document.getAnimations()) if (a instanceof CSSTransition) a.finish();
  });
}

/**
 * Serve pages as a reader with JavaScript off gets them: no page scripts, <noscript> content shown.
 * For checks that themselves need to run JS in the page (axe); behaviour tests use
 * `javaScriptEnabled: false`, under which Chromium does not render <noscript> (playwright#32542).
 */
export async function serveWithoutScripts(page: Page) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<\/?noscript>/gi, '');
    await route.fulfill({ response, body });
  });
}
