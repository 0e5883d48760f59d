import { expect, test } from './fixtures';
import { KNOWN } from './fixtures';
import { incomplete, questions } from './content';

test('a permalink loads its question with status and provenance', async ({ page }) => {
  const q = incomplete()[0];
  test.skip(!q, 'every question in content/docs is answered');
  await page.goto(q!.href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(q!.title);
  await expect(page.locator('.status-notice')).toContainText(q!.status === 'partial' ? '部分缺失' : '待补充');
  await expect(page.locator('.status-notice a', { hasText: '补充答案' })).toHaveAttribute(
    'href',
    new RegExp(`/edit/main/${q!.file.replace(/[.]/g, '\\.')}$`),
  );
  // An answered question carries no such notice.
  await page.goto(questions.find((x) => x.status === 'answered')!.href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.status-notice')).toHaveCount(0);
});

test('every answer section has an anchor link that lands on it', async ({ page }) => {
  await page.goto(KNOWN.podCreation);
  const headings = page.locator('.sl-markdown-content .sl-heading-wrapper');
  expect(await headings.count()).toBeGreaterThan(5);
  // One read of every section: its heading's id and where its anchor link points.
  const anchors = await headings.evaluateAll((wrappers) =>
    wrappers.map((w) => ({ id: w.querySelector(':is(h2,h3,h4)')?.id ?? '', href: w.querySelector('a.sl-anchor-link')?.getAttribute('href') })),
  );
  for (const { id, href } of anchors) {
    expect(id, 'heading id').toBeTruthy();
    expect(href, `anchor link of #${id}`).toBe(`#${id}`);
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
