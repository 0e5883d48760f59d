import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check-content.ts';
import { formatPlain, type Diagnostic } from './diagnostics.ts';
import type { PublishedId } from './page.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const BAD = join(FIXTURES, 'bad');

/** The good fixture site with a case's files laid over it (and the files it lists in deleted.txt removed). */
async function siteWith(overlay?: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'check-'));
  await cp(join(FIXTURES, 'site'), root, { recursive: true });
  if (overlay && existsSync(join(overlay, 'content'))) await cp(join(overlay, 'content'), join(root, 'content'), { recursive: true });
  if (overlay && existsSync(join(overlay, 'deleted.txt'))) {
    for (const file of (await readFile(join(overlay, 'deleted.txt'), 'utf8')).trim().split('\n')) await rm(join(root, file));
  }
  return root;
}

/** published-ids.txt: one `id [file]` per line, as `npm run check` reads them from main. */
const readPublished = async (file: string): Promise<PublishedId[]> =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => {
      const [id = '', path] = line.trim().split(/\s+/);
      return path ? { id, file: path } : { id };
    });

/** `file:line:col [rule]`, the part of a message a contributor's editor jumps to. */
const locate = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} [${d.rule}]`;

/** Exactly these errors, one per mistake, each at its file:line:col: no cascade into other files. */
async function expectExactly(root: string, expected: string[], publishedIds?: PublishedId[]) {
  const { diagnostics } = await checkContent({ root, publishedIds });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map(locate).sort(byText), errors.map(formatPlain).join('\n')).toEqual([...expected].sort(byText));
  return errors;
}
const byText = (a: string, b: string) => a.localeCompare(b);

describe('content checks', () => {
  it('pass on a good site', async () => {
    const { diagnostics } = await checkContent({ root: await siteWith(), publishedIds: ['pod-lifecycle', 'cni-basics'] });
    expect(diagnostics.map(formatPlain)).toEqual([]);
  });

  it('pass on the repository’s own content', async () => {
    const { diagnostics, files } = await checkContent({ root: process.cwd() });
    expect(files).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatPlain)).toEqual([]);
  });

  describe('reject each bad input with file:line:col', async () => {
    const cases = (await readdir(BAD)).sort();
    it('has a corpus of at least 40 bad inputs', () => expect(cases.length).toBeGreaterThanOrEqual(40));
    for (const name of cases) {
      it(name, async () => {
        const dir = join(BAD, name);
        const expected = (await readFile(join(dir, 'expected.txt'), 'utf8')).trim().split('\n');
        const published = existsSync(join(dir, 'published-ids.txt')) ? await readPublished(join(dir, 'published-ids.txt')) : undefined;
        const errors = await expectExactly(await siteWith(dir), expected, published);
        // Every message must say what is wrong in words, not just point somewhere.
        for (const e of errors) expect(e.message.length).toBeGreaterThan(8);
      });
    }
  });

  describe('reject files that are not clean UTF-8 text', () => {
    const good = (body: string) => `---\nid: case-x\ntitle: 一个问题？\ntopic: workloads\nstatus: answered\nreviewedFor: "1.37"\n---\n\n${body}\n`;
    const write = async (bytes: Uint8Array | string) => {
      const root = await siteWith();
      await writeFile(join(root, 'content/docs/workloads/case-x.mdx'), bytes);
      return root;
    };

    it('a byte-order mark', async () => {
      await expectExactly(await write('\uFEFF' + good('正文')), ['content/docs/workloads/case-x.mdx:1:1 [file/bom]']);
    });
    it('Windows line endings', async () => {
      await expectExactly(await write(good('正文').replace(/\n/g, '\r\n')), ['content/docs/workloads/case-x.mdx:1:1 [file/crlf]']);
    });
    it('a 5 MB file', async () => {
      await expectExactly(await write(good('很长的日志。\n'.repeat(300_000))), ['content/docs/workloads/case-x.mdx:1:1 [file/too-large]']);
    });
    it('GBK instead of UTF-8, at the first bad byte', async () => {
      const head = Buffer.from(good('第一行').replace(/\n$/, '') + '\n', 'utf8');
      const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]); // “中文” in GBK
      await expectExactly(await write(Buffer.concat([head, gbk])), ['content/docs/workloads/case-x.mdx:10:1 [file/encoding]']);
    });
    it('a binary file', async () => {
      await expectExactly(await write(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), ['content/docs/workloads/case-x.mdx:1:1 [file/encoding]']);
    });
  });
});
