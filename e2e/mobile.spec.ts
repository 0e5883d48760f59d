import { expect, test, KNOWN } from './fixtures';

test('a question page fits a phone screen: no sideways scrolling, code scrolls inside its block', async ({ page }) => {
  await page.goto(KNOWN.hpa);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: '菜单' }).click();
  await expect(page.getByRole('link', { name: '专题概览' }).first()).toBeVisible();
});
