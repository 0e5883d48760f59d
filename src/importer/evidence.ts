import { isBlank } from './text.ts';
import type { Line } from './types.ts';

/**
 * Evidence of question structure, collected line by line. Every common way people mark a question
 * in a copied note is one family; which family a note uses is decided by how consistent its
 * sequence is, never by where the note came from.
 */
export type Family =
  | 'heading'
  | 'numbered'
  | 'numbered-comma'
  | 'numbered-paren'
  | 'numbered-di'
  | 'numbered-dotted'
  | 'circled'
  | 'numbered-glued'
  | 'numbered-alone'
  | 'bullet-numbered'
  | 'paren-numbered'
  | 'q-numbered'
  | 'chinese-numbered'
  | 'label'
  | 'bracket-label'
  | 'bold'
  | 'summary'
  | 'toggle'
  | 'asks';

export const FAMILY_LABELS: Record<Family, string> = {
  heading: 'Markdown 标题（## 1. …）',
  numbered: '编号行（1. …）',
  'numbered-comma': '编号行（1、…）',
  'numbered-paren': '编号行（1）…）',
  'numbered-di': '第 N 题（第1题：…）',
  'numbered-dotted': '章节编号（1.1 …）',
  'circled': '圈号（① …）',
  'numbered-glued': '编号紧贴文字（1简述…）',
  'numbered-alone': '编号独占一行、问题在下一行（01 / 问题）',
  'bullet-numbered': '列表符号加编号（* 1. …）',
  'paren-numbered': '括号编号（（1）…）',
  'q-numbered': 'Q 编号（Q1 …）',
  'chinese-numbered': '中文序号（一、…）',
  label: '问答标签（问：/答：、Q:/A:、**问题：**、面试官：/我：）',
  'bracket-label': '方括号标签（【问题】）',
  bold: '整行粗体',
  summary: '折叠块标题（<details><summary>问题</summary>）',
  toggle: '带子项的列表项（Notion 折叠列表：- 问题 + 缩进的答案）',
  asks: '以问号结尾的短行',
};

export interface Candidate {
  index: number;
  family: Family;
  /** `heading:3`, `numbered@0`: the exact shape, so one note's variants do not mix. */
  shape: string;
  n?: number;
  title: string;
  starred: boolean;
  asks: boolean;
  /** Heading level, for headings. */
  level?: number;
  /** The chapter or section a dotted number belongs to (`2.1` of `2.1.3`): a new one restarts the count. */
  parent?: string;
  /** The line is only a number or a label (`01`, `You said:`): the question's wording is the next line. */
  titleBelow?: boolean;
}

const QUESTION_WORDS =
  /[?？]|什么|如何|怎么|怎样|哪些|哪几|几种|为什么|为何|是否|能否|区别|对比|差异|原理|流程|过程|作用|用途|理解|简述|谈谈|介绍|解释|说说|说一下|讲讲|描述|列举|原因|实现|机制|方式|方案/;

/** An English question need not end in `?`: `Explain how …`, `When would you …`. */
const ENGLISH_QUESTION = /^(?:what|how|why|when|where|which|who|explain|describe|compare|list|name|can|could|does|do|is|are|should|would|will)\b.*\s\S/i;

export const asksQuestion = (title: string) => QUESTION_WORDS.test(title) || ENGLISH_QUESTION.test(title);

/** Names a technology (a Latin word such as `CNI`, `Pod`) or a Chinese term of the trade: not small talk. */
export const isTechnical = (title: string) => /[A-Za-z]{2,}|容器|镜像|集群|节点|调度|网络|存储|探针|副本|命名空间|服务|负载|污点|卷|证书|滚动|回滚|扩容|缩容/.test(title);

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `十二` → 12, `二十三` → 23. */
export function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return CN_DIGITS[s] ?? Number.NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? Number.NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}

const STARS = /[☆★⭐]+/g;

