/**
 * Self-assessment marks (会 / 不熟 / 不会) kept in the reader's browser only: no accounts, no server.
 * This module is shared by the practice page, progress bars and list filters, so it must stay
 * browser-safe and tiny (no imports from the content model, which would pull Zod into the bundle).
 */

/** Bump the suffix, and add a migration in `readMarks`, whenever the stored shape changes. */
export const MARKS_KEY = 'k8s-notes:marks:v1';
export const MARKS_VERSION = 1;
/** Identifies our export files, so importing some unrelated JSON fails with a clear message. */
export const MARKS_APP = 'k8s-interview-notes';

export const GRADES = ['know', 'shaky', 'dont'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { know: '会', shaky: '不熟', dont: '不会' };

export interface Mark {
  grade: Grade;
  /** When the reader last graded the question (ISO 8601); newer wins when merging an import. */
  at: string;
}
export type Marks = Record<string, Mark>;

export interface MarksFile {
  app: typeof MARKS_APP;
  version: typeof MARKS_VERSION;
  exportedAt: string;
  marks: Marks;
}

// Same rule as the content model's ID_PATTERN; duplicated to keep this module dependency-free.
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An export is a few KiB; anything far larger is not ours and is not worth parsing. */
export const MAX_IMPORT_BYTES = 1_000_000;

const isGrade = (v: unknown): v is Grade => typeof v === 'string' && (GRADES as readonly string[]).includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps only well-formed entries; returns how many were dropped so the UI can say so. */
function cleanMarks(raw: unknown): { marks: Marks; skipped: number } {
  const marks: Marks = {};
  let skipped = 0;
  if (!isObject(raw)) return { marks, skipped };
  for (const [id, value] of Object.entries(raw)) {
    if (ID.test(id) && id.length <= 60 && isObject(value) && isGrade(value.grade) && typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at))) {
      marks[id] = { grade: value.grade, at: value.at };
    } else {
      skipped++;
    }
  }
  return { marks, skipped };
}

export type ParseResult = { ok: true; marks: Marks; skipped: number } | { ok: false; error: string };

/** Validates an exported marks file (as text); errors are user-facing Chinese messages. */
export function parseMarksFile(text: string): ParseResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: '文件太大，不像是本站导出的标记文件。' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: '文件不是合法的 JSON。' };
  }
  if (!isObject(data) || data.app !== MARKS_APP) return { ok: false, error: '这不是本站导出的标记文件。' };
  if (data.version !== MARKS_VERSION) {
    return { ok: false, error: `不支持的文件版本 ${String(data.version)}（当前为 ${MARKS_VERSION}），请用新版页面重新导出。` };
  }
  if (!isObject(data.marks)) return { ok: false, error: '文件缺少 marks 字段。' };
  return { ok: true, ...cleanMarks(data.marks) };
}

export function serializeMarks(marks: Marks, now: Date = new Date()): string {
  const file: MarksFile = { app: MARKS_APP, version: MARKS_VERSION, exportedAt: now.toISOString(), marks };
  return `${JSON.stringify(file, null, 2)}\n`;
}

type Reader = Pick<Storage, 'getItem'>;
type Writer = Pick<Storage, 'setItem' | 'removeItem'>;

/** Never throws: storage can be disabled, full, or hold a value written by a broken build. */
export function readMarks(storage: Reader | undefined): Marks {
  try {
    const text = storage?.getItem(MARKS_KEY);
    if (!text) return {};
    const data: unknown = JSON.parse(text);
    return isObject(data) && data.version === MARKS_VERSION ? cleanMarks(data.marks).marks : {};
  } catch {
    return {};
  }
}

/** Returns false when the browser refuses to store (private mode, quota); marks then last for the visit. */
export function writeMarks(storage: Writer | undefined, marks: Marks): boolean {
  try {
    if (!storage) return false;
    if (Object.keys(marks).length === 0) storage.removeItem(MARKS_KEY);
    else storage.setItem(MARKS_KEY, JSON.stringify({ version: MARKS_VERSION, marks }));
    return true;
  } catch {
    return false;
  }
}

export function setMark(marks: Marks, id: string, grade: Grade, now: Date = new Date()): Marks {
  return { ...marks, [id]: { grade, at: now.toISOString() } };
}

/** Import merges rather than replaces, so bringing in an old export never loses newer work. */
export function mergeMarks(current: Marks, incoming: Marks): Marks {
  const merged: Marks = { ...current };
  for (const [id, mark] of Object.entries(incoming)) {
    const mine = merged[id];
    if (!mine || Date.parse(mark.at) > Date.parse(mine.at)) merged[id] = mark;
  }
  return merged;
}

export interface Tally {
  total: number;
  know: number;
  shaky: number;
  dont: number;
  unmarked: number;
}

/** Counts over the given questions only; marks for ids that no longer exist are ignored. */
export function tally(ids: readonly string[], marks: Marks): Tally {
  const t: Tally = { total: ids.length, know: 0, shaky: 0, dont: 0, unmarked: 0 };
  for (const id of ids) {
    const grade = marks[id]?.grade;
    if (grade) t[grade]++;
    else t.unmarked++;
  }
  return t;
}

export const SCOPES = ['all', 'unmarked', 'shaky', 'dont', 'important'] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<Scope, string> = {
  all: '全部题目',
  unmarked: '还没标记的',
  shaky: '标为“不熟”的',
  dont: '标为“不会”的',
  important: '常考和高频题',
};

export interface SessionQuestion {
  id: string;
  topic: string;
  importance: number;
}

export interface SessionOptions {
  /** A topic id, or '' for every topic. */
  topic: string;
  scope: Scope;
  shuffle: boolean;
}

/** The ids to practise, in page order or shuffled (Fisher–Yates; `random` is injectable for tests). */
export function selectSession(
  questions: readonly SessionQuestion[],
  options: SessionOptions,
  marks: Marks,
  random: () => number = Math.random,
): string[] {
  const keep = (q: SessionQuestion): boolean => {
    if (options.topic && q.topic !== options.topic) return false;
    switch (options.scope) {
      case 'unmarked':
        return !marks[q.id];
      case 'shaky':
      case 'dont':
        return marks[q.id]?.grade === options.scope;
      case 'important':
        // 常考 (2) and 高频 (3): what to revise first before an interview. Only 高频 would leave
        // this scope empty for most topics, since few questions are marked 高频.
        return q.importance >= 2;
      default:
        return true;
    }
  };
  const ids = questions.filter(keep).map((q) => q.id);
  if (options.shuffle) {
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
  }
  return ids;
}
