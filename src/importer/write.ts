import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseFrontmatter } from '../checks/frontmatter.ts';
import { importNote } from './pipeline.ts';
import { readProvenance } from './provenance.ts';
import { expandRanges, sha256, unaccountedLines, type ImportReport } from './report.ts';
import type { DropReason } from './types.ts';
import { FAMILY_LABELS, type Family } from './evidence.ts';
import { findDuplicates, type Duplicate, type ExistingPage } from './similar.ts';
import { parse } from 'yaml';
import { sourceSchema } from '../content-model/question.ts';
import { ImportError } from './errors.ts';

export interface WriteOptions {
  outDir: string;
  force?: boolean;
  dryRun?: boolean;
}

interface Existing {
  path: string;
  id: string;
  title: string;
  topic: string;
  text: string;
  sources: { note: string; line: number; endLine?: number }[];
}

/** Pages already in the docs folder, with the ids and note lines they claim. */
function readExisting(outDir: string): Existing[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    if (!name.endsWith('.mdx')) return [];
    const path = join(outDir, name);
    // A page with broken frontmatter claims nothing here; `npm run check` reports it.
    const source = readFileSync(path, 'utf8');
    const data = parseFrontmatter(path, source).frontmatter?.data as
      | { id?: unknown; title?: unknown; topic?: unknown; sources?: { note: string; line: number; endLine?: number }[] }
      | undefined;
    if (typeof data?.id !== 'string') return [];
    const text = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    return [{ path, id: data.id, title: String(data.title ?? ''), topic: String(data.topic ?? ''), text, sources: data.sources ?? [] }];
  });
}

/** Topic ids of `content/topics.yaml` next to the docs folder, when there is one. */
function readTopics(outDir: string): string[] | undefined {
  const path = join(outDir, '..', 'topics.yaml');
  if (!existsSync(path)) return undefined;
  const list = parse(readFileSync(path, 'utf8')) as { id?: unknown }[] | null;
  return Array.isArray(list) ? list.flatMap((t) => (typeof t?.id === 'string' ? [t.id] : [])) : undefined;
}

/** `note.txt`, `note.md`, `note` → `note.report.json`: never the note itself, whatever its extension. */
export const reportPath = (notePath: string) => `${notePath.replace(/\.[^./\\]+$/, '')}.report.json`;

function readReport(notePath: string): ImportReport | null {
  const path = reportPath(notePath);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ImportReport) : null;
}

/**
 * Import notes into `outDir`. An entry is written when its file is new, or still byte-identical to
 * what the last import wrote. It is skipped, and said so, when an editor changed it, deleted it
 * (merged elsewhere), or when a hand-made page already cites the same question in its `sources`.
 */
const SET_ASIDE_LABELS: Partial<Record<DropReason, string>> = {
  preface: '问题之前的开场白',
  epilogue: '文末',
  'small-talk': '寒暄',
  furniture: '来源网站的页面元素',
  metadata: '题目属性',
  'lost-image': '丢失的图片和图注',
};

