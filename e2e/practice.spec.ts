import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, pickTheme, setTheme } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { hasQuestions, isImportant, questions, smallestTopic, type Topic } from './content';

const MARKS_KEY = 'k8s-notes:marks:v1';
const storedMarks = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"marks":{}}').marks as Record<string, { grade: string }>, MARKS_KEY);

const visibleCard = (page: import('@playwright/test').Page) => page.locator('.practice-card:visible');

/** Sessions over the smallest topic with two questions or more: short, yet there is a next question. */
const topic = smallestTopic('two questions', hasQuestions(2));
const n = topic.questions.length;
const important = (t: Topic) => t.questions.filter(isImportant);

test('keyboard: space reveals, 1/2/3 grade and advance, j/k move', async ({ page }) => {
  await page.goto(`/practice/?topic=${topic.id}`);
  const card = visibleCard(page);
  await expect(card).toHaveCount(1);
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${n} 题`);
  const firstId = await card.getAttribute('data-id');
  const answer = card.locator('.practice-answer-body');
  await expect(answer).toBeHidden();

  await page.keyboard.press('Space');
  await expect(answer).toBeVisible();
  // The answer arrives on demand: the link to the topic's practice page gives way to the answer itself.
  await expect(answer.locator('[data-answer-placeholder]')).toHaveCount(0);
  await expect(answer).not.toBeEmpty();

  await page.keyboard.press('2');
  await expect(page.locator('[data-position]')).toHaveText(`第 2 / ${n} 题`);
  const secondId = await visibleCard(page).getAttribute('data-id');
  expect(secondId).not.toBe(firstId);
  // The next question starts with its answer hidden again, and focus follows it for screen readers.
  await expect(visibleCard(page).locator('.practice-answer-body')).toBeHidden();
  await expect(visibleCard(page).locator('.practice-title')).toBeFocused();

  await page.keyboard.press('k');
  await expect(visibleCard(page)).toHaveAttribute('data-id', firstId!);
  await expect(visibleCard(page).getByRole('button', { name: /不熟/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('j');
  await expect(visibleCard(page)).toHaveAttribute('data-id', secondId!);

  // Grading the rest (会) finishes the round.
  for (let i = 2; i <= n; i++) {
    await expect(page.locator('[data-position]')).toHaveText(`第 ${i} / ${n} 题`);
    await page.keyboard.press('1');
  }
  await expect(page.locator('[data-position]')).toHaveText(`本轮完成：会 ${n - 1}，不熟 1，不会 0。可以换个范围再来一轮。`);
  expect(await storedMarks(page)).toMatchObject({ [firstId!]: { grade: 'shaky' }, [secondId!]: { grade: 'know' } });
});

test('marks survive a reload and drive the 不熟 session and progress', async ({ page }) => {
  await page.goto(`/practice/?topic=${topic.id}`);
  const id = await visibleCard(page).getAttribute('data-id');
  await visibleCard(page).getByRole('button', { name: /不熟/ }).click();
  await page.reload();
  await expect(page.locator(`.practice-card[data-id="${id}"] [data-my-mark]`)).toHaveText('上次：不熟');

  await page.getByLabel('范围').selectOption('shaky');
  await page.getByRole('button', { name: '开始练习' }).click();
  await expect(page).toHaveURL(/scope=shaky/);
  await expect(visibleCard(page)).toHaveAttribute('data-id', id!);
  await expect(page.locator('[data-position]')).toHaveText('第 1 / 1 题');

  await page.goto(topic.href);
  const progress = page.locator('.progress');
  await expect(progress).toBeVisible();
  await expect(progress.locator('[data-count="shaky"]')).toHaveText('1');
  await expect(progress.locator('[data-count="unmarked"]')).toHaveText(String(n - 1));
  await expect(progress.locator('[data-count="total"]')).toHaveText(String(n));
  // The bar shows the same: one of the topic's n questions is 不熟, nothing is 会.
  const share = (bar: string) => progress.locator(`[data-bar="${bar}"]`).evaluate((el) => parseFloat((el as HTMLElement).style.inlineSize));
  expect(await share('shaky')).toBeCloseTo(100 / n, 3);
  expect(await share('know')).toBe(0);
  await page.goto('/');
  await expect(page.getByRole('group', { name: '总进度' }).locator('[data-count="shaky"]')).toHaveText('1');
});

test('export, reset and import round-trip through a JSON file', async ({ page }, testInfo) => {
  await page.goto(`/practice/?topic=${topic.id}`);
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${n} 题`);
  await page.keyboard.press('3');
  await page.keyboard.press('1');
  const before = await storedMarks(page);
  expect(Object.keys(before)).toHaveLength(2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出标记' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^k8s-notes-marks-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('marks.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, marks: before });

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '清除全部标记' }).click();
  await expect(page.getByRole('status')).toHaveText('已清除全部标记。');
  expect(await storedMarks(page)).toEqual({});

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标记…' }).click()]);
  await chooser.setFiles(file);
  await expect(page.getByRole('status')).toContainText('已导入 2 条标记');
  expect(await storedMarks(page)).toEqual(before);

  // A file that is not ours is refused with a message, and nothing changes.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入标记…' }).click()]);
  await again.setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByRole('status')).toContainText('导入失败');
  expect(await storedMarks(page)).toEqual(before);
});

