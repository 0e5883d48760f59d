import { mapSections } from '../text.ts';
import type { Line, Pass } from '../types.ts';

const CJK_START = /[\u3400-\u9fff]/;

/**
 * Where a lost code block ended, the next sentence or heading was glued onto its last line:
 * `app: my-appHeadless 服务与普通 Service 的区别`, `averageUtilization: 50HPA 支持的…`,
 * `kubectl get pods输出示例:`, `memory: "128Mi"2. 创建 HPA`. Only code-looking lines are split,
 * at the start of the Chinese text, moved back over a glued Latin word or a list number.
 */
export function splitGluedLine(text: string): [string, string] | null {
  const code = /^(\s*)(- )?([\w.\/"'-]+: ?|kubectl |etcdctl |ETCDCTL_API|docker |curl |[A-Z]+\.\d+ = |Client |--|[\w-]+ +\d+\/\d+ )/;
  if (!code.test(text)) return null;
  const cjk = text.search(CJK_START);
  if (cjk <= 0) return null;
  const before = text.slice(0, cjk);
  // A YAML comment or a quoted string may legitimately hold Chinese.
  if (/#/.test(before) || (before.match(/"/g)?.length ?? 0) % 2 === 1) return null;
  if (/[:：]\s*$/.test(before) && /^\s*[\w.-]+[:：]\s*$/.test(before)) return null;
  let cut = cjk;
  const tail = before;
  // `…"128Mi"2. 创建` / `…-033. TLS`: a list number glued to the code.
  const numbered = /(\d)\.\s+([A-Za-z][\w-]*\s*)?$/.exec(tail);
  const camel = /(?<=[a-z0-9"')\]])([A-Z][A-Za-z0-9-]*\s)$/.exec(tail);
  // `…"]ostStart在容器…`: a word right after a closing bracket or quote starts the prose.
  const afterClose = /(?<=[\]"'])([A-Za-z]+)$/.exec(tail);
  if (numbered) cut = numbered.index;
  else if (camel) cut = camel.index;
  else if (afterClose) cut = afterClose.index;
  const head = text.slice(0, cut).replace(/\s+$/, '');
  const rest = text.slice(cut).trim();
  if (!head.trim() || !rest) return null;
  return [head, rest];
}

export const unglueCode: Pass = (doc) =>
  mapSections(doc, (s) => ({
    ...s,
    lines: s.lines.flatMap((line): Line[] => {
      const parts = splitGluedLine(line.text);
      return parts ? parts.map((text) => ({ text, src: line.src })) : [line];
    }),
  }));
