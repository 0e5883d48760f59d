import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { cjkFriendlyEmphasis } from './cjk-emphasis.ts';
import { satteriBlocks, unifiedBlocks } from './phrasing-equivalence.ts';

const html = async (markdown: string) =>
  (await markdownToHtml(markdown, { features: { gfm: true, directive: true }, mdastPlugins: [cjkFriendlyEmphasis] })).html;

/**
 * Delimiter runs next to CJK text and punctuation, as remark-cjk-friendly's specification lists
 * them, in every container a phrasing block can sit in.
 */
const SPEC_CASES = [
  '**复制策略（Replication）**在主从之间同步',
  '这是**“引号”**里的字',
  '*斜体（注释）*后面',
  '__下划线（强调）__紧跟',
  '_下划线斜体（注）_后',
  '~~删除（线）~~了',
  '~删除（单）~了',
  '***粗斜体（内容）***后',
  '**粗体中*斜体（嵌套）*部分**后',
  '**한국어（괄호）**뒤',
  '**日本語「括弧」**の後',
  '**全角！**跟着文字',
  '文字**（开头是括号）**文字',
  '**Pod**（容器组）和**Service（服务）**都是',
  '一个 * 不是强调，2 * 3 也不是，**未闭合',
  'snake_case_name 与 **粗体（说明）**',
  '`**代码（不变）**后` 与 **粗体（说明）**后',
  '[**链接（粗）**文字](/q/probes/)与**外面（粗）**后',
  '**粗（1）**\n第二行**粗（2）**后',
  '中文*强调*中文、**「括号」**、_强调（注）_的混合',
  '**😀表情（符号）**后',
  '转义 \\**不是（粗体）**后',
  '<kbd>Ctrl</kbd> 和 **按键（组合）**后',
];

const CONTAINERS: [string, (s: string) => string][] = [
  ['a paragraph', (s) => s],
  ['a blockquote', (s) => s.split('\n').map((l) => `> ${l}`).join('\n')],
  ['a nested blockquote, lazy continuation', (s) => s.split('\n').map((l, i) => (i === 0 ? `> > ${l}` : l)).join('\n')],
  ['a list item', (s) => s.split('\n').map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n')],
  ['a nested ordered list in a blockquote', (s) => s.split('\n').map((l, i) => (i === 0 ? `> 1. - ${l}` : `>      ${l}`)).join('\n')],
  ['an ATX heading', (s) => `## ${s.replace(/\n/g, ' ')}`],
  ['a setext heading', (s) => `${s}\n---`],
  ['a table cell', (s) => `| 列 | 说明 |\n| --- | --- |\n| ${s.replace(/\n/g, ' ').replace(/\|/g, '\\|')} | x |`],
  ['an aside', (s) => `:::note\n${s}\n:::`],
  ['an aside title', (s) => `:::note[${s.replace(/\n/g, ' ')}]\n正文\n:::`],
  ['a page with a link definition', (s) => `${s} [参考][ref]\n\n[ref]: /q/probes/`],
];

describe('cjkFriendlyEmphasis', () => {
  it('closes strong emphasis next to CJK punctuation, which CommonMark leaves literal', async () => {
    expect(await html('**复制策略（Replication）**在主从之间同步')).toBe('<p><strong>复制策略（Replication）</strong>在主从之间同步</p>\n');
    expect(await html('> ~~删除（线）~~了')).toContain('<del>删除（线）</del>了');
  });

  it('does nothing to pages without a delimiter', () => {
    expect(cjkFriendlyEmphasis({ source: '没有任何强调（括号）。' })).toBeNull();
  });

  for (const [where, wrap] of CONTAINERS) {
    it(`reads every specification case in ${where} as remark-cjk-friendly does`, async () => {
      for (const mdx of [true, false]) {
        for (const c of SPEC_CASES) {
          const source = wrap(c);
          expect(await satteriBlocks(source, [cjkFriendlyEmphasis], { mdx }), `${mdx ? 'MDX' : 'Markdown'}:\n${source}`).toEqual(
            unifiedBlocks(source, { mdx, smartypants: false }),
          );
        }
      }
    });
  }

  it('reads every paragraph, heading and table cell of the site’s content as remark-cjk-friendly does', async () => {
    const dir = 'content/docs';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(20);
    let changed = 0;
    for (const f of files) {
      const source = readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const expected = unifiedBlocks(source, { smartypants: false });
      expect(await satteriBlocks(source, [cjkFriendlyEmphasis]), f).toEqual(expected);
      if ((await satteriBlocks(source, [])).join() !== expected.join()) changed++;
    }
    // The content does have CommonMark-literal emphasis, so this test exercises the plugin.
    expect(changed).toBeGreaterThan(0);
  });
});
