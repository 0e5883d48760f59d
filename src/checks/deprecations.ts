import type { Code, Nodes, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { LineCounter, parseAllDocuments } from 'yaml';
import { isManifest, removedApiOf } from '../lib/k8s-validate.ts';
import { checkCompanions } from './companions.ts';
import type { Deprecations, Term } from './deprecations-data.ts';
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
}

export function checkOutdated(input: OutdatedInput, data: Deprecations): Diagnostic[] {
  return [
    ...checkTerms(input.file, input.body, input.tree, data),
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

function checkTerms(file: string, body: string, tree: Root, data: Deprecations): Diagnostic[] {
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
  const textTerms = data.terms;
  const proseTerms = textTerms.filter((t) => t.id !== 'removed-api');
  for (const unit of units) {
    const text = maskedSource(body, unit);
    // In YAML the manifest check below owns apiVersions (it also knows the kinds).
    for (const match of findTerms(text, unit.yaml ? proseTerms : textTerms)) {
      const { term } = match;
      if (term.scope === 'page') {
        if (firstOnPage.has(term.id)) continue;
        firstOnPage.add(term.id);
      }
      if (unit.editorial || unit.corrected) continue;
      const sentence = text.slice(...match.sentence);
      const at = match.index - match.sentence[0];
      if (statesVersionedStatus(sentence, at, at + match.text.length)) continue;
      const { line, column } = positionAt(body, unit.start + match.index);
      out.push(error(file, line, column, `deprecated/${term.id}`, termMessage(term, match.text)));
    }
    if (unit.yaml) out.push(...checkRemovedApis(file, body, unit, data));
  }
  return out;
}

function collectUnits(node: RootContent, ctx: { editorial: boolean; corrected: boolean }, out: Unit[]) {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return;
  const base: Unit = { start: pos.start.offset, end: pos.end.offset, node, ...ctx };
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'html':
      out.push(base);
      return;
    case 'code': {
      const lang = node.lang?.toLowerCase();
      out.push(lang === 'yaml' || lang === 'yml' ? { ...base, yaml: node } : base);
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

function statusText(term: { deprecatedIn?: string; removedIn?: string }): string {
  const parts = [];
  if (term.deprecatedIn) parts.push(`弃用于 ${term.deprecatedIn}`);
  if (term.removedIn) parts.push(`移除或退役于 ${term.removedIn}`);
  return parts.join('，');
}

const HOW_TO_NOTE = '请在它所在的段落（或整个列表、表格、代码块）后紧跟 :::caution[编者更正]，或在同一句写明状态和版本（如“自 1.33 起弃用”）';

function termMessage(term: Term, found: string): string {
  // A command continued over lines (etcdctl … \\\n snapshot restore) is quoted on one line.
  const matched = found.replace(/\\\n/g, ' ').replace(/\s+/g, ' ');
  const replacement = term.replacements[matched.toLowerCase()] ?? term.replacements[matched] ?? term.replacement;
  const extra = term.message ? `；${term.message}` : '';
  return `“${matched}” 已过时：${term.what}（${statusText(term)}），应改用 ${replacement}${extra}。${HOW_TO_NOTE}。参见 ${term.doc}`;
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
