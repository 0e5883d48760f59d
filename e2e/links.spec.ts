import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = 'dist';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));

/** The URL path a built file answers to (dist/q/x/index.html → /q/x/). */
const routeOf = (file: string) => `/${file.slice(DIST.length + 1).replace(/index\.html$/, '').replace(/\.html$/, '/')}`.replace(/\/+/g, '/');

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

/**
 * Every internal link and anchor in the built site resolves: the content check proves it for
 * Markdown, this proves it for everything the layouts and plugins add too.
 */
test('every internal link and #anchor in dist/ resolves', () => {
  expect(existsSync(DIST), 'run npm run build first').toBe(true);
  const pages = walk(DIST).filter((f) => f.endsWith('.html') && !f.includes(`${DIST}/pagefind/`));
  const ids = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const file of pages) {
    const text = readFileSync(file, 'utf8');
    html.set(file, text);
    ids.set(routeOf(file), new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!))));
  }
  const assets = new Set(walk(DIST).map((f) => `/${f.slice(DIST.length + 1)}`));

  const broken: string[] = [];
  for (const [file, text] of html) {
    const here = routeOf(file);
    for (const m of text.matchAll(/\shref="([^"]*)"/g)) {
      const href = decode(m[1]!);
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
      const url = new URL(href, `http://site${here}`);
      const path = decodeURIComponent(url.pathname);
      const hash = decodeURIComponent(url.hash.slice(1));
      const targetIds = ids.get(path.endsWith('/') ? path : `${path}/`);
      if (!targetIds && !assets.has(path)) {
        broken.push(`${here} → ${href}（页面不存在）`);
        continue;
      }
      if (hash && targetIds && !targetIds.has(hash)) broken.push(`${here} → ${href}（锚点不存在）`);
    }
  }
  expect(broken).toEqual([]);
});
