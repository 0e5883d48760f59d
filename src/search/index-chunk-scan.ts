/**
 * Reads a Pagefind 1.6 word-index chunk (CBOR, after the signature) as a list of words, each with
 * its size and its own encoded bytes, without decoding the locations inside. Rechunking only
 * regroups whole words, so their bytes are copied as they are: decoding and re-encoding every
 * location was most of the rechunk step's time and garbage.
 *
 * Layout: [[ [word, [[page, [locations…], …], …], …], … ]]. Anything else, or CBOR this reader does
 * not handle (indefinite lengths), throws, and the caller leaves Pagefind's bundle as it is.
 */
import type { IndexWord } from './index-chunks.ts';

export class UnknownLayout extends Error {}

export interface WordBytes extends IndexWord {
  /** The word's complete CBOR item, as Pagefind encoded it. */
  bytes: Uint8Array;
}

const MAJOR_ARRAY = 4;
const MAJOR_TEXT = 3;
const MAJOR_UINT = 0;

interface Head {
  major: number;
  /** The head's argument: a length, a count or the integer itself. */
  value: number;
  /** Where the item's content starts. */
  next: number;
}

function head(data: Uint8Array, at: number): Head {
  const first = data[at];
  if (first === undefined) throw new UnknownLayout('索引块意外结束');
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, value: info, next: at + 1 };
  const width = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (width === 0) throw new UnknownLayout(`不支持的 CBOR 长度标记 ${info}`);
  if (at + 1 + width > data.length) throw new UnknownLayout('索引块意外结束');
  let value = 0;
  for (let i = 1; i <= width; i++) value = value * 256 + data[at + i]!;
  return { major, value, next: at + 1 + width };
}

/** The offset just past the item starting at `at`. */
function skip(data: Uint8Array, at: number): number {
  const h = head(data, at);
  switch (h.major) {
    case 0:
    case 1:
    case 7:
      return h.next;
    case 2:
    case 3:
      return h.next + h.value;
    case 4: {
      let pos = h.next;
      for (let i = 0; i < h.value; i++) pos = skip(data, pos);
      return pos;
    }
    case 5: {
      let pos = h.next;
      for (let i = 0; i < 2 * h.value; i++) pos = skip(data, pos);
      return pos;
    }
    default: // 6: a tag, followed by the tagged item
      return skip(data, h.next);
  }
}

function expect(h: Head, major: number, what: string): Head {
  if (h.major !== major) throw new UnknownLayout(`${what}的 CBOR 类型是 ${h.major}，应为 ${major}`);
  return h;
}

/** The definite-length array head CBOR's shortest encoding gives `count` items (as Pagefind writes it). */
export function arrayHead(count: number): Uint8Array {
  if (count < 24) return Uint8Array.of(0x80 | count);
  if (count < 0x100) return Uint8Array.of(0x98, count);
  if (count < 0x10000) return Uint8Array.of(0x99, count >> 8, count & 0xff);
  return Uint8Array.of(0x9a, (count >>> 24) & 0xff, (count >>> 16) & 0xff, (count >>> 8) & 0xff, count & 0xff);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function scanIndexChunk(data: Uint8Array): WordBytes[] {
  const outer = expect(head(data, 0), MAJOR_ARRAY, '索引块');
  if (outer.value !== 1) throw new UnknownLayout(`索引块有 ${outer.value} 项，应为 1`);
  const list = expect(head(data, outer.next), MAJOR_ARRAY, '词表');
  const words: WordBytes[] = [];
  let pos = list.next;
  for (let i = 0; i < list.value; i++) {
    const start = pos;
    const item = expect(head(data, pos), MAJOR_ARRAY, '词条');
    if (item.value < 2) throw new UnknownLayout('词条少于 2 项');
    const text = expect(head(data, item.next), MAJOR_TEXT, '词');
    const word = utf8.decode(data.subarray(text.next, text.next + text.value));
    const pages = expect(head(data, text.next + text.value), MAJOR_ARRAY, '页列表');
    let size = 0;
    pos = pages.next;
    for (let p = 0; p < pages.value; p++) {
      const page = expect(head(data, pos), MAJOR_ARRAY, '页');
      if (page.value < 2) throw new UnknownLayout('页条目少于 2 项');
      const number = expect(head(data, page.next), MAJOR_UINT, '页号');
      const locations = expect(head(data, number.next), MAJOR_ARRAY, '位置列表');
      size += locations.value + 1;
      pos = page.next;
      for (let k = 0; k < page.value; k++) pos = skip(data, pos);
    }
    // Whatever follows the page list in a word entry (Pagefind's extra fields) is copied unread.
    pos = item.next;
    for (let k = 0; k < item.value; k++) pos = skip(data, pos);
    words.push({ word, size, bytes: data.subarray(start, pos) });
  }
  if (pos !== data.length) throw new UnknownLayout(`索引块末尾多出 ${data.length - pos} 字节`);
  return words;
}

/** A chunk holding `words`, encoded as Pagefind encodes one. */
export function encodeIndexChunk(words: readonly WordBytes[]): Buffer {
  return Buffer.concat([arrayHead(1), arrayHead(words.length), ...words.map((w) => w.bytes)]);
}
