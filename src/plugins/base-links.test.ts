import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from './rehype-base-links.ts';

const run = (html: string, base: string) =>
  String(unified().use(rehypeParse, { fragment: true }).use(rehypeBaseLinks, { base }).use(rehypeStringify).processSync(html));

describe('rehypeBaseLinks', () => {
  it('prefixes site-absolute links with the base path', () => {
    expect(run('<a href="/q/probes/#探针类型">x</a>', '/k8s-notes/')).toBe('<a href="/k8s-notes/q/probes/#探针类型">x</a>');
  });
  it('leaves external, protocol-relative, in-page and already-prefixed links alone', () => {
    const html = '<a href="https://k8s.io/">a</a><a href="//cdn/x">b</a><a href="#top">c</a><a href="/k8s-notes/q/x/">d</a>';
    expect(run(html, '/k8s-notes/')).toBe(html);
  });
  it('does nothing at the root base', () => {
    expect(run('<a href="/q/probes/">x</a>', '/')).toBe('<a href="/q/probes/">x</a>');
  });
});
