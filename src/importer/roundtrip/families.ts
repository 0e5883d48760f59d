import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
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
  /** Share of code blocks that must come back intact, where it differs from the other families'. */
  codeBar?: number;
  /** Text of the note that belongs to no answer (small talk, page furniture): no entry may contain it. */
  absent?: RegExp;
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
  return pdfLines(body).map((l) => l.text);
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

const markdown = unified().use(remarkParse).use(remarkGfm);

/** An answer as a browser's "view source" shows it: block elements one after another, code in `<pre><code class="language-…">`. */
function htmlSource(body: readonly string[]): string[] {
  const hast = toHast(markdown.parse(body.join('\n')) as Root);
  return toHtml(hast).split('\n');
}

/** Columns a line takes on a printed page: a Chinese character is two. */
const columns = (ch: string) => (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1);

/**
 * A line of prose broken wherever the page is full (`width` columns), as a typesetter breaks it:
 * between any two Chinese characters, but an English word moves to the next line whole, and the
 * space where a line breaks is not printed.
 */
function hardWrap(line: string, width: number): string[] {
  const out: string[] = [];
  // Chinese characters one by one; Latin words (with what sticks to them) and spaces as units.
  const units = line.match(/[\x21-\x7e]+|\s+|[^\x21-\x7e\s]/g) ?? [];
  let cur = '';
  let w = 0;
  for (const u of units) {
    const uw = [...u].reduce((n, ch) => n + columns(ch), 0);
    if (w + uw > width && cur.trim() !== '') {
      out.push(cur.trimEnd());
      cur = '';
      w = 0;
      if (/^\s+$/.test(u)) continue;
    }
    cur += u;
    w += uw;
  }
  return [...out, cur.trimEnd()].filter((l) => l.trim() !== '');
}

/**
 * What a PDF or a plain-text copy shows of an answer: no fences or Markdown marks, no blank lines;
 * `code` tells the lines set in a code box. Code lines are copied as they were; prose loses its
 * heading and list markup to the page's styling.
 */
