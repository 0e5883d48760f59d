import { expect, test, KNOWN } from './fixtures';
import { question } from './content';

const meta = (page: import('@playwright/test').Page, key: string) =>
  page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);

test('a shared question link previews as the question and the start of its answer', async ({ page }) => {
  await page.goto(KNOWN.probes);
  const title = question('probes').title;
  await expect(meta(page, 'og:title')).toHaveAttribute('content', title);
  await expect(meta(page, 'twitter:title')).toHaveAttribute('content', title);
  await expect(meta(page, 'og:url')).toHaveAttribute('content', /\/q\/probes\/$/);

  // The answer's first lines (not its section heading, not the site description).
  const first = await page.locator('.sl-markdown-content li').first().innerText();
  for (const key of ['og:description', 'twitter:description']) {
    await expect(meta(page, key)).toHaveCount(1);
    const content = (await meta(page, key).getAttribute('content')) ?? '';
    expect(content.startsWith(first.slice(0, 30)), `${key}: ${content}`).toBe(true);
    expect(content).not.toContain('##');
    expect([...content].length).toBeLessThanOrEqual(121);
  }
  // No preview image exists, so announce a plain card, once.
  await expect(meta(page, 'twitter:card')).toHaveCount(1);
  await expect(meta(page, 'twitter:card')).toHaveAttribute('content', 'summary');
});

test('topic and practice pages keep the site-level preview', async ({ page }) => {
  await page.goto('/practice/');
  await expect(meta(page, 'og:title')).toHaveAttribute('content', '练习模式');
  await expect(meta(page, 'article:tag')).toHaveCount(0);
});
