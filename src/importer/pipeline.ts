import { classifyTopic, tagsFor } from './classify-topic.ts';
import { decodeNote } from './decode.ts';
import { damageEvidence } from './detect-format.ts';
import { findStructure } from './evidence.ts';
import { segmentByEvidence } from './segment.ts';
import { nearestTopic, type ExistingPage } from './similar.ts';
import { counting, materializeFences, outsideFences } from './passes/general-helpers.ts';
import { circledLists, dedentAnswers, fenceBareCode, joinSoftBreaks, markdownBullets, splitPlainParagraphs, stripAnswerLabels, unwrapAnswerLayout } from './passes/answer-text.ts';
import { buildRemarkBlocks } from './passes/build-remark-blocks.ts';
import { checkYamlBlocks } from './passes/check-yaml.ts';
import { stripFrontMatter, stripLinePrefix } from './passes/note-lines.ts';
import { setextHeadings, stripExportMarkup, stripIdeographicIndent, tableRowsToQuestions, unwrapCallouts, unwrapHtmlResidue } from './passes/note-markup.ts';
import { ImportError } from './errors.ts';
import { segmentGithubView, stripGithubChrome } from './formats/github-view.ts';
import { segmentHexoBlog } from './formats/hexo-blog.ts';
import { segmentQaBlog, segmentQaPlain } from './formats/qa-numbered.ts';
import { segmentTutorial } from './formats/tutorial.ts';
import { buildHexoBlocks, buildPlainBlocks } from './passes/build-blocks.ts';
import { buildMarkdown } from './passes/build-markdown-blocks.ts';
import { buildTutorial } from './passes/build-tutorial-blocks.ts';
import { delimitedRows } from './passes/delimited-rows.ts';
import { markFurniture } from './passes/furniture.ts';
import { outlineToList } from './passes/outline.ts';
import { setAsideQuestionMetadata } from './passes/question-metadata.ts';
import { flagResidue } from './passes/residue.ts';
import { dedupeDoubledBlocks } from './passes/dedupe-blocks.ts';
import { drawFlowsAsMermaid } from './passes/flows-to-mermaid.ts';
import { joinSplitInlineCode } from './passes/join-inline-code.ts';
import { markLostContent } from './passes/mark-losses.ts';
import { normalizeLineSpaces } from './passes/normalize-spaces.ts';
import { joinHardWraps, stripPageChrome } from './passes/page-layout.ts';
import { htmlSource } from './passes/html-source.ts';
import { resolveReferenceLinks } from './passes/reference-links.ts';
import { reindentYamlBlocks } from './passes/reindent-yaml.ts';
import { repairBrokenBold } from './passes/repair-bold.ts';
import { tidyTypography } from './passes/typography.ts';
import { unglueCode } from './passes/unglue-code.ts';
import type { Provenance } from './provenance.ts';
import { renderEntry, type Frontmatter } from './render-mdx.ts';
import { buildReport, sha256, type ImportReport } from './report.ts';
import { entryId, uniqueId } from './slug.ts';
import type { Block, Doc, Format, Line, Pass, Section } from './types.ts';

/**
 * The repair passes for the damage a note shows. Which ones run is decided by evidence in the text
 * (see `damageEvidence`): a line gutter, headings flattened to `# `, code blocks printed twice
 * with their language glued on, Chinese sections numbered once through the page, code glued to
 * the next sentence. Where none of those signatures is found, the general path finds the question
 * structure itself: evidence → segments → passes → MDX.
 */
export function passesFor(format: Format, provenance: Provenance | null, doc?: Doc): Pass[] {
  const finish = [reindentYamlBlocks, drawFlowsAsMermaid, markLostContent, tidyTypography];
  switch (format) {
    case 'qa-plain':
      return [segmentQaPlain, normalizeLineSpaces, unglueCode, dedupeDoubledBlocks, joinSplitInlineCode, repairBrokenBold, buildPlainBlocks, ...finish];
    case 'qa-blog':
      return [segmentQaBlog, normalizeLineSpaces, dedupeDoubledBlocks, unglueCode, joinSplitInlineCode, repairBrokenBold, buildPlainBlocks, ...finish];
    case 'hexo-blog':
      return [segmentHexoBlog, normalizeLineSpaces, repairBrokenBold, joinSplitInlineCode, buildHexoBlocks, ...finish];
    case 'github-view':
      return [stripGithubChrome, segmentGithubView, buildMarkdown, reindentYamlBlocks, drawFlowsAsMermaid, tidyTypography];
    case 'tutorial':
      return [(doc) => segmentTutorial(doc, provenance?.entryHeadings), normalizeLineSpaces, buildTutorial, ...finish];
    case 'general':
      return generalPasses(doc);
  }
}