test('an “还没标记的” session shrinks as questions are marked, and says so when empty', async ({ page }) => {
  await page.goto('/practice/?scope=unmarked&order=shuffle');
  const total = await page.locator('.practice-card').count();
  await expect(page.locator('[data-position]')).toHaveText(new RegExp(`第 1 / ${total} 题`));
  await expect(page.getByLabel('顺序')).toHaveValue('shuffle');
  await page.evaluate(
    ([key, ids]) =>
      localStorage.setItem(key, JSON.stringify({ version: 1, marks: Object.fromEntries(ids.map((id) => [id, { grade: 'know', at: new Date().toISOString() }])) })),
    [MARKS_KEY, await page.locator('.practice-card').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''))] as const,
  );
  await page.reload();
  await expect(page.locator('[data-empty]')).toHaveText(/没有题目/);
  await expect(visibleCard(page)).toHaveCount(0);
});

test('a session can be limited to 常考和高频 questions and shuffled', async ({ page }) => {
  // A topic where the scope really narrows: some of its questions are 常考/高频, some 一般.
  const mixed = smallestTopic('常考 and 一般 questions', (t) => important(t).length > 0 && important(t).length < t.questions.length);
  const expected = important(mixed).map((q) => q.id);
  await page.goto(`/practice/?topic=${mixed.id}`);
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${mixed.questions.length} 题`);
  await page.getByLabel('范围').selectOption('important');
  await page.getByLabel('顺序').selectOption('shuffle');
  await page.getByRole('button', { name: '开始练习' }).click();
  await expect(page).toHaveURL(new RegExp(`topic=${mixed.id}&scope=important&order=shuffle`));
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${expected.length} 题`);
  // Walking the session visits exactly the topic's 常考 and 高频 questions.
  const seen: string[] = [];
  for (let i = 1; i <= expected.length; i++) {
    await expect(page.locator('[data-position]')).toHaveText(`第 ${i} / ${expected.length} 题`);
    seen.push((await visibleCard(page).getAttribute('data-id')) ?? '');
    await page.keyboard.press('j');
  }
  expect(seen.sort()).toEqual([...expected].sort());
});

test('the shortcut hint spells out every key; keys do nothing while typing in a form control', async ({ page }) => {
  await page.goto(`/practice/?topic=${topic.id}`);
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${n} 题`);

  await test.step('the shortcut hint separates its keys with spaces', async () => {
    const hint = page.locator('.practice-keys');
    await expect(hint).toBeVisible();
    const text = (await hint.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('k 上一题');
    // Every “·” stands between spaces, and every key is followed by a space before its action.
    expect(text).not.toMatch(/\S·|·\S/);
    expect(text).toMatch(/^快捷键：空格 看答案 · 1 会 · 2 不熟 · 3 不会 · j 下一题 · k 上一题$/);
  });

  await page.getByLabel('范围').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('1');
  await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${n} 题`);
  expect(await storedMarks(page)).toEqual({});
});

