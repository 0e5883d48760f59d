import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkOtherAnswer } from './remark-other-answer.ts';

const toHtml = async (markdown: string) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkDirective)
      .use(remarkOtherAnswer)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(new VFile({ value: markdown, path: 'content/docs/x/y.mdx' })),
  );

describe('remarkOtherAnswer', () => {
  it('wraps another note’s answer in a collapsed <details> labelled with its heading and note', async () => {
    const html = await toHtml(
      ['## 总结', '', '正文。', '', '::::other-answer[笔记 002：Hexo 博客]', '## 另一份笔记的回答：按组件梳理', '', ':::tip', '补充', ':::', '', '::::', '', '尾部'].join('\n'),
    );
    expect(html).toMatch(/<details class="other-answer" data-note="笔记 002：Hexo 博客"><summary><span class="other-answer-title">另一份笔记的回答：按组件梳理<\/span><span class="other-answer-note">出自笔记 002：Hexo 博客<\/span><\/summary>\n?<h2>另一份笔记的回答：按组件梳理<\/h2>/);
    expect(html).not.toContain(' open');
    // Content after the closing fence is outside the box.
    expect(html).toMatch(/<\/details>\n<p>尾部<\/p>/);
  });

  it('fails with file and line when the note is not named', async () => {
    await expect(toHtml(['段落', '', '::::other-answer', '## 标题', '::::'].join('\n'))).rejects.toMatchObject({
      file: 'content/docs/x/y.mdx',
      line: 3,
      message: expect.stringContaining('需要注明出自哪份笔记'),
    });
  });
});
