import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.ts';
import { importNote } from './pipeline.ts';
import { unaccountedLines } from './report.ts';
import { importNotes } from './write.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const refusal = (bytes: Uint8Array) => {
  try {
    importNote(bytes, 'bad.txt');
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('imported');
};

describe('bad input: refused with file:line and a reason, or imported with a report', () => {
  it('refuses an empty note', () => {
    expect(refusal(new Uint8Array()).message).toMatch(/^bad\.txt: .*空/);
  });

  it('refuses a binary file at the line of its first NUL byte', () => {
    expect(refusal(new Uint8Array([0x61, 0x0a, 0x62, 0x00, 0x63])).message).toMatch(/^bad\.txt:2: .*二进制/);
  });

  it('refuses GBK text with the line where decoding failed', () => {
    // “问：什么是Pod？” in GBK on line 2.
    const gbk = new Uint8Array([0x23, 0x0a, 0xce, 0xca, 0xa3, 0xba, 0xca, 0xb2, 0xc3, 0xb4, 0xca, 0xc7, 0x50, 0x6f, 0x64, 0xa3, 0xbf]);
    expect(refusal(gbk).message).toMatch(/^bad\.txt:2: .*GBK/);
  });

  it('refuses prose with no question-like structure, naming the closest lines', () => {
    const e = refusal(enc('今天天气很好。\n我们去公园散步了。\n晚上吃了面条。\n'));
    expect(e.message).toMatch(/没有找到任何像问题的结构/);
  });

  it('imports a note with a single question', () => {
    const r = importNote(enc('问：什么是 Pod？\n答：Pod 是最小的调度单位。\n'), 'one.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？']);
    expect(unaccountedLines(r.report)).toEqual([]);
  });

  it('imports a note of only question headings as entries that need answers', () => {
    const r = importNote(enc('## 什么是 Pod？\n\n## 什么是 Service？\n'), 'headings.md');
    expect(r.entries.map((e) => e.frontmatter.status)).toEqual(['needs-answer', 'needs-answer']);
  });

  it('refuses a note of only topic headings that ask nothing', () => {
    expect(refusal(enc('# 笔记\n\n## 网络\n\n## 存储\n')).message).toMatch(/没有找到任何像问题的结构/);
  });

  it('imports numbering that skips or repeats, and says so in the report', () => {
    const note = ['1. 什么是 Pod？', 'Pod 是最小单位。', '2. 什么是 Service？', 'Service 是入口。', '4. 什么是 Ingress？', 'Ingress 是七层入口。', '4. 什么是 HPA？', 'HPA 自动扩缩容。'].join('\n');
    const r = importNote(enc(note), 'skips.txt');
    expect(r.entries.map((e) => e.title)).toEqual(['什么是 Pod？', '什么是 Service？', '什么是 Ingress？', '什么是 HPA？']);
    expect(r.report.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([5, 7]));
  });

  it('imports a 5 MB note and accounts for every line', () => {
    const answer = Array.from({ length: 40 }, (_, k) => `第 ${k + 1} 点：Pod 是最小的调度单位，Service 为一组 Pod 提供稳定入口，两者通过标签选择器关联。`).join('\n\n');
    const one = (i: number) => `## ${i}. 问题 ${i}：Pod 与 Service 有什么区别？\n\n${answer}\n\n\`\`\`bash\nkubectl get pods -n ns-${i}\n\`\`\`\n\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 1; size < 5 * 1024 * 1024; i++) {
      parts.push(one(i));
      size += Buffer.byteLength(parts.at(-1)!);
    }
    const r = importNote(enc(parts.join('')), 'big.md');
    expect(r.entries.length).toBe(parts.length);
    expect(unaccountedLines(r.report)).toEqual([]);
  }, 120_000);

  it('refuses a note whose file name no page could cite, before writing anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-name-'));
    try {
      for (const name of ['面试笔记.md', 'saved-page.html']) {
        writeFileSync(join(dir, name), '1. 什么是 Pod？\n最小的调度单位。\n2. 什么是 Service？\nPod 的稳定入口。\n');
        expect(() => importNotes([join(dir, name)], { outDir: join(dir, 'docs') })).toThrow(new RegExp(`${name}: 笔记的文件名只能用`));
      }
      expect(existsSync(join(dir, 'docs'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
