import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { closeFencesAfterTables, withTableFenceFix } from './table-fence.ts';

const box = { name: 'box', containerDirective: (node: { children: unknown[] }) => ({ type: 'box', data: { hName: 'aside' }, children: node.children }) as never };
const html = async (markdown: string) => (await markdownToHtml(closeFencesAfterTables(markdown, false), { features: { directive: true }, mdastPlugins: [box] })).html;

const TABLE = '| 对象 | 说明 |\n| --- | --- |\n| etcd | 快照 |';

describe('closeFencesAfterTables', () => {
  it('closes an aside right after a table, as remark-directive does', async () => {
    const out = await html(`:::note\n${TABLE}\n:::\n\n正文在外面`);
    expect(out).not.toContain(':::');
    expect(out).toMatch(/<\/table><\/aside>\n<p>正文在外面<\/p>/);
  });

  it('closes nested boxes and keeps text directly after the fence outside', async () => {
    const out = await html(`::::other\n:::note\n${TABLE}\n:::\n::::\n后文`);
    expect(out).not.toContain(':::');
    expect(out).toMatch(/<\/table><\/aside><\/aside>\n<p>后文<\/p>/);
  });

  it('also finds the fence in a file with Windows line endings', async () => {
    const out = await html(`:::note\r\n${TABLE.replace(/\n/g, '\r\n')}\r\n:::\r\n\r\n正文在外面\r\n`);
    expect(out).not.toContain(':::');
    expect(out).toMatch(/<\/aside>\n<p>正文在外面<\/p>/);
  });

  it('keeps every following line on its line number when a blank line follows the fence', () => {
    const source = `:::note\n${TABLE}\n:::\n\n## 小节\n`;
    const fixed = closeFencesAfterTables(source, true);
    expect(fixed).not.toBe(source);
    expect(fixed.split('\n').indexOf('## 小节')).toBe(source.split('\n').indexOf('## 小节'));
  });

  it('leaves fences in code, tables outside boxes and sources without the pattern alone', () => {
    for (const source of [
      '```md\n:::note\n| a |\n|---|\n| 1 |\n:::\n```\n',
      `${TABLE}\n:::\n`,
      ':::note\n正文\n:::\n',
      'a | b\n',
    ]) {
      expect(closeFencesAfterTables(source, true)).toBe(source);
    }
  });

  it('applies to every page the wrapped processor compiles, MDX included', async () => {
    let seen = '';
    const processor = withTableFenceFix({
      options: { features: { directive: true } },
      createRenderer: async () => ({ render: (content: string) => content }),
      createMdxRenderer: async () => ({
        process: async (content: string) => {
          seen = content;
          return (await mdxToJs(content, { features: { directive: true } })).code;
        },
      }),
    });
    const source = `:::note\n${TABLE}\n:::\n`;
    await (await processor.createMdxRenderer!()).process(source);
    expect(seen).toBe(closeFencesAfterTables(source, true));
    expect(await (await processor.createRenderer()).render(source)).toBe(closeFencesAfterTables(source, false));
  });
});