function pdfLines(body: readonly string[]): { text: string; code: boolean }[] {
  let fenced = false;
  return body.flatMap((l) => {
    if (FENCE.test(l)) {
      fenced = !fenced;
      return [];
    }
    if (l.trim() === '') return [];
    return [{ text: fenced ? l : l.replace(/^#{1,6}\s+/, '').replace(/^(\s*)[-*] /, '$1• '), code: fenced }];
  });
}

/** Text copied out of a PDF: prose wrapped at the page's width, a running header and `第 N 页` at every page break. */
function pdfText(lines: readonly { text: string; code: boolean }[], perPage = 40): string[] {
  const header = 'Kubernetes 面试题汇编                                  内部资料';
  const out: string[] = [header];
  let page = 1;
  for (const { text: l, code } of lines) {
    // Code keeps its lines (a PDF sets it in a box of its own, in a narrower font); prose runs to the margin and breaks there.
    const wrapped = code ? [l] : hardWrap(l, 64);
    for (const w of wrapped) {
      out.push(w);
      if ((out.length + 1) % perPage === 0) out.push(`                                 第 ${page++} 页`, header);
    }
  }
  return [...out, `                                 第 ${page} 页`];
}

const CN_DIGITS = '零一二三四五六七八九';
/** 1–99 in Chinese numerals, as a `一、` heading numbers its sections. */
const chineseNumeral = (n: number) => (n < 10 ? CN_DIGITS[n]! : `${n >= 20 ? CN_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? CN_DIGITS[n % 10] : ''}`);

OTHER_FAMILIES.push(
  {
    name: 'Setext 标题（问题下一行 ---，标题下一行 ===）',
    render: (qs) =>
      ['Kubernetes 面试题', '=================', '', ...qs.flatMap((q) => [q.title, '-'.repeat(Math.min(40, q.title.length * 2)), '', ...shiftHeadings(q.body, 1), ''])].join('\n'),
  },
  {
    name: '网页源码（<h3>、<p>、<pre><code>、<table>）',
    absent: /<\/?(?:p|h\d|pre|li|ul|ol|table|td)>|转载请注明/,
    render: (qs) =>
      [
        '<!DOCTYPE html>',
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8"><title>Kubernetes 面试题</title></head>',
        '<body>',
        '<h1>Kubernetes 面试题</h1>',
        ...qs.flatMap((q, i) => [`<h3>${i + 1}. ${escapeHtml(q.title)}</h3>`, ...htmlSource(shiftHeadings(q.body, 2))]),
        '<footer><p>转载请注明出处。</p></footer>',
        '</body>',
        '</html>',
      ].join('\n'),
  },
  {
    name: 'PDF 复制（硬换行、页眉、第 N 页）',
    absent: /第 \d+ 页|内部资料/,
    fencesLost: true,
    // A PDF keeps no code box, no indent of its own: code comes back as from any plain-text copy (纯文本，代码围栏丢失).
    codeBar: 0.8,
    render: (qs) => pdfText(qs.flatMap((q, i) => [{ text: `${i + 1}. ${q.title}`, code: false }, ...pdfLines(q.body)])).join('\n'),
  },
  {
    name: '语雀/Typora 导出（[TOC]、<a name> 锚点、一、编号标题）',
    absent: /\[TOC\]|<a name|\\<a name/,
    render: (qs) =>
      ['[TOC]', '', '<a name="top"></a>', '# 面试题（语雀导出）', '', ...qs.flatMap((q, i) => [`<a name="q${i}x"></a>`, `## ${chineseNumeral(i + 1)}、${q.title}`, ...shiftHeadings(q.body, 2), ''])].join('\n'),
  },
  {
    name: '面试实录（面试官：/我：，中间穿插寒暄）',
    absent: /加班|自我介绍|想问我的/,
    render: (qs) =>
      [
        '面试官：先做个自我介绍吧。',
        '我：好的，做了三年运维。',
        '',
        ...qs.flatMap((q, i) => [
          `面试官：${q.title}`,
          `我：${q.body[0] ?? ''}`,
          ...q.body.slice(1),
          '',
          ...(i % 7 === 6 ? ['面试官：好的。对了，你平时加班多吗？', '我：忙的时候会多一些。', ''] : []),
        ]),
        '面试官：今天就到这里，你有什么想问我的吗？',
        '我：没有了，谢谢。',
      ].join('\n'),
  },
);

/** A Q&A site's furniture after an answer: stamp, counters, buttons, the reprint notice. */
const ZHIHU_FOOTER = ['编辑于 2025-11-03 21:47・IP 属地浙江', '\u200b赞同 328\u200b\u200b35 条评论', '\u200b分享', '\u200b收藏\u200b喜欢', '收起\u200b', '著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。', '\u200b'];

/** An answer as one flashcard field: its HTML on one line, `<br>` for the line breaks inside code. */
function cardField(body: readonly string[]): string {
  const html = toHtml(toHast(markdown.parse(body.join('\n')) as Root));
  return html.replace(/<pre>[\s\S]*?<\/pre>/g, (pre) => pre.replace(/\n/g, '<br>')).replace(/\n/g, '').replace(/\t/g, ' ');
}

/** A chat app's copy of a code block: its language, the copy button, the code, no fence. */
function chatText(body: readonly string[]): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const l of body) {
    const f = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/.exec(l);
    if (fence) {
      if (f && l.trim() === fence) {
        fence = null;
        out.push('');
      } else out.push(l);
      continue;
    }
    if (f) {
      fence = f[1]!;
      out.push('', f[2] || 'text', 'Copy code');
      continue;
    }
    out.push(l);
  }
  return out;
}

OTHER_FAMILIES.push(
  {
    name: '知乎问题页（几个回答，每个回答重新编号，赞同数、编辑时间、著作权声明夹在回答之间）',
    absent: /赞同|编辑于|IP 属地|著作权|收起|补充几个/,
    render: (qs) => {
      const posts: string[] = ['Kubernetes 面试会问哪些问题？', '关注者', '1,024', '被浏览', '356,781', '\u200b'];
      for (let start = 0; start < qs.length; start += 6) {
        posts.push(start === 0 ? '云原生老王' : '匿名用户', `${328 - start} 人赞同了该回答`, start === 0 ? '面了十几家，整理一下。' : '补充几个我被问到的：', '');
        qs.slice(start, start + 6).forEach((q, i) => posts.push(`${i + 1}、${q.title}`, ...shiftHeadings(q.body, 2), ''));
        posts.push(...ZHIHU_FOOTER);
      }
      return posts.join('\n');
    },
  },
  {
    name: '公众号文章（01 编号独占一行，图片占位和图注，文末 END 与往期推荐）',
    absent: /^图片$|图：示意图|蓝字|往期推荐|阅读原文|二维码/m,
    render: (qs) =>
      [
        '面试题合集',
        '原创 云原生小站 2026-03-02 08:30 发表于浙江',
        '点击上方蓝字关注我们，设为星标',
        '图片',
        '',
        ...qs.flatMap((q, i) => [String(i + 1).padStart(2, '0'), q.title, '', ...shiftHeadings(q.body, 2), ...(i % 4 === 3 ? ['图片', '图：示意图'] : []), '']),
        '▲ 长按识别二维码，加入交流群',
        '',
        '- END -',
        '往期推荐',
        '一文看懂 Kubernetes 网络',
        '阅读原文',
        '赞 12在看 5',
      ].join('\n'),
  },
  {
    name: 'Anki 导出（问题<TAB>答案<TAB>标签，答案是 HTML）',
    absent: /k8s::|#separator|<\/?(?:p|div|br|li|ul|ol|pre)>/,
    fencesLost: true,
    render: (qs) => ['#separator:tab', '#html:true', '#tags column:3', ...qs.map((q) => `${q.title}\t${cardField(q.body)}\tk8s::${q.topic}`)].join('\n'),
  },
  {
    name: '题库（### 题目 N：问题，每题开头 难度/考察点/出现频率，**参考答案：**）',
    absent: /难度：|考察点：|出现频率：|参考答案/,
    render: (qs) =>
      [
        '# 面试题库',
        '',
        ...qs.flatMap((q, i) => [`### 题目 ${i + 1}：${q.title}`, '', `难度：${'★'.repeat((i % 3) + 1)}`, `考察点：${q.topic}`, `出现频率：${['高', '中', '低'][i % 3]}`, '', '**参考答案：**', '', ...shiftHeadings(q.body, 3), '']),
      ].join('\n'),
  },
  {
    name: 'GitHub issue 讨论串（Q: 在发起人的评论里，答案是别人的回复，中间是用户名、时间和表情回应）',
    absent: /commented on|@alice|@bob|👍|^Author$/m,
    render: (qs) =>
      [
        'Interview questions thread #42',
        'alice opened this issue on Mar 3, 2026 · 9 comments',
        ...qs.flatMap((q, i) => [
          '@alice',
          `alice commented on Mar ${(i % 28) + 1}, 2026`,
          'Author',
          `Q: ${q.title}`,
          '@bob',
          `bob commented on Mar ${(i % 28) + 1}, 2026 • edited`,
          ...shiftHeadings(q.body, 2),
          '',
          `👍 ${i + 1}`,
        ]),
      ].join('\n'),
  },
  {
    name: 'ChatGPT 对话（You said: / ChatGPT said:，代码块只剩语言名和 Copy code）',
    absent: /You said|ChatGPT said|Copy code|can make mistakes/,
    fencesLost: true,
    render: (qs) => [...qs.flatMap((q) => ['You said:', q.title, 'ChatGPT said:', '', ...chatText(q.body), '']), 'ChatGPT can make mistakes. Check important info.'].join('\n'),
  },
);

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
