import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { minifyScript } from './pagefind-minify.ts';

const API = `
const pagefind_version = "1.6.0";
const deriveBasePath = () => import.meta.url.match(/^(.*\\/)pagefind.js.*$/)?.[1];
var PagefindInstance = class {
  constructor(options = {}) { this.excerptLength = options.excerptLength ?? 30; }
  async search(term) { return { results: [term], version: pagefind_version, base: deriveBasePath() }; }
};
const instance = new PagefindInstance();
export const search = (term) => instance.search(term);
export const options = async (opts) => Object.assign(instance, opts);
`;

async function scratch(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'pf-minify-')), name);
  await writeFile(file, text);
  return file;
}

describe('minifyScript', () => {
  it('makes the file smaller and keeps the API a page imports working the same', async () => {
    const file = await scratch('pagefind.js', API);
    const { before, after } = await minifyScript(file);
    expect(after).toBeLessThan(before);
    expect((await readFile(file, 'utf8')).length).toBe(after);
    const api = (await import(`${pathToFileURL(file).href}?v=1`)) as { search: (t: string) => Promise<{ results: string[]; version: string; base: string }> };
    const found = await api.search('探针');
    expect(found.results).toEqual(['探针']);
    expect(found.version).toBe('1.6.0');
    // Pagefind locates its bundle from its own URL: that must survive minification.
    expect(found.base).toBe(pathToFileURL(file).href.replace(/pagefind\.js$/, ''));
  });

  it('leaves a file it cannot parse as it was', async () => {
    const file = await scratch('pagefind.js', 'export const broken = (;');
    await expect(minifyScript(file)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('export const broken = (;');
  });
});
