import { error, positionAt, type Diagnostic } from './diagnostics.ts';

/** Content files are small prose; anything near this is a mistake (a pasted log, a binary). */
export const MAX_FILE_BYTES = 512 * 1024;

/**
 * Decode a content file strictly, or say why it cannot be read as clean UTF-8 text.
 * A BOM or CRLF line endings would survive into the YAML and the built page, so they are
 * rejected here with the exact place, rather than normalised silently.
 */
export function decodeContentFile(file: string, bytes: Uint8Array): { text?: string; diagnostics: Diagnostic[] } {
  if (bytes.length === 0) return { diagnostics: [error(file, 1, 1, 'file/empty', '文件是空的：一个问题文件至少要有 frontmatter（id、title、topic、status）')] };
  if (bytes.length > MAX_FILE_BYTES) {
    const kib = Math.round(bytes.length / 1024);
    return { diagnostics: [error(file, 1, 1, 'file/too-large', `文件有 ${kib} KiB，超过上限 ${MAX_FILE_BYTES / 1024} KiB：一个问题的答案不应该这么长，是不是粘贴了日志或二进制内容？`)] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = positionAt(before, before.length);
    return { diagnostics: [error(file, line, column, 'file/encoding', '文件不是合法的 UTF-8 编码（可能是 GBK）：请用 UTF-8 重新保存')] };
  }
  if (text.includes('\0')) return { diagnostics: [error(file, 1, 1, 'file/binary', '文件包含 NUL 字节，看起来是二进制文件')] };
  const diagnostics: Diagnostic[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    diagnostics.push(error(file, 1, 1, 'file/bom', '文件以 BOM（字节顺序标记）开头：请保存为“无 BOM 的 UTF-8”'));
    text = text.slice(1);
  }
  const crlf = text.indexOf('\r\n');
  if (crlf !== -1) {
    const { line } = positionAt(text, crlf);
    diagnostics.push(error(file, line, 1, 'file/crlf', '使用了 Windows 换行（CRLF）：请改成 LF（git config core.autocrlf input）'));
    text = text.replace(/\r\n/g, '\n');
  }
  return { text, diagnostics };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}
