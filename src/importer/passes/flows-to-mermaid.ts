import type { Block, Doc, Pass } from '../types.ts';

const ARROW_LINE = /^\s*[↓⬇]\s*$/;
const INLINE_ARROWS = /\s*(?:→|->|-->|=>|⟶)\s*/;

const label = (t: string) => t.trim().replace(/"/g, '#quot;').replace(/[[\]{}()<>|]/g, (c) => `#${c.charCodeAt(0)};`);

/** `A` / `↓` / `B` / `↓` / `C` → the steps, or null when the text is not such a chain. */
export function verticalFlow(lines: readonly string[]): string[] | null {
  const body = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (body.length < 3 || !body.some((l) => ARROW_LINE.test(l))) return null;
  const steps: string[] = [];
  let expectStep = true;
  for (const l of body) {
    if (ARROW_LINE.test(l)) {
      if (expectStep) return null;
      expectStep = true;
    } else {
      if (!expectStep) {
        // A detail line under a step (e.g. `(调度器选节点)`): part of that step's label.
        steps[steps.length - 1] += ` ${l}`;
        continue;
      }
      steps.push(l);
      expectStep = false;
    }
  }
  return steps.length >= 2 && !expectStep ? steps : null;
}

/** `Client → [LoadBalancer] → api-server-01` on one line. */
export function inlineFlow(line: string): string[] | null {
  if (!/→|->/.test(line)) return null;
  const steps = line.split(INLINE_ARROWS).map((s) => s.trim()).filter(Boolean);
  return steps.length >= 3 && steps.every((s) => s.length <= 60) ? steps : null;
}

export function flowchart(steps: readonly string[], direction: 'TD' | 'LR'): string[] {
  return [`flowchart ${direction}`, ...steps.map((s, i) => `  s${i}["${label(s)}"]`), `  ${steps.map((_, i) => `s${i}`).join(' --> ')}`];
}

/**
 * Text flows the notes draw with arrows become Mermaid flowcharts drawn at build time. The text
 * version stays right under the diagram (folded), so nothing of the original is lost.
 */
export function flowsToMermaid(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.type !== 'code' || b.lang === 'mermaid' || b.lang === 'yaml') return [b];
    const vertical = verticalFlow(b.lines);
    const inline = b.lines.length === 1 ? inlineFlow(b.lines[0]!) : null;
    const steps = vertical ?? inline;
    if (!steps) return [b];
    return [
      { type: 'code', lang: 'mermaid', lines: flowchart(steps, vertical ? 'TD' : 'LR'), src: [] },
      { ...b, lang: 'text', meta: 'title="原文（文字版）"' },
    ];
  });
}

export const drawFlowsAsMermaid: Pass = (doc: Doc) => ({
  ...doc,
  sections: doc.sections.map((s) => ({ ...s, blocks: flowsToMermaid(s.blocks) })),
});
