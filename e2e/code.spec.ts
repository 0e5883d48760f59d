import { expect, test, setTheme, KNOWN } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`YAML is syntax-highlighted in the ${theme} theme with a copy button`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto(KNOWN.hpa);
    const block = page.locator('.expressive-code', { has: page.locator('pre[data-language="yaml"]') }).first();
    await expect(block).toBeVisible();
    // Highlighting means keys and values are drawn in different colours.
    const colors = await block.locator('pre code span').evaluateAll((spans) =>
      [...new Set(spans.map((s) => getComputedStyle(s).color))],
    );
    expect(colors.length).toBeGreaterThan(2);
    await expect(block.getByRole('button', { name: /复制/ })).toBeAttached();
  });
}

test('shell commands are highlighted as bash', async ({ page }) => {
  await page.goto(KNOWN.podCreation);
  await expect(page.locator('pre[data-language="bash"]').first()).toContainText('kubectl apply');
});