/** The wording of a question without its decoration: bold markers, stars, trailing colons. */
export function cleanTitle(text: string): string {
  return text
    .replace(STARS, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/\*\*/g, '')
    .replace(/^[:：]\s*/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `1.1 …`, `2.1.3 …`: the number of a question inside a numbered chapter and section. */
const DOTTED = /^(\d{1,2}(?:[.．]\d{1,3}){1,4})(?:[.．]|\s)\s*(\S.*)$/;

const NUMBER_PREFIX = /^(?:Q\s*)?(\d{1,3})\s*[.．、:：)）]\s*/i;
const CN_PREFIX = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*/;

/** A question label: `问：`, `Q:`, `问题1：`, `**问题：**`, `面试题：`, and the interviewer's turn of a transcript (`面试官：`). */
export const QUESTION_LABEL = /^(?:\*\*)?(?:问题?|Q|面试题|题目|面试官|Interviewer|You said|You asked|You|User|用户|Human|Prompt)\s*(\d{0,3})\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*/i;
/** The speaker labels of an interview transcript: a turn that asks nothing is conversation, not a question. */
export const DIALOGUE_LABEL = /^label:(?:面试官|Interviewer|You|User|用户|Human|Prompt)/i;
/** A line where the interviewer speaks. */
export const INTERVIEWER_TURN = /^(?:\*\*)?(?:面试官|Interviewer|You said|You asked|You|User|用户|Human|Prompt)\s*(?:\*\*)?\s*[:：]/i;
export const BRACKET_LABEL = /^【(?:问题?|题目|Q)\s*(\d{0,3})】\s*/i;
/** An answer label: `答：`, `A:`, `**答案：**`, `【答案】`, `回答：`. */
export const ANSWER_LABEL = /^\s*(?:(?:\*\*)?(?:答案?|回答|解答|参考答案|A|我|候选人|面试者|应聘者|Candidate|(?:ChatGPT|Assistant|AI|Claude|Gemini|Copilot|Kimi|DeepSeek|通义千问|通义|文心一言|文心|豆包|元宝|智谱清言)(?: said)?)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?|A\d{1,3}\s*[.．:：]\s*|【(?:答案?|解答|回答|A)】)\s*/i;

/** Full-width digits (`１．`, from Word and WPS) number questions like ASCII ones. */
export const foldDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** `（一）基础`, `(二) 运维`: a Word-style section heading. */
const PAREN_CN_SECTION = /^\s*[（(]([一二三四五六七八九十]{1,3})[)）]\s*(\S.*)$/;

/** `<summary>1. 问题</summary>`, possibly after `<details>` on the same line: the question of a collapsed answer. */
const SUMMARY = /^(?:<details(?:\s[^>]*)?>\s*)?<summary>\s*(.*?)\s*<\/summary>\s*$/i;

export function fenceRanges(lines: readonly Line[]): boolean[] {
  const inside: boolean[] = new Array(lines.length).fill(false);
  let open: string | null = null;
  lines.forEach((line, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line.text);
    if (open) {
      inside[i] = true;
      if (m && m[1]![0] === open[0] && m[1]!.length >= open.length && line.text.trim() === m[1]) open = null;
    } else if (m) {
      inside[i] = true;
      open = m[1]!;
    }
  });
  return inside;
}

/** `嗯。`, `好的，`, `那`: what an interviewer says before the question is not part of it. */
const FILLER = /^(?:(?:嗯+|好的?|OK|行|对|明白了?|不错)[。，,.！!]\s*|(?:最后|下一个|再问)一?个?问题?[，,：:]\s*|那(?![么些个样])(?=\s*\S))+\s*/i;

/**
 * What an interviewer asks, without what they said before it: sentences that ask nothing
 * (`那我们继续。`) and fillers (`嗯。`, `最后一个问题，`) before the first one that asks.
 */
