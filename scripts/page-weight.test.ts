import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageWeight, staticImports } from './page-weight.ts';

const gz = (s: string) => gzipSync(s).length;

describe('staticImports', () => {
  it('finds minified static imports and resolves them, but not dynamic ones', () => {
    const code = 'import{r as e}from"./marks.abc.js";import"./progress.def.js";const s=()=>import("./search.js");';
    expect(staticImports(code, '/_astro/Practice.js')).toEqual(['/_astro/marks.abc.js', '/_astro/progress.def.js']);
  });
});

describe('pageWeight', () => {
  const assets: Record<string, string> = {
    '/_astro/page.js': 'import"./shared.js";console.log("page")',
    '/_astro/practice.js': 'import{a}from"./shared.js";import("./lazy.js")',
    '/_astro/shared.js': 'export const a=1',
    '/_astro/lazy.js': 'x'.repeat(5000),
    '/_astro/site.css': 'body{color:red}',
  };
  const read = (url: string) => (assets[url] === undefined ? undefined : Buffer.from(assets[url]));

  it('counts each module a page loads once, including imported chunks, excluding lazy ones', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>' +
      '<script type="module" src="/_astro/practice.js?v=1"></script><script>go()</script>' +
      '<script type="application/ld+json">{"a":1}</script><script type="speculationrules">{"prefetch":[]}</script>';
    const w = pageWeight(html, read);
    expect(w.scripts.map((s) => s.name)).toEqual(['page.js', 'shared.js', 'practice.js', '(1 inline)']);
    const expected = ['/_astro/page.js', '/_astro/shared.js', '/_astro/practice.js'].reduce((n, u) => n + gz(assets[u]!), 0) + gz('go()');
    expect(w.js).toBe(expected);
    expect(w.css).toBe(gz(assets['/_astro/site.css']!));
  });

  it('counts inline modules and classic scripts, not data blocks', () => {
    const html = '<script type="module">a()</script><script type="text/javascript">b()</script><script type="importmap">{}</script>';
    expect(pageWeight(html, read).js).toBe(gz('a()') + gz('b()'));
  });

  it('a page without scripts has no JS', () => {
    expect(pageWeight('<p>hi</p>', read)).toMatchObject({ js: 0, scripts: [] });
  });
});
