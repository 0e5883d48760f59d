import { parse, parseAllDocuments } from 'yaml';
import { hasSchema } from '../../lib/k8s-validate.ts';
import { problemsOf } from '../k8s.ts';
import type { Block, Doc, Pass } from '../types.ts';

interface Frame {
  /** Indent of the keys (or `- ` items) that belong to this container. */
  indent: number;
  kind: 'map' | 'seq';
}

interface Placed {
  indent: number;
  text: string;
}

/** Where a fragment (`livenessProbe:` …) lives in a real object, so the schema can still guide it. */
const HOSTS: { wrap: (indent: number) => Placed[]; indent: number }[] = [
  {
    // Container fields: probes, lifecycle, resources, ports, env…
    wrap: () => [
      { indent: 0, text: 'apiVersion: v1' },
      { indent: 0, text: 'kind: Pod' },
      { indent: 0, text: 'spec:' },
      { indent: 2, text: 'containers:' },
      { indent: 4, text: '- name: host' },
    ],
    indent: 6,
  },
  {
    // PodSpec fields: nodeSelector, affinity, tolerations, volumes…
    wrap: () => [
      { indent: 0, text: 'apiVersion: v1' },
      { indent: 0, text: 'kind: Pod' },
      { indent: 0, text: 'spec:' },
    ],
    indent: 2,
  },
];

const render = (placed: readonly Placed[]) => placed.map((p) => ' '.repeat(p.indent) + p.text).join('\n');
const isFlat = (lines: readonly string[]) => lines.filter((l) => l.trim()).every((l) => !/^\s/.test(l));
const problemKeys = (manifest: unknown) =>
  new Set((problemsOf(manifest as Record<string, unknown>) ?? []).map((p) => `${p.path} ${p.message}`));

function tryParse(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: true });
  } catch {
    return undefined;
  }
}

/**
 * Re-indent one flattened YAML document (`metadata:` / `name: x` on the same column), guided by
 * the Kubernetes schema of its kind: each line goes under the deepest open parent where the
 * schema accepts it. A key the schema does not know there, or a container where a string is
 * expected (a label map), sends it up a level, which is exactly how people read such YAML.
 */
