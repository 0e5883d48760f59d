import type { Code, Nodes, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { LineCounter, parseAllDocuments } from 'yaml';
import { isManifest, removedApiOf } from '../lib/k8s-validate.ts';
import { checkCompanions } from './companions.ts';
import type { Deprecations, Place, Term } from './deprecations-data.ts';
import { findTerms, sentenceAround, statesVersionedStatus } from './deprecations-matcher.ts';
import { checkReviewedFor } from './deprecations-reviewed-for.ts';
import { error, positionAt, type Diagnostic } from './diagnostics.ts';

/**
 * Outdated content: deprecated or removed terms without a version note, manifests using an
 * apiVersion the current release no longer serves, companion topics a page leaves out, and the
 * page's reviewedFor. The acceptance rule (CONTRIBUTING.md “过时内容检查”) is structural, so it
 * works on the MDX tree rather than on raw lines.
 */
export interface OutdatedInput {
  file: string;
  /** The file's text with the frontmatter blanked out, so offsets and lines are the file's own. */
  body: string;
  tree: Root;
  reviewedFor: string | undefined;
  /** Line of a frontmatter field; `undefined` when the frontmatter did not validate. */
  lineOf?: (path: (string | number)[]) => number;
  /** The frontmatter fields a reader sees (title, description, aliases), when the frontmatter validated. */
  fields?: FrontmatterField[];
}

/** A frontmatter value shown to readers, with the line it starts on. */
export interface FrontmatterField {
  /** As a contributor writes it: `title`, `description`, `aliases[2]`. */
  name: string;
  value: string;
  line: number;
  /** Where a matched word sits in the file (a folded value continues over lines); defaults to the field's line, column 1. */
  columnOf?: (found: string) => { line: number; column: number };
}

export function checkOutdated(input: OutdatedInput, data: Deprecations): Diagnostic[] {
  return [
    ...checkTerms(input.file, input.body, input.tree, data, input.fields ?? []),
    ...checkCompanions(input.file, input.body, data.companions),
    ...(input.lineOf ? checkReviewedFor(input.file, input.reviewedFor, input.lineOf, data) : []),
  ];
}

/** A span of source text where a term may occur, with what decides whether it is noted. */
interface Unit {
  start: number;
  end: number;
  /** Inside a :::tip[编者补充] / :::caution[编者更正] (any aside titled 编者…). */
  editorial: boolean;
  /** The top-level block holding it is followed by a :::caution[编者更正]. */
  corrected: boolean;
  node: Nodes;
  place: Exclude<Place, 'frontmatter'>;
  /** A YAML code block: manifests in it are checked against the removed-API table instead. */
  yaml?: Code;
}

const directiveLabel = (node: Nodes): string | undefined => {
  if (node.type !== 'containerDirective') return undefined;
  const label = node.children[0];
  return label && label.type === 'paragraph' && (label.data as { directiveLabel?: boolean } | undefined)?.directiveLabel ? toString(label).trim() : '';
};

export const isEditorialAside = (node: Nodes) => directiveLabel(node)?.startsWith('编者') ?? false;
const isCorrection = (node: Nodes | undefined) =>
  node !== undefined && node.type === 'containerDirective' && node.name === 'caution' && (directiveLabel(node) ?? '').startsWith('编者更正');

/** Asides are blocks of their own; any other container directive (::::other-answer) holds a section. */
const ASIDES = new Set(['note', 'tip', 'caution', 'danger']);
const isSectionContainer = (node: RootContent): node is ContainerDirective =>
  node.type === 'containerDirective' && !ASIDES.has(node.name);

function checkTerms(file: string, body: string, tree: Root, data: Deprecations, fields: readonly FrontmatterField[]): Diagnostic[] {
  const units: Unit[] = [];
  // Blocks are judged among their siblings: at the top level, or inside a section container such as
  // ::::other-answer, whose children are the section's own top-level blocks.
  const walkBlocks = (blocks: readonly RootContent[], inherited: boolean) => {
    // Blank lines only between a block and the correction that follows it.
    const followedByCorrection = (i: number) => {
      const next = blocks[i + 1];
      return isCorrection(next) && body.slice(blocks[i]!.position!.end.offset, next!.position!.start.offset).trim() === '';
    };
    blocks.forEach((block, i) => {
      // A heading belongs with the first paragraph of its section: a correction after that paragraph covers both.
      const corrected =
        inherited || followedByCorrection(i) || (block.type === 'heading' && blocks[i + 1]?.type !== 'heading' && followedByCorrection(i + 1));
      if (isSectionContainer(block)) walkBlocks(block.children, corrected);
      else collectUnits(block, { editorial: false, corrected }, units);
    });
  };
  walkBlocks(tree.children, false);

  const out: Diagnostic[] = [];
  const firstOnPage = new Set<string>();
  /** Terms the body already explains somewhere: that also covers the title, description and aliases. */
  const explained = new Set<string>();
  const textTerms = data.terms;
  const proseTerms = textTerms.filter((t) => t.id !== 'removed-api');
  for (const unit of units) {
    const text = maskedSource(body, unit);
    // In YAML the manifest check below owns apiVersions (it also knows the kinds).
    // Terms watched elsewhere are still looked for when the frontmatter might need the evidence.
    const candidates = (unit.yaml ? proseTerms : textTerms).filter((t) => t.in.includes(unit.place) || t.in.includes('frontmatter'));
    for (const match of findTerms(text, candidates, { wholeTextUnless: unit.place === 'diagram' })) {
      const { term } = match;
      const sentence = text.slice(...match.sentence);
      const at = match.index - match.sentence[0];
      const noted = unit.editorial || unit.corrected || statesVersionedStatus(sentence, at, at + match.text.length);
      if (noted) explained.add(term.id);
      // A term watched elsewhere only (a diagram label) still counts as explained when prose explains it.
      if (!term.in.includes(unit.place)) continue;
      if (term.scope === 'page') {
        if (firstOnPage.has(term.id)) continue;
        firstOnPage.add(term.id);
      }
      if (noted) continue;
      const { line, column } = positionAt(body, unit.start + match.index);
      out.push(error(file, line, column, `deprecated/${term.id}`, termMessage(term, match.text, unit.place)));
    }
    if (unit.yaml) out.push(...checkRemovedApis(file, body, unit, data));
  }
  out.push(...checkFields(file, fields, textTerms, explained));
  return out;
}

const FIELD_NAMES: Record<string, string> = { title: '标题（title）', description: '摘要（description）', aliases: '其他问法（aliases）' };

/**
 * Title, description and aliases cannot hold an aside. An outdated term there is accepted when the
 * body explains the same term (in an 编者 aside, a block followed by 编者更正, or a sentence with
 * status and version), or when the field's own sentence states status and version.
 */
function checkFields(file: string, fields: readonly FrontmatterField[], terms: readonly Term[], explained: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const applicable = terms.filter((t) => t.in.includes('frontmatter'));
  for (const field of fields) {
    for (const match of findTerms(field.value, applicable)) {
      if (explained.has(match.term.id)) continue;
      const sentence = field.value.slice(...match.sentence);
      const at = match.index - match.sentence[0];
      if (statesVersionedStatus(sentence, at, at + match.text.length)) continue;
      const { line, column } = field.columnOf?.(match.text) ?? { line: field.line, column: 1 };
      const where = FIELD_NAMES[field.name.replace(/\[\d+\]$/, '')] ?? field.name;
      out.push(error(file, line, column, `deprecated/${match.term.id}`, termMessage(match.term, match.text, 'frontmatter', `${where}里的`)));
    }
  }
  return out;
}

function collectUnits(node: RootContent, ctx: { editorial: boolean; corrected: boolean }, out: Unit[]) {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
  const base: Unit = { start: pos.start.offset, end: pos.end.offset, node, place: 'prose', ...ctx };
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    // A whole row: a timeline row says “1.31 | cgroup v1 进入维护模式” across its cells.
    case 'tableRow':
    case 'html':
      out.push(base);
      return;
    case 'code': {
      const lang = node.lang?.toLowerCase();
      if (lang === 'mermaid') out.push({ ...base, place: 'diagram' });
      else out.push(lang === 'yaml' || lang === 'yml' ? { ...base, place: 'code', yaml: node } : { ...base, place: 'code' });
      return;
    }
    case 'containerDirective': {
      const editorial = ctx.editorial || isEditorialAside(node);
      for (const child of node.children) collectUnits(child, { ...ctx, editorial }, out);
      return;
    }
    default:
      if ('children' in node) for (const child of node.children as RootContent[]) collectUnits(child, ctx, out);
  }
}

