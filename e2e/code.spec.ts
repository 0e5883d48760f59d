import { expect, test, pickTheme, setTheme, KNOWN } from './fixtures';

test('YAML is syntax-highlighted in the light and the dark theme, with a copy button', async ({ page }) => {
  await setTheme(page, 'light');
  await page.goto(KNOWN.hpa);
  const block = page.locator('.expressive-code', { has: page.locator('pre[data-language="yaml"]') }).first();
  // Highlighting means keys and values are drawn in different colours, in either theme.
  const colours = () =>
    block.locator('pre code span').evaluateAll((spans) => [...new Set(spans.map((s) => getComputedStyle(s).color))]);
  await expect(block).toBeVisible();
  const light = await colours();
  expect(light.length).toBeGreaterThan(2);
  await expect(block.getByRole('button', { name: /复制/ })).toBeAttached();

  await pickTheme(page, 'dark');
  await expect(block).toBeVisible();
  const dark = await colours();
  expect(dark.length).toBeGreaterThan(2);
  // The dark theme really draws other colours, not the light ones again.
  expect(dark).not.toEqual(light);
  await expect(block.getByRole('button', { name: /复制/ })).toBeAttached();
});

test('shell commands are highlighted as bash', async ({ page }) => {
  await page.goto(KNOWN.podCreation);
  await expect(page.locator('pre[data-language="bash"]').first()).toContainText('kubectl apply');
});
