/**
 * What a page really makes the browser fetch before the reader does anything: load, then wait
 * until the network and the main thread are idle (Starlight loads its search UI at idle), in real
 * Chromium. Parsing HTML alone misses code loaded that way. Used by `npm run bench`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** A static server over dist/ (directory → index.html), on a free port. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Fetched {
  path: string;
  /** gzip bytes, as a server with compression would send it */
  bytes: number;
}

export interface BrowserWeight {
  /** Scripts fetched before any interaction (external files; inline scripts are in the HTML). */
  js: Fetched[];
  /** Scripts fetched only as prefetch hints for other pages (VitePress: pages linked in view). */
  prefetched: Fetched[];
  /** Everything else fetched after the document itself: styles, search files, fonts, images. */
  other: Fetched[];
}

const fileOf = (dist: string, pathname: string) =>
  join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');

/** Loads each page in Chromium and records what it fetches until idle. */
export async function measureInBrowser(dist: string, paths: string[]): Promise<Map<string, BrowserWeight>> {
  const server = await serveDir(dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const result = new Map<string, BrowserWeight>();
  try {
    for (const path of paths) {
      const page = await browser.newPage();
      const fetched: { type: string; prefetch: boolean; item: Promise<Fetched> }[] = [];
      // A page that navigates on (e.g. /random/) loads shared files twice; a browser cache would not.
      const seen = new Set<string>();
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (url.pathname === path || !res.ok() || seen.has(url.pathname)) return;
        seen.add(url.pathname);
        const request = res.request();
        const type = request.resourceType();
        const prefetch = /prefetch/.test(request.headers()['sec-purpose'] ?? '') || type === 'other';
        // The body of a file fetched by a page that has since moved on (/random/) is gone from the
        // browser; the server sends it from dist/, so read it there.
        const body = res.body().catch(() => readFile(fileOf(dist, url.pathname)));
        fetched.push({ type, prefetch, item: body.then((b) => ({ path: url.pathname, bytes: gzipSync(b).length })) });
      });
      const pending = new Set<unknown>();
      page.on('request', (r) => pending.add(r));
      page.on('requestfinished', (r) => pending.delete(r));
      page.on('requestfailed', (r) => pending.delete(r));
      await page.goto(server.url + path, { waitUntil: 'load' });
      // Starlight defers its search UI to requestIdleCallback. Let the page go idle, let every
      // request it started finish, and repeat until a round starts nothing new.
      for (let round = 0, before = -1; round < 10 && before !== fetched.length; round++) {
        before = fetched.length;
        await page
          .evaluate(() => new Promise((r) => (window.requestIdleCallback ?? setTimeout)(() => r(undefined))))
          // A page that moves on by itself (/random/) destroys the context; measure where it lands.
          .catch(() => page.waitForLoadState('load'));
        while (pending.size > 0) await new Promise((r) => setTimeout(r, 50));
      }
      const items = await Promise.all(fetched.map(async (f) => ({ type: f.type, prefetch: f.prefetch, ...(await f.item) })));
      const isJs = (f: { type: string; path: string }) => f.type === 'script' || /\.m?js$/.test(f.path);
      const scripts = items.filter(isJs);
      result.set(path, {
        js: scripts.filter((f) => !f.prefetch),
        prefetched: scripts.filter((f) => f.prefetch),
        other: items.filter((f) => !isJs(f)),
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return result;
}