/** The general path. Every repair is safe on a note without its damage: each acts only where its evidence is. */
function generalPasses(start?: Doc): Pass[] {
  // Whether the note has code fences of its own (in quotes too), or gets them back from its copy's markup:
  // only a note without any may have inline code split over lines.
  const hasFences = (lines: readonly Line[]) => lines.some((l) => /^\s*(?:>\s?)*\s*(`{3,}|~{3,})/.test(l.text));
  let fenced = start ? hasFences(start.lines) : false;
  let questionDepth = 1;
  return [
    htmlSource,
    stripFrontMatter,
    // A callout quotes every line of its answer: unwrap it before a `> ` on most lines can pass for page decoration.
    unwrapCallouts,
    stripLinePrefix,
    markFurniture,
    delimitedRows,
    outlineToList,
    stripPageChrome,
    joinHardWraps,
    stripExportMarkup,
    unwrapHtmlResidue,
    tableRowsToQuestions,
    setextHeadings,
    (doc) => {
      fenced ||= hasFences(doc.lines);
      return doc;
    },
    (doc) => {
      const cut = segmentByEvidence(doc);
      const level = cut.structure.questions[0]?.level;
      if (cut.structure.family === 'heading' && level) questionDepth = level;
      const { structure: _structure, ...rest } = cut;
      return { ...rest, passCounts: { ...(rest.passCounts ?? {}), questions: rest.sections.length, groups: cut.structure.groups.length, 'restated-headings': cut.structure.restated.length } };
    },
    setAsideQuestionMetadata,
    flagResidue,
    unwrapAnswerLayout,
    resolveReferenceLinks,
    stripIdeographicIndent,
    stripAnswerLabels,
    dedentAnswers,
    normalizeLineSpaces,
    outsideFences('doubled-blocks', dedupeDoubledBlocks),
    materializeFences,
    outsideFences('glued-code', unglueCode),
    (doc) => (fenced ? doc : counting('split-inline-code', joinSplitInlineCode)(doc)),
    outsideFences('broken-bold', repairBrokenBold),
    markdownBullets,
    circledLists,
    joinSoftBreaks,
    fenceBareCode,
    splitPlainParagraphs,
    (doc) => buildRemarkBlocks(questionDepth)(doc),
    checkYamlBlocks,
    tidyTypography,
  ];
}

export interface Entry {
  id: string;
  topic: string;
  title: string;
  titleLine: number;
  /** Path under the docs folder: `<topic>/<id>.mdx`. */
  path: string;
  frontmatter: Frontmatter;
  mdx: string;
  /** Raw line numbers this entry accounts for. */
  lines: number[];
  hash: string;
}

export interface ImportResult {
  note: string;
  format: Format;
  doc: Doc;
  entries: Entry[];
  report: ImportReport;
}

export interface ImportOptions {
  provenance?: Provenance | null;
  /** Ids already used by other entries (other notes, hand-written pages): new ones avoid them. */
  takenIds?: Set<string>;
  /** Ids given by an earlier import, by title line: a permalink, once published, never changes. */
  previousIds?: ReadonlyMap<number, string>;
  /** Pages already on the site: a new entry with no clear topic of its own takes the topic of its nearest page. */
  pages?: readonly ExistingPage[];
  /** Topic ids of content/topics.yaml: an entry is only ever classified into one of them. */
  topics?: readonly string[];
}

const contentBlocks = (blocks: readonly Block[]) => blocks.filter((b) => b.type !== 'heading' && !(b.type === 'aside' && b.src.length === 0));

const plain = (t: string) => t.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

function describe(blocks: readonly Block[]): string | undefined {
  const first = blocks.find((b) => b.type === 'para' && b.text.length >= 12);
  if (!first || first.type !== 'para') return undefined;
  const t = plain(first.text);
  return t.length > 120 ? `${t.slice(0, 118)}…` : t;
}

/**
 * Which path a note takes. A damage signature routes it to the repairs written for that damage,
 * unless the general structure finder disagrees with their segmentation (a note that merely
 * resembles the damage).
 */
export function chooseRoute(lines: readonly Line[], note: string, provenance: Provenance | null): Format {
  const damage = damageEvidence(lines);
  if (!damage) return 'general';
  // Markup the general path knows how to undo (HTML residue with its code blocks' labels and gutters,
  // callouts, a Q | A table) is evidence of a different copy than the damage the signature was written for.
  const probe: Doc = { note, format: 'general', lines: [...lines], sections: [], drops: [], warnings: [], yaml: { blocks: 0, reindented: 0, validated: 0, failed: 0 } };
  const markup = [unwrapCallouts, unwrapHtmlResidue, tableRowsToQuestions].reduce((d, pass) => pass(d), probe);
  if (Object.values(markup.passCounts ?? {}).some((n) => n > 0)) return 'general';
  // Headings flattened to `# ` and a file page's gutter are damage to the structure itself: the general finder would trust it.
  if (damage === 'tutorial' || damage === 'github-view') return damage;
  const start: Doc = { note, format: damage, lines: [...lines], sections: [], drops: [], warnings: [], yaml: { blocks: 0, reindented: 0, validated: 0, failed: 0 } };
  const segmented = passesFor(damage, provenance).slice(0, 1).reduce((d, pass) => pass(d), start);
  // The repairs for the damage apply when their segmentation agrees with the evidence: every
  // question the general finder sees is also one of theirs (they may know more, such as bare titles).
  const theirs = new Set(segmented.sections.map((sec) => sec.titleSrc[0]));
  const general = findStructure(lines)?.questions ?? [];
  return general.every((q) => theirs.has(lines[q.index]!.src[0])) ? damage : 'general';
}

/**
 * A new entry's topic: from its own words first, then from the heading that grouped it in the
 * note (`## 网络`), then from the most similar page already on the site; always a known topic.
 */
function chooseTopic(title: string, context: string, hint: string | undefined, options: ImportOptions): string {
  const known = (t: string | null | undefined) => (t && (!options.topics || options.topics.includes(t)) ? t : null);
  return (
    known(classifyTopic(title, context)) ??
    known(hint ? classifyTopic(hint) : null) ??
    known(options.pages ? nearestTopic(title, options.pages) : null) ??
    known('architecture') ??
    options.topics?.[0] ??
    'architecture'
  );
}

/**
 * The repairs of a damage signature do not count their own work: count the answers each one
 * changed, so `--dry-run` can say what every pass did on any note.
 */
function countChanges(pass: Pass, doc: Doc): Doc {
  const before = doc.sections.map((s) => JSON.stringify([s.lines, s.blocks]));
  const out = pass(doc);
  // Before segmentation a pass works on the note's lines: count the lines it removed (gutters, page chrome).
  const changed =
    out.sections.length !== before.length
      ? out.sections.length
      : out.sections.filter((s, i) => JSON.stringify([s.lines, s.blocks]) !== before[i]).length + Math.max(0, out.drops.length - doc.drops.length);
  const name = pass.name || 'segment';
  return { ...out, passCounts: { ...(doc.passCounts ?? {}), [name]: (doc.passCounts?.[name] ?? 0) + changed } };
}

/** Raw note bytes → MDX entries and an import report accounting for every line. */
export function importNote(bytes: Uint8Array, note: string, options: ImportOptions = {}): ImportResult {
  const provenance = options.provenance ?? null;
  const decoded = decodeNote(bytes, note);
  const format = chooseRoute(decoded.lines, note, provenance);
  const start: Doc = {
    note,
    format,
    lines: decoded.lines,
    sections: [],
    drops: [],
    warnings: [...decoded.warnings],
    yaml: { blocks: 0, reindented: 0, validated: 0, failed: 0 },
  };
  const doc = passesFor(format, provenance, start).reduce((d, pass) => (format === 'general' ? pass(d) : countChanges(pass, d)), start);
  if (doc.sections.length === 0) throw new ImportError(note, undefined, '没有找到任何问题（或教程小节），没有生成条目');
  const taken = options.takenIds ?? new Set<string>();
  const entries = doc.sections.map((s) => toEntry(s, note, provenance, taken, options));
  return { note, format, doc, entries, report: buildReport(doc, entries, decoded.lines.length, bytes) };
}

function toEntry(section: Section, note: string, provenance: Provenance | null, taken: Set<string>, options: ImportOptions): Entry {
  const previousIds = options.previousIds;
  const titleLine = section.titleSrc[0]!;
  const override = provenance?.entries[String(titleLine)] ?? {};
  const title = override.title ?? section.title;
  const context = section.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])).join('\n');
  const topic = override.topic ?? chooseTopic(title, context, section.topicHint, options);
  const fixed = override.id ?? previousIds?.get(titleLine);
  const id = fixed && !taken.has(fixed) ? (taken.add(fixed), fixed) : uniqueId(fixed ?? entryId(title, topic), taken);
  const body = contentBlocks(section.blocks);
  const lines = [...new Set([...section.titleSrc, ...section.blank, ...section.blocks.flatMap((b) => b.src)])].sort((a, b) => a - b);
  const status = body.length === 0 ? 'needs-answer' : section.losses.length > 0 ? 'partial' : 'answered';
  // A title given by the editors replaces the note's heading on the page, not in the text: keep that heading.
  const heading = section.heading ?? section.title;
  const kept: Block[] = heading !== section.title || override.title ? [{ type: 'heading', depth: 2, text: heading, src: [] }] : [];
  // A question without an answer needs no text of its own: the page shows a 待补充 notice from its status.
  const blocks: Block[] = [...kept, ...section.blocks];
  const description = describe(section.blocks);
  const frontmatter: Frontmatter = {
    id,
    title,
    ...(description ? { description } : {}),
    topic,
    tags: tagsFor(title, context),
    importance: override.importance ?? section.importance ?? (section.starred ? 2 : 1),
    status,
    sources: [{ note, line: titleLine, ...(lines.at(-1)! > titleLine ? { endLine: lines.at(-1)! } : {}) }],
  };
  const mdx = renderEntry(frontmatter, blocks);
  return { id, topic, title, titleLine, path: `${topic}/${id}.mdx`, frontmatter, mdx, lines, hash: sha256(mdx) };
}
