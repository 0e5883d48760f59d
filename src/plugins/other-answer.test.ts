import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { otherAnswer } from './other-answer.ts';

const FILE = '/repo/content/docs/x/y.mdx';
const toHtml = async (markdown: string) =>
  (await markdownToHtml(markdown, { features: { directive: true }, mdastPlugins: [otherAnswer], fileURL: pathToFileURL(FILE) })).html;

describe('otherAnswer', () => {
  it('wraps another note’s answer in a collapsed <details> labelled with its heading and note', async () => {
    const html = await toHtml(
      ['## 总结', '', '正文。', '', '::::other-answer[笔记 002：Hexo 博客]', '## 另一份笔记的回答：按组件梳理', '', ':::tip', '补充', ':::', '', '::::', '', '尾部'].join('\n'),
    );
    expect(html).toMatch(/<details class="other-answer" data-note="笔记 002：Hexo 博客"><summary><span class="other-answer-title">另一份笔记的回答：按组件梳理<\/span><span class="other-answer-note">出自笔记 002：Hexo 博客<\/span><\/summary>\n?<h2>另一份笔记的回答：按组件梳理<\/h2>/);
    expect(html).not.toContain(' open');
    // Content after the closing fence is outside the box.
    expect(html).toMatch(/<\/details>\n<p>尾部<\/p>/);
  });

  it('compiles the same box in MDX', async () => {
    const { code } = await mdxToJs('::::other-answer[笔记 001]\n正文\n::::\n', { features: { directive: true }, mdastPlugins: [otherAnswer] });
    expect(code).toContain('"data-note": "笔记 001"');
    expect(code).toContain('"出自笔记 001"');
  });

  it('fails with file and line when the note is not named', async () => {
    await expect(toHtml(['段落', '', '::::other-answer', '## 标题', '::::'].join('\n'))).rejects.toMatchObject({
      file: FILE,
      line: 3,
      message: expect.stringContaining('需要注明出自哪份笔记'),
    });
  });

  it('is left out of pages without the directive', () => {
    expect(otherAnswer({ source: ':::note\n正文\n:::' })).toBeNull();
  });
});
