import { JSDOM } from 'jsdom';

type MermaidApi = { parse(text: string): Promise<unknown> };
let mermaid: Promise<MermaidApi> | undefined;

/**
 * Mermaid's parser runs without a browser, but it sanitises labels with DOMPurify, which needs
 * a DOM; a jsdom window is enough. This lets `npm run check` catch diagram syntax errors in
 * a second instead of waiting for the Chromium render in the full build.
 */
function loadMermaid(): Promise<MermaidApi> {
  mermaid ??= (async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    if (!g.window) {
      const { window } = new JSDOM('');
      g.window = window;
      g.document = window.document;
    }
    const mod = (await import('mermaid')) as unknown as { default: MermaidApi };
    return mod.default;
  })();
  return mermaid;
}

/** Parse a diagram; on failure, the 1-based line inside the block and the parser's message. */
export async function parseMermaid(source: string): Promise<{ line: number; message: string } | undefined> {
  const api = await loadMermaid();
  try {
    await api.parse(source);
    return undefined;
  } catch (e) {
    const err = e as { message?: string; hash?: { loc?: { first_line?: number; last_line?: number } } };
    // Mermaid counts lines inside the block and draws an ASCII caret; keep the excerpt and what it expected.
    const lines = (err.message ?? String(e)).split('\n').map((l) => l.trim());
    const excerpt = lines.find((l) => l.startsWith('...') || (l && !/^Parse error/.test(l) && !/^[-^]+$/.test(l)));
    const expecting = lines.find((l) => l.startsWith('Expecting'));
    const near = excerpt ? `在 “${excerpt.replace(/^\.\.\./, '')}” 附近写错了` : '这一行写错了';
    const hint = '常见原因：箭头写错（流程图用 -->），节点文字里有括号、引号等符号却没有用双引号括起来（A["文字(说明)"]），或第一行没有写图的类型（flowchart LR、sequenceDiagram）';
    const message = `${near}。${hint}（解析器原文：${expecting ?? lines[0] ?? '无法解析'}）`;
    const line = err.hash?.loc?.first_line ?? 1;
    return { line: Math.max(1, line), message };
  }
}
