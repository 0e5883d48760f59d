import { hasCjk, isCommandLine, isOutputLine, isYamlLine } from '../text.ts';

export type LineKind = 'blank' | 'table-row' | 'table-sep' | 'list' | 'heading' | 'step' | 'yaml' | 'command' | 'prompt' | 'comment' | 'output' | 'prose';

export const PROMPT = /^(\[[\w.-]+@[\w.-]+[^\]]*\][#$]|[\w.-]+@[\w.-]+:[^$#]*[#$]|\$) \S/;
const SECTION_NUMBER = /^[一二三四五六七八九十]{1,3}、\S/;
const STEP = /^\d{1,2}\.\s*\S/;

/** A line short enough to be a sub-heading and shaped like one (no sentence punctuation at its end). */
export function headingLike(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 32) return false;
  if (/[。，,；;：:、]$/.test(t) || /。/.test(t.slice(0, -1))) return false;
  if (/^[-*•|#>`]/.test(t) || /[`=<>{}]/.test(t)) return false;
  return hasCjk(t) || /^[A-Z][\w-]*( [A-Z]?[\w-]+){0,3}$/.test(t);
}

/** What one line of a plain-text copy most likely was on the original page. */
export function classifyLine(text: string): LineKind {
  const t = text.trim();
  if (t === '') return 'blank';
  if (/^-{3,}(\s*\|\s*-{3,})+\s*\|?$/.test(t)) return 'table-sep';
  if ((t.match(/ \| /g)?.length ?? 0) >= 1 && /\|$/.test(t)) return 'table-row';
  if (PROMPT.test(t)) return 'prompt';
  if (SECTION_NUMBER.test(t)) return 'heading';
  if (/^#\s/.test(t)) return 'comment';
  // `- port: 80`, `- /tmp/healthy`, `- cat` are YAML; `- API Server:` and `- Pod IP 可路由` are list items.
  if (/^- /.test(t) && !/^- ([a-z][\w.-]*:(\s|$)|["'\/\[{]|[a-z0-9][\w./-]*$)/.test(t)) return 'list';
  if (isYamlLine(t)) return 'yaml';
  if (isCommandLine(t)) return 'command';
  if (isOutputLine(t)) return 'output';
  if (/^(- |• |\* )/.test(t)) return 'list';
  if (STEP.test(t) && headingLike(t.replace(/^\d{1,2}\.\s*/, ''))) return 'step';
  if (headingLike(t)) return 'heading';
  return 'prose';
}
