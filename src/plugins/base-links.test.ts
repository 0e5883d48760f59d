import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinks } from './base-links.ts';

const run = async (markdown: string, base: string) => (await markdownToHtml(markdown, { hastPlugins: [baseLinks({ base })] })).html.trim();

describe('baseLinks', () => {
  it('prefixes site-absolute links and images with the base path', async () => {
    expect(await run('[x](/q/probes/#探针类型) ![图](/img/a.png)', '/k8s-notes/')).toBe(
      '<p><a href="/k8s-notes/q/probes/#%E6%8E%A2%E9%92%88%E7%B1%BB%E5%9E%8B">x</a> <img src="/k8s-notes/img/a.png" alt="图"></p>',
    );
  });
  it('leaves external, protocol-relative, in-page and already-prefixed links alone', async () => {
    const markdown = '[a](https://k8s.io/)[b](//cdn/x)[c](#top)[d](/k8s-notes/q/x/)';
    expect(await run(markdown, '/k8s-notes/')).toBe(await run(markdown, '/'));
  });
  it('does nothing at the root base', () => {
    expect(baseLinks({ base: '/' })).toBeNull();
  });
});
