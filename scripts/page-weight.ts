/**
 * What one built page makes a reader download, for `npm run bench`. Pure over an asset reader so
 * it is unit-tested on strings (page-weight.test.ts) rather than on a build.
 */
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Reads a built asset by its URL path (“/_astro/x.js”); undefined when it is not in dist/. */
export type AssetReader = (urlPath: string) => Buffer | undefined;

export interface PageWeight {
  /** gzip bytes */
  html: number;
  css: number;
  js: number;
  /** Every script the page runs before any interaction, with its gzip bytes. */
  scripts: { name: string; bytes: number }[];
}

const gz = (data: Buffer | string) => gzipSync(data).length;
const pathOf = (url: string) => url.split(/[?#]/)[0] ?? '';

/**
 * Static imports of an ES module (“import"./a.js"”, “from"./b.js"”), resolved against its own URL.
 * Dynamic `import("…")` is left out on purpose: that code (e.g. the search UI) loads on demand.
 */
export function staticImports(code: string, fromUrl: string): string[] {
  const specs = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('/') ? s : posix.join(posix.dirname(fromUrl), s)));
}

/**
 * Whether a <script> with these attributes runs as JavaScript. Data blocks (JSON-LD, Speculation
 * Rules, import maps) are not code the page runs and do not count as JS.
 */
export function isJavaScript(attributes: string): boolean {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === 'module' || /^(text|application)\/(javascript|ecmascript)$/.test(type);
}

export function pageWeight(html: string, read: AssetReader): PageWeight {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)]
    .map((m) => read(pathOf(m[1]!)))
    .reduce((n, b) => n + (b ? gz(b) : 0), 0);

  // Module graph from each external script, each file counted once per page however often imported.
  const seen = new Set<string>();
  const scripts: PageWeight['scripts'] = [];
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const buf = read(url);
    if (!buf) return;
    scripts.push({ name: posix.basename(url), bytes: gz(buf) });
    for (const dep of staticImports(buf.toString('utf8'), url)) visit(dep);
  };
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(pathOf(m[1]!));

  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => isJavaScript(m[1] ?? ''))
    .map((m) => m[2] ?? '')
    .filter((code) => code.trim() !== '');
  for (const code of inline) for (const dep of staticImports(code, '/')) visit(dep);
  const inlineBytes = inline.reduce((n, code) => n + gz(code), 0);
  if (inline.length) scripts.push({ name: `(${inline.length} inline)`, bytes: inlineBytes });

  return { html: gz(html), css, js: scripts.reduce((n, s) => n + s.bytes, 0), scripts };
}
