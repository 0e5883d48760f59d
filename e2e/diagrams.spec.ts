import { expect, test, setTheme, KNOWN } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`Mermaid diagrams are inline SVG in the ${theme} theme`, async ({ page }) => {
    await setTheme(page, theme);
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    });
    await page.goto(KNOWN.podCreation);
    const shown = page.locator(`.mermaid-diagram .mermaid-${theme}`);
    const hidden = page.locator(`.mermaid-diagram .mermaid-${theme === 'light' ? 'dark' : 'light'}`);
    await expect(shown.locator('svg')).toBeVisible();
    await expect(hidden).toBeHidden();
    await expect(shown.locator('svg')).toContainText('调度器');
    const box = await shown.locator('svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(scripts.filter((url) => /mermaid/i.test(url)), 'no Mermaid JavaScript downloaded').toEqual([]);
  });

  test(`Mermaid theme styles reach the diagram in the ${theme} theme`, async ({ page }) => {
    await setTheme(page, theme);
    await page.goto('/q/metrics-server-pipeline/');
    // Without the diagram's stylesheet, SVG boxes fall back to black fill and no border.
    const box = page.locator(`.mermaid-${theme} svg .node rect`).first();
    const style = await box.evaluate((el) => ({ fill: getComputedStyle(el).fill, stroke: getComputedStyle(el).stroke }));
    expect(style.stroke).not.toBe('none');
    expect(style.fill).not.toBe('rgb(0, 0, 0)');
    const label = page.locator(`.mermaid-${theme} svg .nodeLabel`).first();
    expect(await label.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Sans CJK SC');
  });
}

test('diagram follows the theme picker without a reload', async ({ page }) => {
  await setTheme(page, 'light');
  await page.goto('/q/metrics-server-pipeline/');
  await expect(page.locator('.mermaid-light svg')).toBeVisible();
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('.mermaid-dark svg')).toBeVisible();
  await expect(page.locator('.mermaid-light svg')).toBeHidden();
});