/**
 * The unit's source with link and image targets blanked (same length, so offsets hold): a URL
 * such as /q/kube-proxy-ipvs-config/ is not something the reader is told.
 */
function maskedSource(body: string, unit: Unit): string {
  let text = body.slice(unit.start, unit.end);
  if (unit.node.type === 'code' || unit.node.type === 'html') return text;
  const blank = (from: number, to: number) => {
    const a = Math.max(0, from - unit.start);
    const b = Math.min(text.length, to - unit.start);
    if (b > a) text = text.slice(0, a) + text.slice(a, b).replace(/[^\n]/g, ' ') + text.slice(b);
  };
  const visit = (node: Nodes) => {
    const pos = node.position;
    if (pos && (node.type === 'link' || node.type === 'linkReference')) {
      let cursor = pos.start.offset!;
      for (const child of node.children) {
        if (!child.position) continue;
        blank(cursor, child.position.start.offset!);
        cursor = child.position.end.offset!;
      }
      blank(cursor, pos.end.offset!);
    } else if (pos && (node.type === 'image' || node.type === 'imageReference')) {
      blank(pos.start.offset!, pos.end.offset!);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(unit.node);
  return text;
}

function statusText(term: { deprecatedIn?: string; removedIn?: string; changedIn?: string }): string {
  const parts = [];
  if (term.deprecatedIn) parts.push(`弃用于 ${term.deprecatedIn}`);
  if (term.removedIn) parts.push(`移除或退役于 ${term.removedIn}`);
  if (term.changedIn) parts.push(`自 ${term.changedIn} 起不再成立`);
  return parts.join('，');
}

const HOW_TO_NOTE = '请在它所在的段落（或整个列表、表格、代码块）后紧跟 :::caution[编者更正]，或在同一句写明状态和版本（如“自 1.33 起弃用”）';

/** How to note an occurrence, by where it is: a diagram and the frontmatter cannot hold an aside. */
const HOW_TO: Record<Place, string> = {
  prose: HOW_TO_NOTE,
  code: HOW_TO_NOTE,
  diagram: '图里放不下提示框：编者画的图请直接改图；图来自原笔记时，在整张图（mermaid 代码块）后紧跟 :::caution[编者更正] 说明',
  frontmatter:
    '标题、摘要和其他问法里放不下提示框：请在正文里说明同一说法（写进 :::caution[编者更正] 或 :::tip[编者补充]，或紧跟在提到它的段落后），或在这一句里写明状态和版本',
};

function termMessage(term: Term, found: string, place: Place, where = place === 'diagram' ? 'Mermaid 图里的' : ''): string {
  // A command continued over lines (etcdctl … \\\n snapshot restore) is quoted on one line.
  const matched = found.replace(/\\\n/g, ' ').replace(/\s+/g, ' ');
  const replacement = term.replacements[matched.toLowerCase()] ?? term.replacements[matched] ?? term.replacement;
  const extra = term.message ? `；${term.message}` : '';
  return `${where}“${matched}” 已过时：${term.what}（${statusText(term)}），应改用 ${replacement}${extra}。${HOW_TO[place]}。参见 ${term.doc}`;
}

/** Manifests in a YAML block whose apiVersion (and kind) the current release no longer serves. */
function checkRemovedApis(file: string, body: string, unit: Unit, data: Deprecations): Diagnostic[] {
  const node = unit.yaml!;
  if (unit.editorial || unit.corrected) return [];
  // The code value starts on the line after the opening fence.
  const fenceEnd = body.indexOf('\n', unit.start) + 1;
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(node.value, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) return [];
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) continue; // reported by the YAML syntax check
    const manifest: unknown = doc.toJS();
    if (!isManifest(manifest)) continue;
    const removed = removedApiOf(manifest, data.removedApis, data.currentKubernetes);
    if (!removed) continue;
    const valueNode = doc.get('apiVersion', true) as { range?: [number, number, number] } | undefined;
    const offset = valueNode?.range?.[0] ?? doc.range[0];
    const lineStart = node.value.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = node.value.indexOf('\n', offset);
    const line = node.value.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const [s, e] = sentenceAround(line, offset - lineStart, offset - lineStart + manifest.apiVersion.length);
    if (statesVersionedStatus(line.slice(s, e), offset - lineStart - s, offset - lineStart - s + manifest.apiVersion.length)) continue;
    const pos = lineCounter.linePos(offset);
    const { line: fileLine } = positionAt(body, fenceEnd);
    const kinds = removed.kinds ? `的 ${manifest.kind}` : '';
    out.push(
      error(
        file,
        fileLine + pos.line - 1,
        pos.col,
        'deprecated/removed-api',
        `${manifest.apiVersion}${kinds} 已在 Kubernetes ${removed.removedIn} 移除，${data.currentKubernetes} 的 API server 不再接受这个清单：应改用 ${removed.replacement}。${HOW_TO_NOTE}。参见 https://kubernetes.io/zh-cn/docs/reference/using-api/deprecation-guide/`,
      ),
    );
  }
  return out;
}