test('practice page has no serious accessibility violations (light and dark)', async ({ page }) => {
  await setTheme(page, 'light');
  await page.goto('/practice/');
  await expect(page.locator('[data-position]')).toHaveText(/^第 1 \//);
  await page.keyboard.press('Space');
  await expect(visibleCard(page).locator('[data-answer-placeholder]')).toHaveCount(0);
  await test.step('light theme', () => expectNoSeriousViolations(page));
  // Same page, same revealed answer, the other colours: switched with the reader's own theme picker.
  await test.step('dark theme', async () => {
    await pickTheme(page, 'dark');
    await expectNoSeriousViolations(page, { coloursOnly: true });
  });
});

test.describe('answers on demand', () => {
  /** The first paragraph of a question's own page: what its answer must show in practice too. */
  const firstParagraph = async (page: Page, href: string) => {
    const html = await (await page.request.get(href)).text();
    return /<div class="sl-markdown-content">[\s\S]*?<p>([^<]{8,})/.exec(html)?.[1]?.trim().slice(0, 8) ?? '';
  };

  test('the practice page carries titles only; revealing a question shows the same answer as its page', async ({ page }) => {
    const html = await (await page.request.get('/practice/')).text();
    // Not one answer is in the page itself, however many questions there are.
    expect(html).not.toContain('data-answer-for');
    expect(html).toContain(`data-id="${topic.questions[0]!.id}"`);

    await page.goto(`/practice/?topic=${topic.id}`);
    const card = visibleCard(page);
    const id = (await card.getAttribute('data-id'))!;
    const text = await firstParagraph(page, `/q/${id}/`);
    expect(text).not.toBe('');
    await card.locator('.practice-answer > summary').click();
    await expect(card.locator('.practice-answer-body')).toContainText(text);
  });

  test.describe('offline', () => {
    // The aborted fetch is reported by the browser itself.
    test.use({ allowedConsoleErrors: [/net::ERR_FAILED/] });
    test('when the answer cannot be fetched, the card says so and links to the topic’s practice page', async ({ page }) => {
      await page.route('**/practice-answers/**', (route) => route.abort());
      await page.goto(`/practice/?topic=${topic.id}`);
      const card = visibleCard(page);
      await card.locator('.practice-answer > summary').click();
      const body = card.locator('.practice-answer-body');
      await expect(body).toContainText('答案加载失败');
      const link = body.getByRole('link', { name: new RegExp(topic.title) });
      await expect(link).toHaveAttribute(
        'href',
        new RegExp(`/practice/${topic.id}/(\\d+/)?#practice-${await card.getAttribute('data-id')}$`),
      );

      // The network is back: opening the answer again fetches it.
      await page.unroute('**/practice-answers/**');
      await card.locator('.practice-answer > summary').click();
      await expect(body).toBeHidden();
      await card.locator('.practice-answer > summary').click();
      await expect(body.locator('[data-answer-placeholder]')).toHaveCount(0);
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('each topic has a practice page that holds its own answers', async ({ page }) => {
      await page.goto('/practice/');
      await page
        .getByRole('navigation', { name: '各专题练习页' })
        .getByRole('link', { name: new RegExp(`^${topic.title}`) })
        .click();
      await expect(page).toHaveURL(new RegExp(`/practice/${topic.id}/$`));
      const cards = page.locator('.practice-card');
      await expect(cards.first()).toBeVisible();
      const first = cards.first();
      const text = await firstParagraph(page, `/q/${await first.getAttribute('data-id')}/`);
      await first.locator('.practice-answer > summary').click();
      await expect(first.locator('.practice-answer-body')).toContainText(text);
      // Every question of the topic is on its practice pages (one, or several for a long topic).
      const pages = [
        page.url(),
        ...(await page.locator('.part-nav a:not([aria-current])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))),
      ];
      let count = 0;
      for (const url of pages) count += ((await (await page.request.get(url)).text()).match(/class="practice-card\b/g) ?? []).length;
      expect(count).toBe(n);
    });
  });
});

test.describe('practice-mode layout', () => {
  test('headings inside an answer are smaller than the question title', async ({ page }) => {
    // A question whose answer has its own headings (## …), anywhere in the content.
    const withHeadings = questions.find((q) => /^##\s/m.test(readFileSync(q.file, 'utf8')));
    test.skip(!withHeadings, 'no answer has headings');
    const q = withHeadings!;
    await page.goto(`/practice/?topic=${q.topic}`);
    const inTopic = await page
      .locator(`.practice-card[data-topic="${q.topic}"]`)
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    const at = inTopic.indexOf(q.id);
    for (let i = 1; i <= at; i++) {
      await page.keyboard.press('j');
      await expect(page.locator('[data-position]')).toHaveText(new RegExp(`^第 ${i + 1} /`));
    }
    const card = visibleCard(page);
    await expect(card).toHaveAttribute('data-id', q.id);
    await page.keyboard.press('Space');
    const headings = card.locator('.practice-answer-body :is(h2, h3, h4)');
    await expect(headings.first()).toBeVisible();
    const size = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const title = await size(card.locator('.practice-title'));
    for (const h of await headings.all()) expect(await size(h)).toBeLessThan(title);
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 412, height: 839 } });
    test('keyboard shortcuts are not advertised', async ({ page }) => {
      await page.goto(`/practice/?topic=${topic.id}`);
      await expect(page.locator('[data-position]')).toHaveText(`第 1 / ${n} 题`);
      await expect(page.locator('.practice-keys')).toBeHidden();
      await expect(visibleCard(page).getByRole('button', { name: /不熟/ }).locator('kbd')).toBeHidden();
      await expect(page.getByRole('button', { name: /下一题/ }).locator('kbd')).toBeHidden();
    });
  });
});
