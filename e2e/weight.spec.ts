import { gzipSync } from 'node:zlib';
import { isJavaScript } from '../scripts/page-weight.ts';
import { expect, KNOWN, test } from './fixtures';

/**
 * Issue 11's budget: the JavaScript a question page runs before the reader does anything, files
 * and inline scripts together, gzip as a server would send it.
 */
test('问题页在读者操作之前加载的 JS（文件 + 内联脚本）不超过 8 KiB gzip', async ({ page }) => {
  const files: Promise<number>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') files.push(r.body().then((b) => gzipSync(b).length));
  });
  await page.goto(KNOWN.probes, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
  const inline = await page
    .locator('script:not([src])')
    .evaluateAll((els) => els.map((e) => ({ type: e.getAttribute('type'), code: e.textContent ?? '' })));
  const inlineBytes = inline
    .filter((s) => isJavaScript(s.type ? `type="${s.type}"` : '') && s.code.trim())
    .reduce((n, s) => n + gzipSync(s.code).length, 0);
  const fileBytes = (await Promise.all(files)).reduce((n, b) => n + b, 0);
  expect(fileBytes + inlineBytes, `${fileBytes} B files + ${inlineBytes} B inline`).toBeLessThanOrEqual(8 * 1024);
});

test('链接预取用 Speculation Rules，不加载预取脚本；标了不预取的重页面链接照旧不预取', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/topics/workloads/', { waitUntil: 'networkidle' });
  // Astro's prefetch module was /_astro/page.*.js.
  expect(scripts.filter((p) => /\/_astro\/page\.[\w-]+\.js$/.test(p))).toEqual([]);

  const rules = JSON.parse((await page.locator('script[type="speculationrules"]').textContent()) ?? '{}');
  const rule = rules.prefetch?.[0];
  expect(rule?.eagerness).toBe('moderate');
  const excluded: string = rule.where.and.find((c: { not?: unknown }) => c.not).not.selector_matches;
  // The printable topic is one of those heavy pages; the rule's selector must match its link, and not a question's.
  const printLink = page.locator('a[href$="/all/workloads/"]');
  await expect(printLink).toHaveCount(1);
  expect(await printLink.evaluate((a, sel) => a.matches(sel), excluded)).toBe(true);
  const questionLink = page.locator('a[href^="/q/"]').first();
  expect(await questionLink.evaluate((a, sel) => a.matches(sel), excluded)).toBe(false);
});
