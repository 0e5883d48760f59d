import { ANSWER_LABEL, QUESTION_LABEL } from '../evidence.ts';
import { isBlank } from '../text.ts';
import type { Drop, Pass, Section } from '../types.ts';
import { counted } from './note-lines.ts';

/**
 * A question bank files each question with bookkeeping before its answer (`难度：★★★`,
 * `考察点：调度`, `出现频率：高`, `Tags: …`). Whatever the fields are called, they are the short
 * `名称：值` lines that open most answers under the same names: set aside in the report, not
 * shown as the answer's first lines. A field that says how often the question is asked gives the
 * entry its importance.
 */
const FIELD = /^\s*(?:\*\*)?([^\s:：*#>|`-][^:：*]{0,9}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(\S.{0,39}?)\s*$/;
const FREQUENCY = /频率|频次|考频|热度|常考|出现|重要|frequency|importance|priority/i;
/** Names a question bank files its questions under; an answer's own `定义：…` or `作用：…` is not one. */
const BOOKKEEPING = /难度|难易|考察|考点|知识点|频率|频次|考频|热度|常考|重要|标签|分类|类别|题型|来源|出处|公司|岗位|面试官|轮次|日期|时间|耗时|分值|掌握|level|difficulty|tags?|category|topic|source|company|frequency|importance|priority|date/i;
/** A rating (`★★★`, `高`, `hard`, `3/5`): whatever the field is called, it grades the question. */
const RATING = /^(?:[★☆⭐]+|[高中低]|较?[难易]|中等|简单|困难|easy|medium|hard|high|low|\d(?:\s*\/\s*\d)?)$/i;

function importanceOf(value: string): 1 | 2 | 3 | undefined {
  const v = value.trim();
  if (/^(?:高|很高|极高|高频|必考|high|★{3,}|⭐{3,})/i.test(v)) return 3;
  if (/^(?:中|较高|一般|常考|medium|★★|⭐⭐)/i.test(v)) return 2;
  if (/^(?:低|较低|偶尔|low|★|⭐)/i.test(v)) return 1;
  return undefined;
}

/** The `名称：值` lines that open an answer, before its first other line. */
function openingFields(s: Section): { index: number; key: string; value: string }[] {
  const out: { index: number; key: string; value: string }[] = [];
  for (let i = 0; i < s.lines.length; i++) {
    const t = s.lines[i]!.text;
    if (isBlank(t)) continue;
    const m = FIELD.exec(t);
    if (!m || ANSWER_LABEL.test(t) || QUESTION_LABEL.test(t.trim()) || /[。！？!?；;]$/.test(m[2]!) || /^https?$/i.test(m[1]!)) break;
    out.push({ index: i, key: m[1]!.trim().toLowerCase(), value: m[2]! });
  }
  return out;
}

export const setAsideQuestionMetadata: Pass = (doc) => {
  if (doc.sections.length < 2) return { ...doc, passCounts: counted(doc, 'question-metadata', 0) };
  const fields = doc.sections.map(openingFields);
  const seen = new Map<string, number>();
  for (const f of fields) for (const key of new Set(f.map((x) => x.key))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const values = new Map<string, string[]>();
  for (const f of fields.flat()) values.set(f.key, [...(values.get(f.key) ?? []), f.value]);
  const shared = new Set(
    [...seen].filter(([key, n]) => n >= 2 && n >= doc.sections.length * 0.5 && (BOOKKEEPING.test(key) || values.get(key)!.every((v) => RATING.test(v)))).map(([key]) => key),
  );
  if (shared.size === 0) return { ...doc, passCounts: counted(doc, 'question-metadata', 0) };
  const drops: Drop[] = [...doc.drops];
  const setAside = [...(doc.setAside ?? [])];
  let changed = 0;
  const sections = doc.sections.map((s, k) => {
    // Only the opening run up to the first field that is not shared: a later `原因：…` is the answer's.
    const run: typeof fields[number] = [];
    for (const f of fields[k]!) {
      if (!shared.has(f.key)) break;
      run.push(f);
    }
    if (run.length === 0) return s;
    const gone = new Set(run.map((f) => f.index));
    let importance = s.importance;
    for (const f of run) {
      const line = s.lines[f.index]!;
      drops.push(...line.src.map((n) => ({ line: n, reason: 'metadata' as const })));
      setAside.push(...line.src.map((n) => ({ line: n, text: line.text, reason: 'metadata' as const })));
      if (FREQUENCY.test(f.key)) importance = importanceOf(f.value) ?? importance;
      changed++;
    }
    return { ...s, lines: s.lines.filter((_, i) => !gone.has(i)), ...(importance ? { importance } : {}) };
  });
  return { ...doc, sections, drops, setAside, passCounts: counted(doc, 'question-metadata', changed) };
};
