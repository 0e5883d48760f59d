import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { renderBlock } from './render-mdx.ts';

const headingsIn = (md: string) => {
  const tree = unified().use(remarkParse).parse(md);
  const found: number[] = [];
  const walk = (node: { type: string; depth?: number; children?: unknown[] }) => {
    if (node.type === 'heading') found.push(node.depth!);
    for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
  };
  walk(tree);
  return found;
};

describe('renderBlock', () => {
  it('keeps a note’s “# comment” list item as text, not a heading inside the list', () => {
    const md = renderBlock({ type: 'list', src: [1, 2], items: [{ depth: 0, text: '# 标识注释，直到行尾' }, { depth: 0, text: '缩进只用空格' }] });
    expect(headingsIn(md)).toEqual([]);
    expect(md).toContain('# 标识注释');
  });

  it('keeps a paragraph that starts with # as text, and a real heading as a heading', () => {
    expect(headingsIn(renderBlock({ type: 'para', text: '# 这是 shell 注释', src: [1] }))).toEqual([]);
    expect(headingsIn(renderBlock({ type: 'heading', depth: 2, text: '小节', src: [1] }))).toEqual([2]);
  });
});