function spokenQuestion(said: string): string {
  const sentences = said.match(/[^。！!；;]+[。！!；;]*/g) ?? [said];
  const first = sentences.findIndex((s) => asksQuestion(s));
  return (first > 0 ? sentences.slice(first).join('') : said).replace(FILLER, '');
}

function make(index: number, family: Family, shape: string, raw: string, n?: number, level?: number): Candidate | null {
  const title = DIALOGUE_LABEL.test(shape) ? spokenQuestion(cleanTitle(raw)) : cleanTitle(raw);
  if (!title || title.length > 150) return null;
  return { index, family, shape, title, starred: /[☆★⭐]/.test(raw), asks: asksQuestion(title), ...(n !== undefined ? { n } : {}), ...(level !== undefined ? { level } : {}) };
}

/** Every way one line could be a question title (a line may fit several families). */
export function candidatesOf(text: string, index: number): Candidate[] {
  const out: (Candidate | null)[] = [];
  const indent = /^\s*/.exec(text)![0].replace(/\t/g, '    ').length;
  // `1️⃣` (a keycap emoji) numbers a line like `1.`.
  const t = foldDigits(text.trim()).replace(/^(\d)\ufe0f?\u20e3\s*/, '$1. ');
  if (t === '' || t.length > 200) return [];
  const summary = SUMMARY.exec(t);
  if (summary) {
    const inner = summary[1]!.replace(/<\/?(?:b|strong|em|i|code)>/gi, '');
    const num = NUMBER_PREFIX.exec(inner);
    // Numbered summaries are a README's questions; an unnumbered one inside an answer folds away a figure.
    return [make(index, 'summary', num ? 'summary:num' : 'summary', num ? inner.slice(num[0].length) : inner, num ? Number(num[1]) : undefined)].filter((c): c is Candidate => c !== null);
  }
  const heading = /^(#{1,6})\s+(.*?)\s*$/.exec(t);
  if (heading && indent < 4) {
    const level = heading[1]!.length;
    const inner = heading[2]!.replace(/^\*\*(.*)\*\*$/, '$1');
    const num = NUMBER_PREFIX.exec(inner);
    const cn = CN_PREFIX.exec(inner);
    if (num) out.push(make(index, 'heading', `heading:${level}:num`, inner.slice(num[0].length), Number(num[1]), level));
    else if (cn) out.push(make(index, 'heading', `heading:${level}:cn`, inner.slice(cn[0].length), chineseNumber(cn[1]!), level));
    else {
      const label = QUESTION_LABEL.exec(inner);
      out.push(make(index, 'heading', `heading:${level}`, label ? inner.slice(label[0].length) : inner, undefined, level));
    }
    return out.filter((c): c is Candidate => c !== null);
  }
  const stripped = t.replace(/^\*\*(?=\S.*\*\*)/, '');
  let m: RegExpExecArray | null;
  // `> 问：…`: a question label set off as a quote is still the label (its own shape: answers may quote labels too).
  const quoted = /^(?:>\s*)+/.exec(t)?.[0] ?? '';
  if ((m = QUESTION_LABEL.exec(t.slice(quoted.length)))) {
    const rest = t.slice(quoted.length + m[0].length);
    // `问：` and `**问题**：` are different hands: a note's questions use one, its answers may quote the other.
    out.push(make(index, 'label', `label:${quoted ? '>' : ''}${m[0].replace(/[\s\d]/g, '')}`, rest || '', m[1] ? Number(m[1]) : undefined));
  } else if ((m = BRACKET_LABEL.exec(t))) {
    out.push(make(index, 'bracket-label', 'bracket-label', t.slice(m[0].length), m[1] ? Number(m[1]) : undefined));
  } else if ((m = /^[*\-•+]\s+(\d{1,3})\s*[.．、]\s*(\S.*)$/.exec(t))) {
    out.push(make(index, 'bullet-numbered', `bullet-numbered@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = /^(\d{1,3})[.．](?!\d)\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'numbered', `numbered@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = /^(\d{1,3})、\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'numbered-comma', `numbered-comma@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = DOTTED.exec(stripped))) {
    // `1.1 什么是 Pod？`, `2.1.3 …`: numbered within chapter 1 (section 2.1); chapters and sections are group
    // headings, so the last number is the sequence, and a question of another depth is another shape.
    const parts = m[1]!.split(/[.．]/);
    const c = make(index, 'numbered-dotted', `numbered-dotted${parts.length > 2 ? `:${parts.length}` : ''}@${indent}`, m[2]!, Number(parts.at(-1)));
    if (c) out.push({ ...c, parent: parts.slice(0, -1).join('.') });
  } else if ((m = /^([①-⑳])\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'circled', `circled@${indent}`, m[2]!, '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(m[1]!) + 1));
  } else if ((m = /^第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[题问道]\s*[:：、.．]?\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'numbered-di', `numbered-di@${indent}`, m[2]!, /\d/.test(m[1]!) ? Number(m[1]) : chineseNumber(m[1]!)));
  } else if ((m = /^(\d{1,3})[)）]\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'numbered-paren', `numbered-paren@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = /^[（(](\d{1,3})[)）]\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'paren-numbered', `paren-numbered@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = /^Q(\d{1,3})(?:[.、:：\s]|(?=[\u3400-\u9fff]))\s*(\S.*)$/i.exec(stripped))) {
    out.push(make(index, 'q-numbered', `q-numbered@${indent}`, m[2]!, Number(m[1])));
  } else if ((m = /^([一二三四五六七八九十]{1,3})、\s*(\S.*)$/.exec(stripped))) {
    out.push(make(index, 'chinese-numbered', `chinese-numbered@${indent}`, m[2]!, chineseNumber(m[1]!)));
  } else if ((m = /^(\d{1,3})(?=[\u3400-\u9fff])(\S.*)$/.exec(stripped))) {
    // `3种方式…` is a sentence; `3简述…？` is a question whose separator was lost: only the latter counts.
    const c = make(index, 'numbered-glued', `numbered-glued@${indent}`, m[2]!, Number(m[1]));
    if (c && c.asks && !/^[种个类步点层次条项年月日天秒分]/.test(m[2]!)) out.push(c);
  }
  if (indent === 0 && /^\*\*[^*]+\*\*[:：]?$/.test(t) && !ANSWER_LABEL.test(t)) out.push(make(index, 'bold', 'bold', t));
  // A top-level list item that asks: a question only where its answer is nested under it (checked in collectCandidates).
  if (indent === 0 && (m = /^[-*+]\s+(?!\[[ xX]\])(\S.*)$/.exec(t)) && !/^\d{1,3}\s*[.．、]/.test(m[1]!)) {
    const c = make(index, 'toggle', 'toggle', m[1]!);
    if (c?.asks) out.push(c);
  }
  if (indent === 0 && t.length <= 80 && /[?？]\s*[☆★⭐]*$/.test(t) && !/^[-*•>|]/.test(t) && !out.some((c) => c?.family === 'label')) out.push(make(index, 'asks', 'asks', t.replace(NUMBER_PREFIX, '')));
  return out.filter((c): c is Candidate => c !== null);
}

export interface Structure {
  family: Family;
  shape: string;
  questions: Candidate[];
  /** Lines that group questions (`## docker`, `一、网络`): topic hints, not questions. */
  groups: { index: number; title: string }[];
  /** Headings that restate the question right below them (`### 1. 调度` above `问：调度…？`). */
  restated: number[];
  /** Numbering that skipped or repeated: imported, but said in the report. */
  irregular: { index: number; message: string }[];
  score: number;
}

/** The line that would be a group boundary: a heading (other than the question headings) or a `一、` section. */
function groupTitle(text: string): string | null {
  const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
  if (h) return cleanTitle(h[1]!.replace(CN_PREFIX, '').replace(NUMBER_PREFIX, ''));
  const cn = /^\s*([一二三四五六七八九十]{1,3})、\s*(\S.*)$/.exec(text) ?? PAREN_CN_SECTION.exec(text);
  if (cn) return cleanTitle(cn[2]!);
  return null;
}

/**
 * The consistent questions of one shape. Numbers ascend by one and may restart at 1 after a group
 * boundary; a small skip or a repeat is kept but reported; a jump back inside a section is an inner list.
 */
function sequence(shape: string, cands: readonly Candidate[], lines: readonly Line[], inFence: readonly boolean[]): Structure {
  const family = cands[0]!.family;
  const numbered = cands.every((c) => c.n !== undefined) && family !== 'label' && family !== 'bracket-label' && family !== 'summary';
  const at = new Set(cands.map((c) => c.index));
  const neighbour = (i: number, step: number) => {
    let j = i + step;
    while (j >= 0 && j < lines.length && isBlank(lines[j]!.text)) j += step;
    return at.has(j);
  };
  // Items of a list inside an answer stand next to each other and rarely ask; questions stand apart.
  const usable = cands.filter((c) => c.asks || c.starred || !(neighbour(c.index, -1) || neighbour(c.index, 1)))
    // An interviewer's turn that asks nothing technical (`先做个自我介绍吧`, `你有什么想问我的吗？`) is conversation.
    .filter((c) => !DIALOGUE_LABEL.test(shape) || (c.asks && isTechnical(c.title)));
  const questions: Candidate[] = [];
  const irregular: Structure['irregular'] = [];
  if (!numbered) questions.push(...usable);
  else {
    // The best chain of numbers, not the first: each question follows the one numbered one less, or
    // restarts at 1 right after a group heading; a skip of one or two is allowed at a cost. The
    // chain that asks the most wins, so an inner list's `2.` cannot derail the questions after it.
    const boundaryBefore = new Set<number>();
    // Another post of a thread (a second answer on a Q&A site) numbers its questions from 1 again.
    const post: number[] = [];
    lines.forEach((l, i) => (post[i] = (post[i - 1] ?? 0) + (l.postStart ? 1 : 0)));
    for (let i = 0; i < lines.length; i++) {
      if (inFence[i] || at.has(i) || groupTitle(lines[i]!.text) === null) continue;
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]!.text)) j++;
      boundaryBefore.add(j);
    }
    // A question mark is the surest sign; question words alone also head answers' sub-points (`架构工作流程`).
    const weight = (c: Candidate) => (c.starred || /[?？]/.test(c.title) ? 1 : c.asks ? 0.7 : 0.3);
    const score: number[] = [];
    const parent: number[] = [];
    const endingAt = new Map<number, number>();
    let bestEnd = -1;
    usable.forEach((c, k) => {
      const n = c.n!;
      let best = n === 1 ? 0 : -Infinity;
      let from = -1;
      const consider = (p: number | undefined, penalty: number) => {
        if (p !== undefined && score[p]! - penalty > best) {
          best = score[p]! - penalty;
          from = p;
        }
      };
      consider(endingAt.get(n - 1), 0);
      consider(endingAt.get(n - 2), 0.8);
      consider(endingAt.get(n - 3), 0.9);
      const newPost = bestEnd >= 0 && post[c.index] !== post[usable[bestEnd]!.index];
      if (n === 1 && bestEnd >= 0 && (boundaryBefore.has(c.index) || newPost || (c.parent !== undefined && c.parent !== usable[bestEnd]!.parent))) consider(bestEnd, 0);
      // The same number twice, both asking: a slip of the author's numbering, not an inner list.
      const same = endingAt.get(n);
      if (same !== undefined && c.asks && usable[same]!.asks && usable[same]!.title !== c.title) consider(same, 0.9);
      if (best === -Infinity) return;
      score[k] = best + weight(c);
      parent[k] = from;
      const prev = endingAt.get(n);
      // On a tie the later line wins: an answer's inner item comes before the question it shares a number with.
      if (prev === undefined || score[k]! >= score[prev]!) endingAt.set(n, k);
      if (bestEnd < 0 || score[k]! >= score[bestEnd]!) bestEnd = k;
    });
    for (let k = bestEnd; k >= 0; k = parent[k] ?? -1) questions.unshift(usable[k]!);
    questions.forEach((q, i) => {
      const prev = questions[i - 1];
      if (prev && q.n! > prev.n! + 1) irregular.push({ index: q.index, message: `编号从 ${prev.n} 跳到 ${q.n}，中间可能少了问题` });
      if (prev && q.n === prev.n) irregular.push({ index: q.index, message: `编号 ${q.n} 重复出现` });
    });
  }
  const asking = questions.filter((q) => q.asks || q.starred).length;
  // Labels and `<summary>` say outright that a line is a question; a bold line or a question mark only suggests it.
  const weight = family === 'label' || family === 'bracket-label' || family === 'summary' ? 2 : family === 'asks' || family === 'bold' ? 0.6 : 1;
  // A family whose lines mostly ask nothing is the steps of answers, however regular its numbers.
  const ratio = questions.length === 0 ? 0 : asking / questions.length;
  const score = (asking + (numbered ? questions.length * 0.25 : 0)) * weight * Math.sqrt(ratio);
  return { family, shape, questions, groups: [], restated: [], irregular, score };
}

/** The next non-blank line is indented under this one: a list item that holds its answer (a Notion toggle). */
function hasNestedChild(lines: readonly Line[], i: number): boolean {
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j]!.text)) j++;
  return j < lines.length && /^(\t| {2,})\S/.test(lines[j]!.text);
}

