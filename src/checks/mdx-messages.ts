/**
 * The MDX parser speaks English and points at odd places (an unclosed tag at the end of the
 * file has no position at all). This turns its messages into a Chinese explanation of what to
 * do, at the place the contributor has to look, and keeps the original text for searching.
 */
export interface MdxProblem {
  line: number;
  column: number;
  message: string;
}

interface ParserError {
  line?: number;
  column?: number;
  reason?: string;
  message?: string;
  ruleId?: string;
  source?: string;
}

const ESCAPE_HINT = '要显示 < 或 { 本身，请写成 \\< \\{ 或放进 `代码` 里';

export function explainMdxError(e: unknown, text?: string): MdxProblem {
  const err = (e ?? {}) as ParserError;
  const reason = err.reason ?? err.message ?? String(e);
  // “Expected a closing tag for `<details>` (6:1-6:10)”: the tag's own place is in the text.
  const tagPlace = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  const tag = /`<\/?([^>`]*)>`/.exec(reason)?.[1];
  const line = tagPlace ? Number(tagPlace[1]) : (err.line ?? 1);
  let column = tagPlace ? Number(tagPlace[2]) : (err.column ?? 1);
  if (!tagPlace && text && (err.source ?? '').includes('mdx-jsx')) {
    // The parser stops where the tag turned out broken (often the end of the line); the mistake is the `<` that opened it.
    const lineText = text.split('\n')[line - 1] ?? '';
    const open = lineText.lastIndexOf('<', column - 1);
    if (open !== -1) column = open + 1;
  }
  if (!tagPlace && text && /closing brace/.test(reason)) {
    const open = unmatchedBrace(text, line, column);
    if (open) return { ...open, message: `${explain(err.ruleId ?? '', err.source ?? '', reason, tag)}（解析器原文：${reason}）` };
  }
  return { line, column, message: `${explain(err.ruleId ?? '', err.source ?? '', reason, tag)}（解析器原文：${reason}）` };
}

function explain(ruleId: string, source: string, reason: string, tag: string | undefined): string {
  if (ruleId === 'end-tag-mismatch' && /closing tag for/.test(reason)) {
    return `<${tag ?? '…'}> 没有闭合：请在同一段落（或同一块）里写上 </${tag ?? '…'}>。${ESCAPE_HINT}`;
  }
  if (ruleId === 'end-tag-mismatch' || ruleId === 'unexpected-closing-slash') {
    return `多出来的闭合标签${tag ? ` </${tag}>` : ''}，前面没有对应的开始标签（或开始和结束不在同一段落里）。${ESCAPE_HINT}`;
  }
  if (/character `!`/.test(reason)) return 'MDX 里不能写 HTML 注释 <!-- -->：请删掉它（想留给编辑的话写在 Pull Request 的描述里）';
  if (ruleId === 'unexpected-lazy') return '标签或 {…} 在引用块 / 列表里断开了：请把它写在同一行，或放进 `代码` 里';
  if (/expression/.test(source) || ruleId === 'acorn' || /brace/.test(reason)) {
    return `花括号 { } 在 MDX 里表示 JavaScript 表达式，这里的 { 没有配对或不是合法表达式。${ESCAPE_HINT}`;
  }
  if (source.includes('mdxjs-esm') || ruleId === 'non-esm') return 'import / export 行不合法：内容文件里本来就不能写 import / export';
  if (ruleId.startsWith('unexpected-') || source.includes('mdx-jsx')) {
    return `这里的 < 被当成了 HTML/JSX 标签的开头，但后面不是合法的标签。${ESCAPE_HINT}`;
  }
  return `MDX 无法解析这里。${ESCAPE_HINT}`;
}

/** The `{` left open before a place: the parser only notices at the end of the file or block. */
function unmatchedBrace(text: string, line: number, column: number): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  let depth = 0;
  for (let l = Math.min(line, lines.length) - 1; l >= 0; l--) {
    const s = lines[l]!;
    for (let c = (l === line - 1 ? Math.min(column - 1, s.length) : s.length) - 1; c >= 0; c--) {
      if (s[c] === '}') depth++;
      else if (s[c] === '{' && s[c - 1] !== '\\') {
        if (depth === 0) return { line: l + 1, column: c + 1 };
        depth--;
      }
    }
  }
  return undefined;
}
