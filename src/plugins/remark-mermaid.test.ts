import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkMermaid, type RenderDiagram } from './remark-mermaid.ts';

const DOC = ['# 标题', '', '```mermaid', 'flowchart LR', '  A[调度器] --> B[kubelet]', '```', '', '```yaml', 'a: 1', '```', ''].join('\n');

async function toHtml(markdown: string, options: Parameters<typeof remarkMermaid>[0], path = 'content/docs/x/y.mdx') {
  const file = new VFile({ value: markdown, path });
  const out = await unified()
    .use(remarkParse)
    .use(remarkMermaid, options)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(file);
  return String(out);
}

const fakeRenderer = () => {
  const calls: string[] = [];
  const render: RenderDiagram = async (source, theme, prefix) => {
    calls.push(theme);
    return `<svg id="${prefix}" data-theme="${theme}"><text>${source.length}</text></svg>`;
  };
  return { calls, render };
};

describe('remarkMermaid', () => {
  it('replaces a mermaid block by a light and a dark inline SVG and leaves other code alone', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const { render } = fakeRenderer();
    const html = await toHtml(DOC, { cacheDir, render });
    expect(html).toContain('<figure class="mermaid-diagram">');
    expect(html).toMatch(/<div class="mermaid-variant mermaid-light"><svg[^>]*data-theme="default"/);
    expect(html).toMatch(/<div class="mermaid-variant mermaid-dark"><svg[^>]*data-theme="dark"/);
    expect(html).not.toContain('language-mermaid');
    expect(html).toContain('<code class="language-yaml">');
  });

  it('reuses cached SVGs for unchanged diagrams instead of rendering again', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const first = fakeRenderer();
    await toHtml(DOC, { cacheDir, render: first.render });
    expect(first.calls.sort()).toEqual(['dark', 'default']);

    const second = fakeRenderer();
    const html = await toHtml(DOC, { cacheDir, render: second.render });
    expect(second.calls).toEqual([]);
    expect(html).toContain('mermaid-dark');

    const third = fakeRenderer();
    await toHtml(DOC.replace('kubelet', 'kube-proxy'), { cacheDir, render: third.render });
    expect(third.calls).toHaveLength(2);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.svg'))).toHaveLength(4);
  });

  it('renders real SVG with Chinese labels in headless Chromium', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const html = await toHtml(DOC, { cacheDir });
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain('调度器');
  });

  it('fails with the file and line of an invalid diagram', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const broken = ['段落', '', '```mermaid', 'flowchart LR', '  A -->', '```', ''].join('\n');
    await expect(toHtml(broken, { cacheDir }, 'content/docs/x/broken.mdx')).rejects.toThrow(
      /Mermaid 图无法渲染/,
    );
    try {
      await toHtml(broken, { cacheDir }, 'content/docs/x/broken.mdx');
    } catch (error) {
      const e = error as { file?: string; line?: number };
      expect(e.file).toBe('content/docs/x/broken.mdx');
      expect(e.line).toBe(3);
    }
  });
});