const nextNonBlank = (lines: readonly Line[], i: number) => {
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j]!.text)) j++;
  return j;
};

/** A number or label alone on its line: the question is worded on the next line, which must be short and not set aside. */
function withTitleBelow(c: Candidate, lines: readonly Line[], i: number): Candidate {
  const next = lines[nextNonBlank(lines, i)];
  if (!next || next.aside || next.text.trim().length > 100) return c;
  const title = cleanTitle(next.text.trim());
  const spoken = DIALOGUE_LABEL.test(c.shape) ? spokenQuestion(title) : title;
  return { ...c, title: spoken, asks: asksQuestion(spoken), starred: c.starred || /[☆★⭐]/.test(next.text), titleBelow: true };
}

/** Candidate lines of every family, outside code fences. */
export function collectCandidates(lines: readonly Line[]): { candidates: Candidate[]; inFence: boolean[] } {
  const inFence = fenceRanges(lines);
  const candidates: Candidate[] = [];
  lines.forEach((line, i) => {
    // What the copied site put around the text is no question, whatever it looks like.
    if (inFence[i] || isBlank(line.text) || line.aside) return;
    const found = candidatesOf(line.text, i);
    candidates.push(...(found.some((c) => c.family === 'toggle') && !hasNestedChild(lines, i) ? found.filter((c) => c.family !== 'toggle') : found));
    // A speaker's label alone on its line (`You said:`), the question on the next.
    const label = found.length === 0 ? QUESTION_LABEL.exec(line.text.trim()) : null;
    if (label && label[0].length === line.text.trim().length) {
      const c = withTitleBelow({ index: i, family: 'label', shape: `label:${label[0].replace(/[\s\d]/g, '')}`, title: '', starred: false, asks: false }, lines, i);
      if (c.title !== '') candidates.push(c);
    }
    // `01` alone on its line, the question on the next (a 公众号 article's section number, a slide's).
    const alone = /^\s*(?:No\.\s*)?(\d{1,3})[.．、]?\s*$/i.exec(foldDigits(line.text));
    if (alone && found.length === 0) {
      const c = withTitleBelow({ index: i, family: 'numbered-alone', shape: `numbered-alone@${/^\s*/.exec(line.text)![0].length}`, n: Number(alone[1]), title: '', starred: false, asks: false }, lines, i);
      if (c.title !== '' && !/^\s*(?:No\.\s*)?\d{1,3}[.．、]?\s*$/i.test(lines[nextNonBlank(lines, i)]!.text)) candidates.push(c);
    }
  });
  return { candidates, inFence };
}