export function importNotes(notePaths: readonly string[], options: WriteOptions): { ok: boolean; log: string[] } {
  const log: string[] = [];
  let ok = true;
  const existing = readExisting(options.outDir);
  // Ids given to entries of the notes before this one in the same run: two notes asking `什么是 CNI？` get two pages.
  const claimed = new Set<string>();
  for (const notePath of notePaths) {
    const note = basename(notePath);
    // Every page names its note in `sources`; a name the schema refuses would fail the build after the import.
    if (!sourceSchema.safeParse({ note, line: 1 }).success) {
      throw new ImportError(notePath, undefined, '笔记的文件名只能用英文字母、数字、“.”“-”“_”，并以 .txt、.md 或 .markdown 结尾（页面的 sources.note 只接受这样的名字）：请改名后再导入，例如网页源码另存为 .txt');
    }
    const previous = readReport(notePath);
    const ours = new Map((previous?.entries ?? []).map((e) => [e.line, e]));
    const ownIds = new Set((previous?.entries ?? []).map((e) => e.id));
    const taken = new Set([...existing.filter((e) => !ownIds.has(e.id)).map((e) => e.id), ...[...claimed].filter((id) => !ownIds.has(id))]);
    // Pages that came from this very note are its own earlier import, not duplicates of it.
    const others = existing.filter((e) => !ownIds.has(e.id) && !e.sources.some((src) => src.note === note));
    const pages: ExistingPage[] = others.map((e) => ({ id: e.id, topic: e.topic, title: e.title, text: e.text, path: relative(options.outDir, e.path) }));
    const result = importNote(readFileSync(notePath), note, {
      provenance: readProvenance(notePath),
      takenIds: taken,
      previousIds: new Map([...ours].map(([line, e]) => [line, e.id])),
      pages,
      topics: readTopics(options.outDir),
    });
    const missing = unaccountedLines(result.report);
    if (missing.length > 0) {
      ok = false;
      log.push(`${notePath}: 有 ${missing.length} 行没有去处（第 ${missing.slice(0, 10).join('、')} 行…），这是导入器的 bug，未写入任何文件`);
      continue;
    }
    for (const entry of result.entries) claimed.add(entry.id);
    let written = 0;
    const skipped: string[] = [];
    const coveredBy = new Map<number, { id: string; path: string }>();
    for (const entry of result.entries) {
      const target = join(options.outDir, entry.path);
      const before = ours.get(entry.titleLine);
      const previousFile = before && !before.coveredBy ? join(options.outDir, before.path) : null;
      const curated = existing.find(
        (e) => e.path !== previousFile && e.sources.some((s) => s.note === note && s.line <= entry.titleLine && entry.titleLine <= (s.endLine ?? s.line)),
      );
      if (curated && !options.force) {
        skipped.push(`${entry.id}：已由 ${relative('.', curated.path)} 收录（它的 sources 含第 ${entry.titleLine} 行）`);
        coveredBy.set(entry.titleLine, { id: curated.id, path: relative(options.outDir, curated.path) });
        continue;
      }
      if (before && previousFile && !options.force) {
        if (!existsSync(previousFile)) {
          skipped.push(`${entry.id}：${relative('.', previousFile)} 导入后被删除（合并或移走了），不再重建`);
          continue;
        }
        if (sha256(readFileSync(previousFile, 'utf8')) !== before.hash) {
          skipped.push(`${entry.id}：${relative('.', previousFile)} 导入后被人工修改过，保留不动（--force 可覆盖）`);
          continue;
        }
      } else if (existsSync(target) && !options.force) {
        skipped.push(`${entry.id}：${relative('.', target)} 已存在且不是导入器写的，保留不动`);
        continue;
      }
      if (existsSync(target) && readFileSync(target, 'utf8') === entry.mdx) continue;
      if (!options.dryRun) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, entry.mdx);
      }
      written++;
    }
    const duplicates = new Map<number, Duplicate[]>();
    for (const entry of result.entries) {
      if (coveredBy.has(entry.titleLine)) continue;
      const found = findDuplicates(entry.title, entry.mdx, pages);
      if (found.length > 0) duplicates.set(entry.titleLine, found);
    }
    // Entries the editors keep (edited, merged) keep their recorded hash, so the next import still recognises them.
    const report = {
      ...result.report,
      entries: result.report.entries.map((e0) => {
        const dup = duplicates.get(e0.line);
        const e = dup ? { ...e0, duplicates: dup.map((d) => ({ url: d.url, path: d.path, score: d.score })) } : e0;
        // The question lives in a page the editors wrote or merged: record that page, not a draft id.
        const covered = coveredBy.get(e.line);
        if (covered) return { ...e, id: covered.id, path: covered.path, coveredBy: covered.path };
        const keep = ours.get(e.line);
        return keep && skipped.some((s) => s.startsWith(`${e.id}：`)) ? { ...e, hash: keep.hash } : e;
      }),
    };
    if (!options.dryRun) writeFileSync(reportPath(notePath), `${JSON.stringify(report, null, 2)}\n`);
    const r = result.report;
    log.push(
      `${notePath}（${r.formatLabel}）：${r.entries.length} 个条目，写入 ${written}，跳过 ${skipped.length}；` +
        `待补充 ${r.entries.filter((e) => e.status === 'needs-answer').length}，部分缺失 ${r.entries.filter((e) => e.status === 'partial').length}；` +
        `YAML ${r.yaml.blocks} 块（重排缩进 ${r.yaml.reindented}，通过校验 ${r.yaml.validated}，未通过 ${r.yaml.failed}）`,
    );
    const counts = Object.entries(result.doc.passCounts ?? {}).map(([k, v]) => `${k} ${v}`).join('，');
    const family = result.doc.family ? (FAMILY_LABELS[result.doc.family as Family] ?? result.doc.family) : `损坏特征：${result.report.formatLabel}`;
    log.push(`  结构：${family}，${result.entries.length} 个问题；各 pass 处理数：${counts}`);
    // What went to the report instead of a page, by reason: the lines a reviewer reads in `setAside`.
    const aside = Object.entries(SET_ASIDE_LABELS).flatMap(([reason, label]) => {
      const n = expandRanges(r.dropped[reason as DropReason] ?? '').length;
      return n > 0 ? [`${label} ${n} 行`] : [];
    });
    if (aside.length > 0) log.push(`  挪进报告 setAside：${aside.join('，')}`);
    for (const entry of result.entries) {
      const dup = duplicates.get(entry.titleLine);
      if (dup) log.push(`  ${entry.id}（${note}:${entry.titleLine}，${entry.topic}）疑似重复：${dup.map((d) => `${d.url} ${d.score.toFixed(2)}`).join('，')}`);
    }
    for (const s of skipped) log.push(`  跳过 ${s}`);
    for (const w of r.warnings) log.push(`  警告 ${note}${w.line ? `:${w.line}` : ''} ${w.message}`);
  }
  return { ok, log };
}
