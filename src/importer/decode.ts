import { ImportError } from './errors.ts';
import type { Line, Warning } from './types.ts';

export interface Decoded {
  lines: Line[];
  warnings: Warning[];
}

const MAX_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of a raw note → numbered lines. Refuses what cannot be a copied web page (empty, binary,
 * not UTF-8, huge) with the line where it went wrong; tolerates, with a warning, what editors and
 * browsers commonly add (a BOM, CRLF line ends).
 */
export function decodeNote(bytes: Uint8Array, file: string): Decoded {
  const warnings: Warning[] = [];
  if (bytes.length === 0) throw new ImportError(file, undefined, '文件是空的，没有可导入的内容');
  if (bytes.length > MAX_BYTES) throw new ImportError(file, undefined, `文件超过 ${MAX_BYTES / 1024 / 1024} MiB，不像是一份笔记`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ImportError(file, lineAt(bytes, nul), '含有 NUL 字节：这是二进制文件，不是文本笔记');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new ImportError(file, lineAt(bytes, bad), '不是 UTF-8 编码（可能是 GBK）：请先转成 UTF-8，例如 iconv -f GBK -t UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    warnings.push({ line: 1, message: '文件以 BOM 开头，已忽略' });
  }
  if (text.includes('\r')) {
    const first = text.slice(0, text.indexOf('\r')).split('\n').length;
    warnings.push({ line: first, message: 'Windows 换行（CRLF），已按 LF 处理' });
    text = text.replace(/\r\n?/g, '\n');
  }
  const raw = text.split('\n');
  // A final newline ends the last line; it does not start another one.
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  if (raw.every((l) => l.trim() === '')) throw new ImportError(file, undefined, '文件只有空白，没有可导入的内容');
  return { lines: raw.map((text, i) => ({ text, src: [i + 1] })), warnings };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 0b110 ? 1 : b >> 4 === 0b1110 ? 2 : b >> 3 === 0b11110 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