/**
 * The question structure of a note: the shape whose candidates form the most consistent,
 * most question-like sequence. Headings above the chosen questions group them.
 */
export function findStructure(lines: readonly Line[]): Structure | null {
  const { candidates, inFence } = collectCandidates(lines);
  const byShape = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = c.family === 'heading' ? `heading:${c.level}` : c.family === 'label' ? c.shape : c.shape;
    (byShape.get(key) ?? byShape.set(key, []).get(key)!).push(c);
  }
  let best: Structure | null = null;
  const headings: Structure[] = [];
  for (const [shape, cands] of byShape) {
    // Headings of one level may mix numbered and unnumbered titles; the numbers still order them.
    const seq = shape.startsWith('heading:') ? headingSequence(shape, cands) : sequence(shape, cands, lines, inFence);
    if (seq.questions.length === 0 || seq.score <= 0) continue;
    if (seq.family === 'heading') headings.push(seq);
    if (!best || seq.score > best.score || (seq.score === best.score && seq.questions[0]!.index < best.questions[0]!.index)) best = seq;
  }
  if (!best) return null;
  best = enclosingHeadings(best, headings) ?? best;
  return { ...best, ...groupsAndRestated(best, lines, inFence) };
}

/** Families that only suggest a question by its look: an answer's own steps and sub-questions take these shapes. */
const NESTABLE = new Set<Family>(['numbered', 'numbered-comma', 'numbered-paren', 'paren-numbered', 'circled', 'bullet-numbered', 'numbered-glued', 'asks', 'bold']);

