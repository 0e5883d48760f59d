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

/** Questions the seed content guarantees; the e2e suite pins reader-visible behaviour on them. */
export const KNOWN = {
  probes: '/q/probes/',
  podCreation: '/q/pod-creation-flow/',
  hpa: '/q/hpa-configuration/',
  headless: '/q/headless-service/',
} as const;

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  // Starlight keeps the reader's choice in localStorage and applies it before first paint.
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}
