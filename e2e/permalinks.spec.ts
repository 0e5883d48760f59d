import { expect, test } from './fixtures';
import { KNOWN } from './fixtures';

test('a permalink loads its question with status and provenance', async ({ page }) => {
  await page.goto(KNOWN.headless);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Headless Service');
  await expect(page.locator('.status-notice')).toContainText('部分缺失');
  await expect(page.locator('.status-notice a', { hasText: '补充答案' })).toHaveAttribute(
    'href',
    /\/edit\/main\/content\/docs\/service-dns\/headless-service\.mdx$/,
  );
});

test('every answer section has an anchor link that lands on it', async ({ page }) => {
  await page.goto(KNOWN.podCreation);
  const headings = page.locator('.sl-markdown-content .sl-heading-wrapper');
  expect(await headings.count()).toBeGreaterThan(5);
  for (const wrapper of await headings.all()) {
    const id = await wrapper.locator(':is(h2,h3,h4)').getAttribute('id');
    expect(id, 'heading id').toBeTruthy();
    await expect(wrapper.locator('a.sl-anchor-link')).toHaveAttribute('href', `#${id}`);
  }
  const target = headings.nth(3);
  const id = await target.locator('h2').getAttribute('id');
  await page.goto(`${KNOWN.podCreation}#${id}`);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('the copy control puts the permanent URL on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(KNOWN.probes);
  const button = page.getByRole('button', { name: '复制本题链接' });
  await button.click();
  await expect(button).toHaveAttribute('data-copied', 'true');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/q\/probes\/$/);
});