/**
 * Question headings with the winning lines all inside them: those lines are the steps and
 * sub-questions of the answers (`## 1. 怎么排查？` over `1. 事件里有没有报错？`), and the headings
 * the questions. Headings count when nearly all of them ask and their numbers, if any, ascend.
 */
function enclosingHeadings(best: Structure, headings: readonly Structure[]): Structure | null {
  if (!NESTABLE.has(best.family)) return null;
  const first = best.questions[0]!.index;
  const outer = headings.filter((h) => {
    const qs = h.questions;
    const asking = qs.filter((q) => q.asks || q.starred).length;
    const numbers = qs.filter((q) => q.n !== undefined);
    const ascending = numbers.every((q, k) => k === 0 || q.n! > numbers[k - 1]!.n!);
    return qs.length >= 2 && asking >= qs.length * 0.8 && ascending && qs[0]!.index < first;
  });
  return outer.sort((a, b) => b.score - a.score)[0] ?? null;
}

function headingSequence(shape: string, cands: readonly Candidate[]): Structure {
  const asking = cands.filter((c) => c.asks || c.starred).length;
  const numbered = cands.filter((c) => c.n !== undefined).length;
  // A level whose headings mostly do not ask anything groups questions (`## docker`): it scores low.
  // Headings are explicit structure: a level of question headings wins over numbered lines inside answers.
  const ratio = asking / cands.length;
  const score = (asking + numbered * 0.25 + (ratio >= 0.5 ? cands.length * 0.5 : 0)) * Math.sqrt(ratio);
  return { family: 'heading', shape, questions: [...cands], groups: [], restated: [], irregular: [], score };
}

