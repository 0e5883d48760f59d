import { parseAllDocuments } from 'yaml';
import { problemsOf } from '../k8s.ts';
import type { Block, Doc, Pass, Warning } from '../types.ts';
import { counted } from './note-lines.ts';
import { repairYamlBlock } from './reindent-yaml.ts';

type Parsed = ReturnType<typeof parseAllDocuments>;

function parseYaml(lines: readonly string[]): Parsed | null {
  try {
    const docs = parseAllDocuments(lines.join('\n'));
    return Array.isArray(docs) && docs.every((d) => d.errors.length === 0) ? docs : null;
  } catch {
    return null;
  }
}

/** Schema complaints of the documents of a block that parses; a fragment's complaints are only advice. */
function schemaComplaints(docs: Parsed): string[] {
  const out: string[] = [];
  for (const d of docs) {
    const value = d.toJS() as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const problems = problemsOf(value, { ignoreRequired: false });
    if (problems && problems.length > 0) out.push(`${String(value.kind)}: ${problems.slice(0, 2).map((p) => `${p.path || '/'} ${p.message}`).join('；')}`);
  }
  return out;
}

/**
 * YAML is never made worse. A block that parses stays as written; what the schema says about it
 * (often a fragment, such as a Deployment without `selector`) is a report warning. Only a block
 * that lost its indentation (every line flush left) is re-indented, and only if that makes it parse;
 * one that still does not parse is a real loss the page shows.
 */
export const checkYamlBlocks: Pass = (doc: Doc) => {
  const yaml = { ...doc.yaml };
  const warnings: Warning[] = [...doc.warnings];
  let reindented = 0;
  const sections = doc.sections.map((s) => {
    const losses = [...s.losses];
    const blocks = s.blocks.map((b): Block => {
      if (b.type !== 'code' || b.lang !== 'yaml') return b;
      yaml.blocks++;
      const line = b.src[0];
      const parsed = flatManifest(b.lines) ? null : parseYaml(b.lines);
      if (parsed) {
        const complaints = schemaComplaints(parsed);
        if (complaints.length === 0) yaml.validated++;
        else warnings.push({ ...(line ? { line } : {}), message: `YAML 片段不是完整的清单（仅提示）：${complaints.join('；')}` });
        return b;
      }
      const repair = repairYamlBlock(b.lines);
      if (repair.reindented && parseYaml(repair.lines)) {
        yaml.reindented++;
        reindented++;
        if (repair.valid === true) yaml.validated++;
        return { ...b, lines: repair.lines };
      }
      yaml.failed++;
      warnings.push({ ...(line ? { line } : {}), message: 'YAML 块不能解析（缩进可能在复制时丢失），按原样保留' });
      if (line) losses.push({ line, kind: 'broken-yaml', detail: '这段 YAML 不能解析，按原样保留' });
      return b;
    });
    return { ...s, blocks, losses };
  });
  return { ...doc, sections, yaml, warnings, passCounts: counted(doc, 'yaml', reindented) };
};

/** A manifest whose nested keys all sit at column 0 parses, but wrongly: `metadata:` then `name:` as siblings. */
function flatManifest(lines: readonly string[]): boolean {
  const text = lines.filter((l) => l.trim() && !l.trim().startsWith('#'));
  return text.length >= 3 && text.every((l) => !/^\s/.test(l)) && text.some((l) => /^(metadata|spec|template|containers):\s*$/.test(l));
}
