import { createHash } from 'node:crypto';
import { FAMILY_LABELS, type Family } from './evidence.ts';
import { FORMAT_LABELS, type Doc, type DropReason, type Format, type Warning, type YamlStats } from './types.ts';

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export interface ReportEntry {
  id: string;
  /** Line of the question's title in the note: what ties an entry to its source across re-imports. */
  line: number;
  path: string;
  title: string;
  status: string;
  lines: string;
  hash: string;
  /** Set when a page written or merged by the editors already holds this question. */
  coveredBy?: string;
  /** Pages already on the site that likely ask the same question (set when importing into a living site). */
  duplicates?: { url: string; path: string; score: number }[];
}

/**
 * Where every line of a note went. `lines` are compact ranges (`1-26,30`). Written next to the
 * note as `<note>.report.json` and reviewed like code: a change in what was dropped shows in the diff.
 */
export interface ImportReport {
  note: string;
  sha256: string;
  format: Format;
  formatLabel: string;
  /** The question family found by the general path (absent for notes repaired by a damage signature). */
  family?: string;
  totalLines: number;
  entries: ReportEntry[];
  dropped: Partial<Record<DropReason, string>>;
  losses: { id: string; line: number; kind: string; detail: string }[];
  yaml: YamlStats;
  warnings: Warning[];
  /** Lines of the note that belong to no question (preface, epilogue), word for word. */
  setAside?: { line: number; text: string; reason?: DropReason }[];
}

export function ranges(numbers: Iterable<number>): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

export function expandRanges(spec: string): number[] {
  if (!spec) return [];
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
  });
}

export function buildReport(
  doc: Doc,
  entries: readonly { id: string; titleLine: number; path: string; title: string; frontmatter: { status: string }; lines: number[]; hash: string }[],
  totalLines: number,
  bytes: Uint8Array,
): ImportReport {
  const dropped: Partial<Record<DropReason, number[]>> = {};
  for (const d of doc.drops) (dropped[d.reason] ??= []).push(d.line);
  const ids = new Map(doc.sections.map((s, i) => [s, entries[i]!.id]));
  return {
    note: doc.note,
    sha256: sha256(bytes),
    format: doc.format,
    formatLabel: doc.family ? `${FORMAT_LABELS[doc.format]}：${FAMILY_LABELS[doc.family as Family] ?? doc.family}` : FORMAT_LABELS[doc.format],
    ...(doc.family ? { family: doc.family } : {}),
    totalLines,
    entries: entries.map((e) => ({ id: e.id, line: e.titleLine, path: e.path, title: e.title, status: e.frontmatter.status, lines: ranges(e.lines), hash: e.hash })),
    dropped: Object.fromEntries(Object.entries(dropped).map(([k, v]) => [k, ranges(v)])),
    losses: doc.sections.flatMap((s) => s.losses.map((l) => ({ id: ids.get(s)!, ...l }))),
    yaml: doc.yaml,
    warnings: doc.warnings,
    ...(doc.setAside?.length ? { setAside: doc.setAside } : {}),
  };
}

/** Raw line numbers the report does not account for: must be empty. */
export function unaccountedLines(report: ImportReport): number[] {
  const seen = new Set<number>();
  for (const e of report.entries) for (const n of expandRanges(e.lines)) seen.add(n);
  for (const spec of Object.values(report.dropped)) for (const n of expandRanges(spec ?? '')) seen.add(n);
  const missing: number[] = [];
  for (let n = 1; n <= report.totalLines; n++) if (!seen.has(n)) missing.push(n);
  return missing;
}