/** Groups: a heading or `一、` line right above a question that is not itself a question. */
function groupsAndRestated(structure: Structure, lines: readonly Line[], inFence: readonly boolean[]): Pick<Structure, 'groups' | 'restated'> {
  const questionAt = new Set(structure.questions.map((q) => q.index));
  const groups: Structure['groups'] = [];
  const restated: number[] = [];
  const depth = structure.family === 'numbered-dotted' ? Number(/:(\d+)@/.exec(structure.shape)?.[1] ?? 2) : 0;
  for (let i = 0; i < lines.length; i++) {
    if (inFence[i] || questionAt.has(i)) continue;
    const section = depth > 0 ? dottedGroup(lines, i, depth, questionAt) : null;
    if (section !== null) {
      groups.push({ index: i, title: section });
      continue;
    }
    const title = groupTitle(lines[i]!.text);
    if (title === null) continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j]!.text)) j++;
    if (questionAt.has(j) && restates(title, structure.questions.find((q) => q.index === j)!.title)) {
      restated.push(i);
      continue;
    }
    if (questionAt.has(j) || (groupTitle(lines[j]?.text ?? '') !== null && nextQuestionFollows(j, lines, questionAt))) groups.push({ index: i, title });
  }
  return { groups, restated };
}

const bigrams = (s: string) => {
  const t = s.replace(/[\s\p{P}]/gu, '').toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
};

