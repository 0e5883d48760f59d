import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeNote } from './decode.ts';
import { detectFormat } from './detect-format.ts';

const RAW = join(import.meta.dirname, '../../content/raw');
const lines = (text: string) => decodeNote(new TextEncoder().encode(text), 'x.txt').lines;

describe('detectFormat', () => {
  it.each([
    ['000_e682c0e43d68e54f.txt', 'qa-plain'],
    ['001_b967d5f871e3cef9.txt', 'qa-blog'],
    ['002_096c476566ce09a5.txt', 'hexo-blog'],
    ['003_b8dcbe321ad2371b.txt', 'github-view'],
    ['004_cae48c93e2b80bbd.txt', 'tutorial'],
  ])('recognises %s as %s by its content', (note, format) => {
    // Renamed, so the file name cannot be what decides.
    expect(detectFormat(decodeNote(readFileSync(join(RAW, note)), 'renamed.txt').lines, 'renamed.txt')).toBe(format);
  });

  it('does not take inner 一、二、 sections of a numbered Q&A for a Hexo post', () => {
    const text = '1. 什么是 A?\n一、定义\n二、用法\n三、注意\n2. 什么是 B?\n一、定义\n二、用法\n三、注意\n';
    expect(detectFormat(lines(text), 'x.txt')).toBe('qa-plain');
  });

  it('refuses a note with no recognisable question, saying what it looked for', () => {
    expect(() => detectFormat(lines('今天天气不错。\n随便写写。\n'), 'diary.txt')).toThrow(/diary\.txt: 认不出笔记格式/);
  });
});
