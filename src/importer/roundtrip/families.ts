import type { SiteQuestion } from './site-questions.ts';

/**
 * Note generators: each renders questions and answers the way one family of copied notes writes
 * them. They exist to prove the importer finds the questions again, whatever the family.
 */
export interface NoteFamily {
  name: string;
  render(questions: readonly SiteQuestion[]): string;
  /** Code fences do not survive this family's copy: code comes back only by recognising it. */
  fencesLost?: boolean;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/** Body headings sit below the question's level. */
function shiftHeadings(body: readonly string[], by: number): string[] {
  let fenced = false;
  return body.map((l) => {
    if (FENCE.test(l)) fenced = !fenced;
    if (fenced) return l;
    const h = /^(#{1,6})\s+(.*)$/.exec(l);
    return h ? `${'#'.repeat(Math.min(6, h[1]!.length + by))} ${h[2]}` : l;
  });
}

/** Questions grouped by topic, in a stable order. */
function byTopic(questions: readonly SiteQuestion[]): [string, SiteQuestion[]][] {
  const groups = new Map<string, SiteQuestion[]>();
  for (const q of questions) (groups.get(q.topic) ?? groups.set(q.topic, []).get(q.topic)!).push(q);
  return [...groups];
}

/** What a plain-text copy keeps of Markdown: no fences, headings as plain lines, no blank lines. */
function plainText(body: readonly string[]): string[] {
  let fenced = false;
  return body.flatMap((l) => {
    if (FENCE.test(l)) {
      fenced = !fenced;
      return [];
    }
    if (l.trim() === '') return [];
    // Code lines are copied as they were; prose loses its heading and list markup to the page's styling.
    return [fenced ? l : l.replace(/^#{1,6}\s+/, '').replace(/^(\s*)[-*] /, '$1• ')];
  });
}

export const FAMILIES: NoteFamily[] = [
  {
    name: 'Markdown 标题（## 专题 / ### N. 问题）',
    render: (qs) =>
      ['# Kubernetes 面试题整理', '', ...byTopic(qs).flatMap(([topic, list]) => [`## ${topic}`, '', ...list.flatMap((q, i) => [`### ${i + 1}. ${q.title}`, '', ...shiftHeadings(q.body, 2), ''])])].join('\n'),
  },
  {
    name: 'Markdown 二级标题（## 问题，无编号）',
    render: (qs) => qs.flatMap((q) => [`## ${q.title}`, '', ...shiftHeadings(q.body, 1), '']).join('\n'),
  },
  {
    name: 'Markdown 四级标题（#### Q1：问题）',
    render: (qs) => ['# 笔记', '', ...qs.flatMap((q, i) => [`#### Q${i + 1}：${q.title}`, '', ...shiftHeadings(q.body, 3), ''])].join('\n'),
  },
  {
    name: '编号列表，答案缩进三格，每节重新编号',
    render: (qs) =>
      byTopic(qs)
        .flatMap(([topic, list]) => [`## ${topic}`, '', ...list.flatMap((q, i) => [`${i + 1}. ${q.title}`, '', ...shiftHeadings(q.body, 2).map((l) => (l ? `   ${l}` : '')), ''])])
        .join('\n'),
  },
  {
    name: '问：/答： 标签，## 一、分节',
    render: (qs) =>
      byTopic(qs)
        .flatMap(([topic, list], k) => [`## ${CN[k] ?? k + 1}、${topic}`, '', ...list.flatMap((q) => [`问：${q.title}`, '', `答：${q.body[0] ?? ''}`, ...shiftHeadings(q.body.slice(1), 2), ''])])
        .join('\n'),
  },
  {
    name: '列表复制（每行都是 * ，问题是 * 1.…）',
    render: (qs) => qs.flatMap((q, i) => [`* ${i + 1}.${q.title}`, ...plainText(q.body).map((l) => `* ${l}`)]).join('\n'),
    fencesLost: true,
  },
  {
    name: '**问题：** / **答案：** 标签',
    render: (qs) => qs.flatMap((q) => [`**问题：** ${q.title}`, '', '**答案：**', '', ...shiftHeadings(q.body, 2), '', '---', '']).join('\n'),
  },
  {
    name: '网页粘贴（每行都是 - ##### • ）',
    render: (qs) => qs.flatMap((q, i) => [`- ##### • ${i + 1}. ${q.title}`, ...plainText(q.body).map((l) => `- ##### • ${l}`)]).join('\n'),
    fencesLost: true,
  },
  {
    name: '一、分节，1、编号问题',
    render: (qs) =>
      byTopic(qs)
        .flatMap(([topic, list], k) => [`${CN[k] ?? k + 1}、${topic}`, '', ...list.flatMap((q, i) => [`${i + 1}、${q.title}`, '', ...shiftHeadings(q.body, 2), ''])])
        .join('\n'),
  },
  {
    name: '纯文本，代码围栏丢失',
    render: (qs) => qs.flatMap((q, i) => [`${i + 1}. ${q.title}`, ...plainText(q.body)]).join('\n'),
    fencesLost: true,
  },
];

/** Chinese numerals of Word's `（一）` sections. */
const cn = (k: number) => CN[k] ?? String(k + 1);
/** Full-width digits, as Word and WPS number lists. */
const wide = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const escapeHtml = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What a browser's copy as text keeps of a rendered answer: entities left raw, code blocks as label, toolbar and gutter. */
function htmlText(body: readonly string[]): string[] {
  const out: string[] = [];
  let block: { lang: string; indent: number; lines: string[] } | null = null;
  for (const l of body) {
    const f = FENCE.exec(l);
    if (block) {
      if (f && l.trim().replace(/[`~]/g, '') === '') {
        out.push(block.lang || 'text', '复制代码', ...block.lines.map((_, k) => String(k + 1)), ...block.lines);
        block = null;
        // A block nested in a list item is indented with it in Markdown; on the page its lines start at the margin.
      } else block.lines.push(l.slice(Math.min(block.indent, /^ */.exec(l)![0].length)));
      continue;
    }
    if (f) {
      const open = /^(\s*)(?:`{3,}|~{3,})\s*([\w+-]*)/.exec(l)!;
      block = { lang: open[2]!, indent: open[1]!.length, lines: [] };
      continue;
    }
    if (l.trim() !== '') out.push(escapeHtml(l));
  }
  return out;
}

/**
 * Styles of notes written by other people than the seed notes' authors: blog exports, note apps,
 * READMEs, word processors, transcripts. Each renders every reviewed question.
 */
export const OTHER_FAMILIES: NoteFamily[] = [
  {
    name: '掘金/知乎导出（1）编号，答案在 > 引用里，--- 分隔）',
    render: (qs) =>
      ['# 面试题合集', '', '作者：某某', '', '---', '', ...qs.flatMap((q, i) => [`${i + 1}）${q.title}`, '', ...shiftHeadings(q.body, 2).map((l) => (l ? `> ${l}` : '>')), '', '---', '']), '觉得有用就点个赞吧！'].join('\n'),
  },
  {
    name: 'Obsidian callout（> [!question] 问题）',
    render: (qs) => ['# 复习', '', ...qs.flatMap((q) => [`> [!question] ${q.title}`, ...shiftHeadings(q.body, 2).map((l) => (l ? `> ${l}` : '>')), ''])].join('\n'),
  },
  {
    name: 'Notion 折叠列表（- 问题，答案 Tab 缩进）',
    render: (qs) => qs.flatMap((q) => [`- ${q.title}`, ...shiftHeadings(q.body, 2).map((l) => (l ? `\t${l}` : '\t'))]).join('\n'),
  },
  {
    name: 'GitHub README（<details><summary>N. 问题</summary>）',
    render: (qs) => ['# Interview Questions', '', ...qs.flatMap((q, i) => ['<details>', `<summary>${i + 1}. ${q.title}</summary>`, '', ...shiftHeadings(q.body, 2), '', '</details>', ''])].join('\n'),
  },
  {
    name: 'Q1. / A1. 英文编号',
    render: (qs) => qs.flatMap((q, i) => [`Q${i + 1}. ${q.title}`, `A${i + 1}. ${q.body[0] ?? ''}`, ...shiftHeadings(q.body.slice(1), 2), '']).join('\n'),
  },
  {
    name: '整行粗体编号（**N. 问题**），答案含编号列表',
    render: (qs) => ['# 面经', '', ...qs.flatMap((q, i) => [`**${i + 1}. ${q.title}**`, '', ...shiftHeadings(q.body, 2), ''])].join('\n'),
  },
  {
    name: '网页复制成纯文本（实体、语言名、复制代码、行号栏）',
    render: (qs) => ['面试题 &nbsp;|&nbsp; 阅读 100', ...qs.flatMap((q, i) => [`${i + 1}. ${escapeHtml(q.title)}`, ...htmlText(q.body)])].join('\n'),
  },
  {
    name: 'Word/WPS 粘贴（（一）分节、全角编号、首行缩进、Tab 缩进的代码）',
    fencesLost: true,
    render: (qs) =>
      byTopic(qs)
        .flatMap(([topic, list], k) => [
          `（${cn(k)}）${topic}`,
          '',
          ...list.flatMap((q, i) => {
            let fenced = false;
            const body = q.body.flatMap((l) => {
              if (FENCE.test(l)) {
                fenced = !fenced;
                return [];
              }
              if (l.trim() === '') return [];
              return [fenced ? `\t${l}` : `\u3000\u3000${l.replace(/^#{1,6}\s+/, '')}`];
            });
            return [`${wide(i + 1)}．\u3000${q.title}`, ...body, ''];
          }),
        ])
        .join('\n'),
  },
];

/** Damage people's copies commonly add, applied to a rendered note. */
export const DAMAGE: { name: string; apply(note: string): string; fencesLost?: boolean }[] = [
  { name: 'CRLF', apply: (n) => n.replace(/\n/g, '\r\n') },
  { name: 'BOM', apply: (n) => `\ufeff${n}` },
  // Every line flush left: indented answers, nested lists and YAML all lose their indentation.
  { name: '缩进被压平', fencesLost: true, apply: (n) => n.replace(/^[ \t]+/gm, '') },
  {
    name: '代码块印了两遍（第一遍粘着语言名）',
    fencesLost: true,
    apply: (n) => {
      const out: string[] = [];
      let block: { lang: string; lines: string[] } | null = null;
      for (const l of n.split('\n')) {
        const f = /^(`{3,})([\w-]*)/.exec(l);
        if (block) {
          if (f) {
            const [first, ...rest] = block.lines;
            if (first !== undefined) out.push(`${block.lang}${first}`, ...rest, ...block.lines);
            block = null;
          } else block.lines.push(l);
        } else if (f) block = { lang: f[2] || 'text', lines: [] };
        else out.push(l);
      }
      return out.join('\n');
    },
  },
];