export function reindentDocument(lines: readonly string[]): { lines: string[]; guided: boolean } | null {
  const body = lines.map((l) => l.trim());
  const apiVersion = body.find((l) => /^apiVersion:/.test(l))?.replace(/^apiVersion:\s*/, '').replace(/\s+#.*$/, '');
  const kind = body.find((l) => /^kind:/.test(l))?.replace(/^kind:\s*/, '').replace(/\s+#.*$/, '');
  const manifest = hasSchema(apiVersion, kind);
  const hosts = manifest ? [{ wrap: () => [] as Placed[], indent: 0 }] : HOSTS;
  for (const host of hosts) {
    const result = placeLines(body, host.wrap(0), host.indent);
    if (result) return { lines: result.map((p) => ' '.repeat(p.indent - host.indent) + p.text), guided: true };
  }
  return null;
}

function placeLines(body: readonly string[], prefix: Placed[], baseIndent: number): Placed[] | null {
  const placed: Placed[] = [...prefix];
  let stack: Frame[] = [{ indent: baseIndent, kind: 'map' }];
  const pendingComments: string[] = [];
  let baseline = problemKeys(tryParse(render(placed)) ?? {});
  for (let i = 0; i < body.length; i++) {
    const text = body[i]!;
    if (text === '') continue;
    if (text.startsWith('#')) {
      pendingComments.push(text);
      continue;
    }
    const next = body.slice(i + 1).find((l) => l && !l.startsWith('#')) ?? '';
    const isItem = text.startsWith('- ') || text === '-';
    const opens = /:\s*(#.*)?$/.test(text) || /:\s*[|>][-+]?\s*(#.*)?$/.test(text);
    const scalarBlock = /:\s*[|>][-+]?\s*(#.*)?$/.test(text);
    let best: { k: number; cost: number; problems: Set<string> } | null = null;
    for (let k = stack.length - 1; k >= 0; k--) {
      const frame = stack[k]!;
      if (isItem !== (frame.kind === 'seq')) continue;
      const trial = [...placed, ...pendingComments.map((c) => ({ indent: frame.indent, text: c })), { indent: frame.indent, text }];
      // An opened container is still empty: stand in an empty one so the schema sees its type.
      const placeholder = opens && !scalarBlock ? (next.startsWith('- ') ? ' []' : ' {}') : '';
      const last = trial.at(-1)!;
      const probe = [...trial.slice(0, -1), { ...last, text: opens && !scalarBlock ? `${last.text.replace(/\s+#.*$/, '')}${placeholder}` : last.text }];
      const parsed = tryParse(render(scalarBlock ? [...probe, { indent: frame.indent + 2, text: 'x' }] : probe));
      if (parsed === undefined) continue;
      const problems = problemKeys(parsed);
      const cost = [...problems].filter((p) => !baseline.has(p)).length;
      if (!best || cost < best.cost) best = { k, cost, problems };
      if (cost === 0) break;
    }
    if (!best) return null;
    const frame = stack[best.k]!;
    for (const c of pendingComments.splice(0)) placed.push({ indent: frame.indent, text: c });
    placed.push({ indent: frame.indent, text });
    stack = stack.slice(0, best.k + 1);
    const itemIndent = frame.indent + 2;
    if (isItem) {
      // `- name: x`: the item's own keys continue two columns in.
      if (/^- [^\s#][^:]*:/.test(text)) {
        if (opens && !scalarBlock) stack.push({ indent: itemIndent, kind: 'map' }, { indent: itemIndent + 2, kind: next.startsWith('- ') ? 'seq' : 'map' });
        else stack.push({ indent: itemIndent, kind: 'map' });
      }
    } else if (scalarBlock) {
      // A literal block: the rest of the document is its text (the notes only end documents with them).
      for (const rest of body.slice(i + 1)) placed.push({ indent: itemIndent, text: rest });
      return placed;
    } else if (opens) {
      stack.push({ indent: itemIndent, kind: next.startsWith('- ') ? 'seq' : 'map' });
    }
    baseline = best.problems;
  }
  for (const c of pendingComments) placed.push({ indent: stack.at(-1)!.indent, text: c });
  return placed.slice(prefix.length);
}

export interface YamlRepair {
  lines: string[];
  reindented: boolean;
  /** null: not a Kubernetes object with a schema (nothing to validate against). */
  valid: boolean | null;
}

/** Re-indent a flattened YAML code block, document by document, and validate the result. */
export function repairYamlBlock(lines: readonly string[]): YamlRepair {
  if (!isFlat(lines) || !lines.some((l) => /:\s*(#.*)?$/.test(l.trim()))) {
    return { lines: [...lines], reindented: false, valid: validity(lines) };
  }
  const docs = splitDocuments(lines);
  const out: string[] = [];
  let changed = false;
  docs.forEach((doc, n) => {
    if (n > 0) out.push('---');
    const fixed = reindentDocument(doc);
    if (fixed) {
      changed ||= fixed.lines.join('\n') !== doc.join('\n');
      out.push(...fixed.lines);
    } else out.push(...doc);
  });
  return { lines: out, reindented: changed, valid: validity(out) };
}

/**
 * Documents of a block: at `---`, and where a second `apiVersion:`/`kind:` starts another object
 * (the notes put several manifests in one block and lost the separators). Comments just above the
 * new object go with it.
 */
export function splitDocuments(lines: readonly string[]): string[][] {
  const docs: string[][] = [[]];
  for (const l of lines) {
    const t = l.trim();
    const current = docs.at(-1)!;
    if (t === '---') {
      docs.push([]);
      continue;
    }
    const key = /^(apiVersion|kind):/.exec(t)?.[1];
    if (key && current.some((c) => c.trim().startsWith(`${key}:`))) {
      let k = current.length;
      while (k > 0 && current[k - 1]!.trim().startsWith('#')) k--;
      docs.push(current.splice(k));
    }
    docs.at(-1)!.push(l);
  }
  return docs.filter((d, i) => i === 0 || d.some((l) => l.trim()));
}

function validity(lines: readonly string[]): boolean | null {
  let docs;
  try {
    docs = parseAllDocuments(lines.join('\n'));
  } catch {
    return false;
  }
  let verdict: boolean | null = null;
  for (const d of docs) {
    if (d.errors.length > 0) return false;
    const value = d.toJS() as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || !hasSchema(value.apiVersion, value.kind)) continue;
    const problems = problemsOf(value, { ignoreRequired: false }) ?? [];
    if (problems.length > 0) return false;
    verdict = true;
  }
  return verdict;
}

/**
 * Re-indent and validate every YAML block. A block that still does not parse or validate is not
 * published as YAML that readers would copy: it is shown as text under a visible note, and the
 * entry becomes `partial` until an editor fixes it against the source.
 */
export const reindentYamlBlocks: Pass = (doc: Doc) => {
  const yaml = { ...doc.yaml };
  const warnings = [...doc.warnings];
  const sections = doc.sections.map((s) => {
    const losses = [...s.losses];
    const blocks = s.blocks.flatMap((b): Block[] => {
      if (b.type !== 'code' || b.lang !== 'yaml') return [b];
      yaml.blocks++;
      const r = repairYamlBlock(b.lines);
      if (r.reindented) yaml.reindented++;
      if (r.valid === true) yaml.validated++;
      if (r.valid !== false) return [{ ...b, lines: r.lines }];
      yaml.failed++;
      const line = b.src[0]!;
      warnings.push({ line, message: 'YAML 块重排缩进后仍不能通过解析或 Kubernetes schema 校验，已按文本发布并标为部分缺失' });
      losses.push({ line, kind: 'broken-yaml', detail: '这段 YAML 的缩进在复制时丢失，自动重排后仍不合法' });
      return [
        { type: 'aside', variant: 'caution', title: '示例待修复', text: '这段 YAML 的缩进在原笔记中丢失，自动修复后仍不是合法的 Kubernetes 清单，下面按原样以文本显示。欢迎对照原意修正。', src: [] },
        { ...b, lang: 'text', lines: r.reindented ? r.lines : b.lines },
      ];
    });
    return { ...s, blocks, losses };
  });
  return { ...doc, sections, yaml, warnings };
};