/** Dice similarity of character bigrams: 1 for the same wording, near 0 for unrelated text. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

const DOTTED_GROUP = /^\s*(\d{1,2}(?:[.．]\d{1,3}){0,3})[.．]?\s+([^\s。？?！!；;，,：:][^。？?！!；;，,]{0,30})$/;

/**
 * `1 工作负载`, `1.1 Pod` above questions numbered `1.1.1`: a chapter or section of numbered
 * questions. Only a number shallower than the questions' that opens the next numbered line
 * (`1.1` before `1.1.1`, `2` before `2.1`) counts, so an answer's `3 个副本` stays text.
 */
function dottedGroup(lines: readonly Line[], i: number, depth: number, questionAt: ReadonlySet<number>): string | null {
  const m = DOTTED_GROUP.exec(lines[i]!.text);
  if (!m || m[1]!.split(/[.．]/).length >= depth) return null;
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j]!.text)) j++;
  if (j >= lines.length || !foldDigits(lines[j]!.text.trim()).replace(/．/g, '.').startsWith(`${m[1]!.replace(/．/g, '.')}.`)) return null;
  return questionAt.has(j) || dottedGroup(lines, j, depth, questionAt) !== null ? cleanTitle(m[2]!) : null;
}

/** A heading that says again what the next `问：` line asks: one question, not a group. */
export const restates = (heading: string, question: string) => {
  const h = cleanTitle(heading);
  const q = cleanTitle(question);
  // `## docker` above `问：docker 镜像分层…？` names a group; `### 1. Pod 之间怎么通信` above `问：…Pod 之间怎么通信？` restates.
  const contained = (a: string, b: string) => a.length >= 4 && b.includes(a) && a.length >= b.length * 0.4;
  return h === q || contained(h, q) || contained(q, h) || similarity(h, q) >= 0.6;
};

function nextQuestionFollows(from: number, lines: readonly Line[], questionAt: ReadonlySet<number>): boolean {
  for (let j = from; j < lines.length; j++) {
    if (questionAt.has(j)) return true;
    if (!isBlank(lines[j]!.text) && groupTitle(lines[j]!.text) === null) return false;
  }
  return false;
}

/** The best lines to show when a note is refused: whatever came closest to a question. */
export function bestCandidateLines(lines: readonly Line[], limit = 3): { line: number; text: string }[] {
  const { candidates } = collectCandidates(lines);
  const seen = new Set<number>();
  return candidates
    .filter((c) => !seen.has(c.index) && (seen.add(c.index), true))
    .slice(0, limit)
    .map((c) => ({ line: lines[c.index]!.src[0] ?? c.index + 1, text: lines[c.index]!.text.trim().slice(0, 60) }));
}
