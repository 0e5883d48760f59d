import AxeBuilder from '@axe-core/playwright';
import { expect, test, KNOWN, serveWithoutScripts } from './fixtures';

const pages = {
  home: '/',
  topic: '/topics/workloads/',
  question: KNOWN.podCreation,
  'question with labelled flowchart': '/q/metrics-server-pipeline/',
  'question with notice': KNOWN.headless,
  todo: '/todo/',
  'all questions': '/all/',
  'not found': '/q/no-such-question/',
};

// The 404 page logs its own status as a console error; that is expected there.
test.use({ allowedConsoleErrors: [/status of 404/] });

for (const [kind, path] of Object.entries(pages)) {
  for (const theme of ['light', 'dark'] as const) {
    test(`${kind} page has no serious accessibility violations (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(severe).toEqual([]);
    });
  }
}

test.describe('without JavaScript', () => {
  // With JS the random page leaves at once; its no-JS list is what a reader can actually see.
  for (const [kind, path] of Object.entries({ random: '/random/', practice: '/practice/' })) {
    test(`${kind} page has no serious accessibility violations`, async ({ page }) => {
      await serveWithoutScripts(page);
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      expect(severe).toEqual([]);
    });
  }
});
