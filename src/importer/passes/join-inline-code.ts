import { hasCjk, isBlank, isCommandLine, isYamlLine, mapSections, merge } from '../text.ts';
import type { Line, Pass } from '../types.ts';

/** A piece of code a sentence can mention: `kubectl`, `spec.clusterIP`, `/metrics/resource`, `kubectl top`. */
const TOKEN = /^[A-Za-z_./$-][\w./:${}*=<>\[\]-]*( [\w./:$-]+){0,3}$/;
const CODEY = /[-_./$]|^[a-z]+[A-Z]\w*$|^[a-z]{3,}$/;
const SENTENCE_END = /[。！？!?：:；;]$/;
const CONTINUES = /^[\u3400-\u9fff，。、；：）)(,.;:]/;
const STRUCTURE = /^\s*(- |\d+\.|#|\||```)/;

const code = (t: string) => (t.includes('`') ? t : `\`${t}\``);

/**
 * When the page was copied, each inline code span got a line of its own:
 * `在 Kubernetes 中,Service` / `是一种资源对象`, `它基于 Linux 内核中的` / `netfilter` / `框架,…`.
 * Put such lines back into their sentence as code spans. Joining is driven by evidence of code
 * (a token line, or a code-like word glued to Chinese), so a heading followed by prose stays apart.
 */
export function joinInlineCode(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = out.at(-1);
    const t = line.text.trim();
    const next = lines[i + 1]?.text.trim() ?? '';
    const canExtend =
      prev && !isBlank(prev.text) && !SENTENCE_END.test(prev.text.trim()) && !/^#/.test(prev.text.trim()) && !prev.fence && !isYamlLine(prev.text) && !isCommandLine(prev.text);
    // A token alone on its line, with the sentence going on after it: `…中的` / `netfilter` / `框架…`.
    const closing = /^(.*?)([)）。，,；;]+)$/.exec(t);
    const token = closing && TOKEN.test(closing[1]!) ? closing[1]! : t;
    const after = token === t ? '' : closing![2]!;
    if (canExtend && !line.fence && TOKEN.test(token) && !hasCjk(t) && (after || CONTINUES.test(next) || next === '') && !/^[\w-]+:\s/.test(t)) {
      out[out.length - 1] = { text: `${prev.text.replace(/\s+$/, '')} ${code(token)}${after}`, src: merge(prev.src, line.src) };
      continue;
    }
    // `…HPA 依赖于` + `metrics-server来获取…`: the code span opens the next line, glued to the sentence.
    const lead = /^([A-Za-z_./$-][\w./$-]*)(?=[\u3400-\u9fff，,。、])/.exec(t)?.[1];
    if (canExtend && !line.fence && lead && CODEY.test(lead) && /[-_./]/.test(lead) && !STRUCTURE.test(line.text)) {
      out[out.length - 1] = { text: `${prev.text.replace(/\s+$/, '')} ${wrapLeadingToken(t)}`, src: merge(prev.src, line.src) };
      continue;
    }
    // The sentence resumes after a code span: `…将spec.clusterIP` + `字段设置为None`.
    if (canExtend && !line.fence && (CONTINUES.test(t) || /^[\w./-]+[\u3400-\u9fff]/.test(t)) && !STRUCTURE.test(line.text) && endsWithCodeOrContinues(prev.text)) {
      out[out.length - 1] = { text: `${wrapTrailingToken(prev.text)}${wrapLeadingToken(t)}`, src: merge(prev.src, line.src) };
      continue;
    }
    out.push(line);
  }
  return out;
}

function endsWithCodeOrContinues(text: string): boolean {
  const t = text.trim();
  if (/`$/.test(t)) return true;
  const m = /[\u3400-\u9fff，,（(]\s*([A-Za-z_./$-][\w./$-]*)$/.exec(t);
  return m !== null && CODEY.test(m[1]!);
}

function wrapTrailingToken(text: string): string {
  return text.replace(/([\u3400-\u9fff，,（(]\s*)([A-Za-z_./$-][\w./$-]*)$/, (all, pre: string, tok: string) => (CODEY.test(tok) ? `${pre}\`${tok}\`` : all));
}

function wrapLeadingToken(text: string): string {
  return text.replace(/^([A-Za-z_./$-][\w./$-]*)(?=[\u3400-\u9fff，,。、])/, (tok) => (CODEY.test(tok) ? `\`${tok}\`` : tok));
}

export const joinSplitInlineCode: Pass = (doc) => mapSections(doc, (s) => ({ ...s, lines: joinInlineCode(s.lines) }));
