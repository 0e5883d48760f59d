import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { contentSafety, contentSafetyPlugin } from './content-safety.ts';
import { buildOnePage } from './one-page-build.ts';

const run = async (mdx: string, path = resolve('content/docs/workloads/case-x.mdx')) =>
  mdxToJs(mdx, { features: { directive: true }, mdastPlugins: [contentSafetyPlugin], fileURL: pathToFileURL(path) });

describe('contentSafetyPlugin', () => {
  it.each([
    ['a <script>', '正文\n\n<script>alert(1)</script>\n', 'mdx/no-script'],
    ['an event handler', '按 <kbd onclick="alert(1)">Enter</kbd>\n', 'mdx/no-event-handler'],
    ['a javascript: link', '[点我](javascript:alert(1))\n', 'mdx/unsafe-url'],
    ['an import', "import X from 'x';\n\n正文\n", 'mdx/no-esm'],
    ['an export', 'export const a = 1;\n\n正文\n', 'mdx/no-esm'],
    ['an expression', '结果是 {1 + 1}\n', 'mdx/no-expression'],
  ])('fails the build on %s, naming file:line and the rule', async (_, mdx, rule) => {
    await expect(run(mdx)).rejects.toThrow(new RegExp(`content/docs/workloads/case-x\\.mdx:\\d+:\\d+ .*\\[${rule.replace('/', '\\/')}\\]`));
  });

  it('lets safe content through', async () => {
    await expect(run('## 小节\n\n按 <kbd>Ctrl</kbd>，见 [文档](https://kubernetes.io/)。\n')).resolves.toBeDefined();
  });

  it('leaves files outside content/docs alone (the site’s own pages are trusted code)', async () => {
    await expect(run("import X from 'x';\n", resolve('src/pages/about.mdx'))).resolves.toBeDefined();
  });

  it('refuses to set up without the Sätteri processor, so the rules cannot be skipped silently', () => {
    const setup = contentSafety().hooks['astro:config:setup'] as (options: unknown) => void;
    expect(() => setup({ config: { markdown: { processor: { name: 'unified', options: { remarkPlugins: [] } } } } })).toThrow(/需要 markdown\.processor: satteri/);
    const mdastPlugins: unknown[] = [];
    setup({ config: { markdown: { processor: { name: 'satteri', options: { mdastPlugins } } } } });
    expect(mdastPlugins).toEqual([contentSafetyPlugin]);
  });
});

/** The pipeline, not only `npm run check`, must refuse a <script> in content. */
describe('astro build', () => {
  it('fails on a <script> in content, naming the file and line', { timeout: 180_000 }, async () => {
    const { status, output } = await buildOnePage('script-tag');
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/content\/docs\/workloads\/case-x\.mdx:9:1 .*<script>.*\[mdx\/no-script\]/);
  });
});
