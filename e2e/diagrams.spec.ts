import type { Page } from '@playwright/test';
import { questions } from './content';
import { expect, test, pickTheme, setTheme, KNOWN } from './fixtures';

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
}

test('Mermaid theme styles reach the diagram, and it follows the theme picker without a reload', async ({ page }) => {
  await setTheme(page, 'light');
  await page.goto('/q/metrics-server-pipeline/');
  // Without the diagram's stylesheet, SVG boxes fall back to black fill and no border.
  const expectStyled = async (theme: 'light' | 'dark') => {
    const box = page.locator(`.mermaid-${theme} svg .node rect`).first();
    const style = await box.evaluate((el) => ({ fill: getComputedStyle(el).fill, stroke: getComputedStyle(el).stroke }));
    expect(style.stroke, `${theme} node border`).not.toBe('none');
    expect(style.fill, `${theme} node fill`).not.toBe('rgb(0, 0, 0)');
    const label = page.locator(`.mermaid-${theme} svg .nodeLabel`).first();
    expect(await label.evaluate((el) => getComputedStyle(el).fontFamily), `${theme} label font`).toContain('Noto Sans CJK SC');
  };
  await expect(page.locator('.mermaid-light svg')).toBeVisible();
  await expectStyled('light');
  // The dark variant's styles are checked once the reader's own picker has switched to it.
  await pickTheme(page, 'dark');
  await expect(page.locator('.mermaid-dark svg')).toBeVisible();
  await expect(page.locator('.mermaid-light svg')).toBeHidden();
  await expectStyled('dark');
});

const withDiagrams = questions.filter((q) => q.diagrams > 0);
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 375, height: 812 },
] as const;
const MIN_TEXT_PX = 11;

/**
 * Rendered size of every piece of text in the visible diagrams: its font size times the scale the
 * SVG is drawn at (rendered box ÷ the text's own box in SVG units), and whether it sticks out of
 * the SVG's visible box (a clipped label).
 */
async function diagramText(page: Page) {
  return page.locator('.mermaid-diagram svg').evaluateAll((svgs) =>
    svgs
      .filter((svg) => svg.getClientRects().length > 0)
      .flatMap((svg) => {
        const outer = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text, foreignObject span, foreignObject p, foreignObject div')].filter(
          (el) => (el.textContent ?? '').trim() && !el.querySelector('span, p, div, tspan'),
        );
        return texts.map((el) => {
          const rect = el.getBoundingClientRect();
          const graphic = (el.closest('foreignObject') ?? el) as SVGGraphicsElement;
          const own = graphic.getBBox();
          const drawn = graphic.getBoundingClientRect();
          const scale = own.width > 0 ? drawn.width / own.width : drawn.height / own.height;
          return {
            text: (el.textContent ?? '').trim().slice(0, 30),
            px: parseFloat(getComputedStyle(el).fontSize) * scale,
            clipped: rect.bottom > outer.bottom + 1 || rect.right > outer.right + 1 || rect.left < outer.left - 1 || rect.top < outer.top - 1,
          };
        });
      }),
  );
}

test(`every diagram's text renders at ≥ ${MIN_TEXT_PX} px and unclipped at ${VIEWPORTS.map((vp) => `${vp.width}×${vp.height}`).join(' and ')}`, async ({ page }) => {
  test.slow();
  expect(withDiagrams.length, 'content has diagrams').toBeGreaterThan(0);
  const smallest: Record<string, { px: number; where: string }> = {};
  // One load per page: the diagrams' size is CSS only (src/styles/custom.css), so resizing the
  // window lays them out exactly as a load at that size would. Every other page takes the widths
  // in reverse, so each load happens at the width the previous page ended at.
  for (const [i, q] of withDiagrams.entries()) {
    await page.goto(q.href);
    await expect(page.locator('.mermaid-diagram svg').first()).toBeAttached();
    for (const vp of i % 2 ? [...VIEWPORTS].reverse() : VIEWPORTS) {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(vp.width);
      const texts = await diagramText(page);
      expect(texts.length, `${q.href} has diagram text at ${vp.name}`).toBeGreaterThan(0);
      for (const t of texts) {
        expect(t.px, `${q.href} “${t.text}” at ${vp.name}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
        expect(t.clipped, `${q.href} “${t.text}” lies inside its diagram at ${vp.name}`).toBe(false);
        const sofar = smallest[vp.name];
        if (!sofar || t.px < sofar.px) smallest[vp.name] = { px: t.px, where: `${q.href} “${t.text}”` };
      }
    }
  }
  for (const vp of VIEWPORTS) {
    const s = smallest[vp.name];
    test.info().annotations.push({ type: 'smallest diagram text', description: `${vp.name}: ${s?.px.toFixed(1)} px (${s?.where})` });
    console.log(`smallest diagram text at ${vp.width}×${vp.height}: ${s?.px.toFixed(2)} px — ${s?.where}`);
  }
});

test('放大查看 opens the diagram full-screen and works from the keyboard: zoom, pan, Esc or 关闭 close it and focus returns', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(req.url());
  });
  await page.goto(withDiagrams[0]!.href);
  const zoom = page.getByRole('button', { name: '放大查看' }).first();
  const dialog = page.getByRole('dialog', { name: '放大查看图表' });

  await test.step('a click opens it full-screen; Esc closes it', async () => {
    await expect(zoom).toBeVisible();
    const before = new Set(scripts);
    await zoom.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('svg')).toBeVisible();
    // Full screen: the dialog covers the viewport.
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(box!.height).toBeGreaterThanOrEqual(viewport.height - 1);
    expect(scripts.filter((u) => !before.has(u)).length, 'the viewer code loads on first use').toBeGreaterThan(0);
    expect(scripts.filter((u) => /mermaid/i.test(u)), 'no Mermaid JavaScript').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(zoom).toBeFocused();
  });

  await test.step('the keyboard opens, zooms, pans and closes it', async () => {
    await zoom.focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    const stage = dialog.locator('.viewer-stage');
    await expect(stage).toBeFocused();
    const svg = dialog.locator('svg');
    const width = async () => (await svg.boundingBox())!.width;
    const start = await width();
    await page.keyboard.press('+');
    await expect.poll(width).toBeGreaterThan(start * 1.2);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    // Arrow keys pan the enlarged view (the stage scrolls).
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stage.evaluate((el) => el.scrollLeft + el.scrollTop)).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: '关闭' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(zoom).toBeFocused();
  });
});
