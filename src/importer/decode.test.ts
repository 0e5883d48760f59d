import { describe, expect, it } from 'vitest';
import { decodeNote } from './decode.ts';
import { ImportError } from './errors.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const refused = (bytes: Uint8Array) => {
  try {
    decodeNote(bytes, 'note.txt');
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('accepted');
};

describe('decodeNote', () => {
  it('numbers lines from 1 and ignores the final newline', () => {
    expect(decodeNote(utf8('1. 什么是 Pod?\n答案\n'), 'n.txt').lines).toEqual([
      { text: '1. 什么是 Pod?', src: [1] },
      { text: '答案', src: [2] },
    ]);
  });

  it('refuses an empty or blank file', () => {
    expect(refused(new Uint8Array()).message).toMatch(/note\.txt: 文件是空的/);
    expect(refused(utf8(' \n\u00a0\n')).message).toMatch(/只有空白/);
  });

  it('refuses binary input, naming the line of the first NUL byte', () => {
    expect(refused(utf8('第一行\n第二行\0')).message).toBe('note.txt:2: 含有 NUL 字节：这是二进制文件，不是文本笔记');
  });

  it('refuses GBK with the line where decoding fails', () => {
    const gbk = new Uint8Array([...utf8('ok\n'), 0xc4, 0xe3, 0xba, 0xc3]); // “你好” in GBK
    const e = refused(gbk);
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/不是 UTF-8/);
  });

  it('accepts BOM and CRLF with a warning each', () => {
    const { lines, warnings } = decodeNote(utf8('\ufeff1. 问题?\r\n答案\r\n'), 'n.txt');
    expect(lines.map((l) => l.text)).toEqual(['1. 问题?', '答案']);
    expect(warnings.map((w) => w.message)).toEqual(['文件以 BOM 开头，已忽略', 'Windows 换行（CRLF），已按 LF 处理']);
  });
});
