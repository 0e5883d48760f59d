import { asksQuestion, candidatesOf, fenceRanges } from '../evidence.ts';
import { isBlank, normalizeSpaces } from '../text.ts';
import type { Line, Pass } from '../types.ts';
import { counted } from './note-lines.ts';

/**
 * What the site or app a note was copied from puts around the author's text: vote and comment
 * counters, share and follow buttons, "edited on" stamps, reply headers, copyright boilerplate,
 * the placeholder of a picture that did not copy. Each is a family of lines, recognised by its
 * shape (only a site's words and counts; a date next to a verb of posting), never by one site's
 * exact wording. Lines are only marked here; segmentation sets them aside in the report, so a
 * marked line before the first question stays the preface it always was.
 */

/**
 * Words of a site's buttons and counters (知乎, 公众号, 掘金, CSDN, GitHub, Reddit…), in Chinese and
 * English. Words an answer may list on their own line (`Delete` as a reclaim policy, `Edit`, `删除`) are not here.
 */
const UI_WORDS = [
  ...['赞同', '反对', '赞', '点赞', '在看', '分享', '收藏', '喜欢', '收起', '展开阅读全文', '展开全文', '展开', '阅读原文', '阅读全文', '阅读', '评论', '条评论', '添加评论', '回复', '转发', '举报', '关注', '已关注', '关注者'],
  ...['被浏览', '浏览', '人赞同了该回答', '人赞同了该文章', '人点赞', '人收藏', '人阅读', '次阅读', '阅读量', '复制链接', '申请转载', '不感兴趣', '写留言', '留言', '打赏', '投币', '一键三连'],
  ...['Reply', 'Replies', 'Share', 'Upvote', 'Upvotes', 'Downvote', 'Follow', 'Comments', 'Comment', 'Copy link'],
];
/** One word or one count (`328`, `1,024`, `1.2 万`, `3.4k`) at a time, the longest word first so `赞同` is not read as `赞`. */
const TOKEN = new RegExp(`\\s*(?:[\\d.,]+\\s*[万千kKwW]?\\+?|${[...UI_WORDS].sort((a, b) => b.length - a.length).join('|')})(?=$|[\\s\\d\\u3400-\\u9fff]|(?<=[\\u3400-\\u9fff]))\\s*`, 'iy');
/** Reaction emoji a thread shows under a comment (👍 3 ❤️ 1 🎉 2 😄 🚀 👀 👎 😕). */
const REACTION = /^(?:[\u{1F44D}\u{1F44E}\u{2764}\u{1F389}\u{1F604}\u{1F615}\u{1F680}\u{1F440}\u{1F525}\u{1F44F}\u{1F64F}]\u{FE0F}?\s*\d*\s*)+$/u;

/** Only a site's words and counts: `​赞同 328​​35 条评论`, `分享收藏`, `赞 12在看 5`, `👍 3`. */
function isCounterLine(t: string): boolean {
  if (REACTION.test(t)) return true;
  const rest = t.replace(/[·・|/•,，]+(?=\s|$)|\s[·・|/•]+\s/g, ' ').trim();
  let words = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rest.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(rest);
    if (!m || TOKEN.lastIndex === at) return false;
    if (/[^\d.,\s万千kKwW+]/.test(m[0])) words++;
  }
  return words > 0;
}

const DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d+\s*(?:分钟|小时|天|周|个月|年)前|\b\d+\s*(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|昨天|今天|yesterday/i;
/** A verb of posting next to a date: `编辑于 2025-11-03`, `发布于`, `发表于浙江`, `bob commented on Mar 3, 2026`, `IP 属地北京`. */
const POSTED = /编辑于|发布于|发表于|更新于|修改于|创建于|最近修改|首发于|已于.{0,24}(?:修改|发布|编辑)|IP\s*属地|\b(?:commented|opened this|closed this|reopened this|edited|posted|replied|answered|asked|updated|merged|added a commit|marked this)\b/i;
const RELEASE = /(?<![\w-])(?:kubernetes|k8s)(?![\w-])|\bv\d+\.\d+|版本|\brelease|\bGA\b/i;
/** Copyright and reprint boilerplate a platform appends to every post. */
const BOILERPLATE = /著作权归.{0,6}所有|转载请(?:联系|注明)|未经.{0,8}(?:允许|授权).{0,6}(?:转载|使用)|版权声明|本文(?:为|系).{0,20}原创|遵循\s*CC\s*4\.0|All rights reserved/i;
/** A call to follow, scan or star: `点击上方蓝字关注我们`, `长按识别二维码`, `设为星标`, `点个「在看」`, `欢迎关注公众号`. */
// The verb and its object stand close: `请求转发到 kubelet` is no call to forward a post.
const CALL_TO_ACTION = /(?:点击|长按|扫码|扫描|设为|点个|欢迎|记得|一键|戳)[^，。,；;]{0,10}(?:关注|二维码|星标|在看|点赞|三连|公众号|加群|交流群|阅读原文)|(?:欢迎|记得|(?:^|[\s，,。！!~～])求个?)(?:点赞|收藏|转发|三连)|识别[^，。,；;]{0,4}二维码|(?:关注|添加)[^，。,；;]{0,8}(?:公众号|微信号|小助手)/;
/** A model's reminder under a chat transcript: `ChatGPT can make mistakes.`, `内容由 AI 生成`. */
const AI_DISCLAIMER = /can make mistakes|check important info|内容由\s*AI\s*生成|AI\s*生成的内容|仅供参考，请注意甄别|may (?:display|produce) inaccurate/i;
/** `@alice-dev` alone, and the badge a forum puts next to a name. */
const HANDLE = /^@[\w.-]{2,39}$/;
const BADGE = /^(?:Author|Member|Contributor|Collaborator|Owner|Maintainer|Moderator|OP|Bot|楼主|作者|管理员|版主|博主)$/;
/** The placeholder a picture leaves when a page is copied as text. */
const PICTURE = /^(?:\[?(?:图片|图像|image|img|picture|photo|动图|GIF)\]?|!\[[^\]]*\]\(\s*\))$/i;
/** A caption: `图：…`, `图 1 …`, `图1-2：…`, `▲ …`, `↑ …`, `(图源网络)`. */
const CAPTION = /^(?:图\s*[\d一二三四五六七八九十]*(?:[-.．]\d+)?\s*[:：.．、\s]|[▲△↑]\s*|[（(]图[^）)]*[）)]$|Figure\s*\d*[:.]\s)/i;
/** The end of a post, after which a platform lists other posts and asks for likes: `- END -`, `（完）`, `— THE END —`, `往期推荐`. */
// A bare `END` can close a heredoc or a SQL block pasted without a fence: only a decorated one (`- END -`) counts.
const END_MARK = /^[-—–=~*·\s]+(?:THE )?END[-—–=~*·\s]+$|^THE END$|^[-—–=~*·\s]*(?:完|全文完|本文完|正文完)[-—–=~*·\s]*$|^[（(](?:完|全文完)[）)]$|^(?:往期推荐|往期回顾|推荐阅读|相关阅读|相关推荐|延伸阅读|精彩推荐|猜你喜欢|Related (?:posts|articles|reading))[:：]?$/i;

export type FurnitureKind = 'counter' | 'stamp' | 'boilerplate' | 'call' | 'disclaimer' | 'handle' | 'picture';

/** What family of furniture a line is, if any. */
export function furnitureKind(text: string): FurnitureKind | null {
  if (text.length > 160) return null;
  const t = normalizeSpaces(text).trim();
  if (t === '' || t.length > 120) return null;
  if (t.length <= 40 && (HANDLE.test(t) || BADGE.test(t))) return 'handle';
  if (t.length <= 40 && PICTURE.test(t)) return 'picture';
  if (t.length <= 60 && isCounterLine(t)) return 'counter';
  // A release date is an answer's fact (`Kubernetes v1.37 发布于 2026-08-26`), not a post's stamp.
  if (t.length <= 80 && /\d|昨天|今天|yesterday/i.test(t) && POSTED.test(t) && DATE.test(t) && !/[。？?！!]$/.test(t) && !RELEASE.test(t)) return 'stamp';
  if (/著作|转载|版权|授权|rights/i.test(t) && BOILERPLATE.test(t)) return 'boilerplate';
  if (t.length <= 60 && /关注|二维码|星标|在看|点赞|三连|转发|公众号|群|阅读原文|微信|小助手/.test(t) && CALL_TO_ACTION.test(t)) return 'call';
  if (/mistakes|important|AI|甄别|inaccurate/i.test(t) && AI_DISCLAIMER.test(t)) return 'disclaimer';
  // `328 人赞同了该回答`, `56 赞同 · 12 评论`: a vote header, counted like the counters.
  if (/^[\d.,]+\s*[万千kK]?\s*人?(?:赞同|点赞|赞)了?该?(?:回答|文章)?$/.test(t)) return 'counter';
  return null;
}

/** A post's header: who wrote it and when. After one, another post of the thread begins. */
const HEADER_KINDS = new Set<FurnitureKind>(['stamp', 'handle']);

const nextText = (lines: readonly Line[], i: number, step: 1 | -1) => {
  let j = i + step;
  while (j >= 0 && j < lines.length && isBlank(lines[j]!.text)) j += step;
  return j >= 0 && j < lines.length ? j : -1;
};

export const markFurniture: Pass = (doc) => {
  const inFence = fenceRanges(doc.lines);
  const kinds = doc.lines.map((l, i) => (inFence[i] ? null : furnitureKind(l.text)));
  const aside: (Line['aside'] | undefined)[] = kinds.map((k) => (k === null ? undefined : k === 'picture' ? 'lost-image' : 'furniture'));
  // A caption right under a picture that did not copy describes nothing the reader can see.
  kinds.forEach((k, i) => {
    const j = k === 'picture' ? nextText(doc.lines, i, 1) : -1;
    if (j >= 0 && !inFence[j] && aside[j] === undefined && CAPTION.test(doc.lines[j]!.text.trim()) && doc.lines[j]!.text.trim().length <= 60) aside[j] = 'lost-image';
  });
  // A short line between two lines of a post's furniture, in a run that names who posted: the poster's name or bio.
  for (let i = 0; i < doc.lines.length; i++) {
    if (aside[i] || inFence[i] || doc.lines[i]!.text.length > 40 || isBlank(doc.lines[i]!.text)) continue;
    const t = doc.lines[i]!.text.trim();
    const above = nextText(doc.lines, i, -1);
    const below = nextText(doc.lines, i, 1);
    if (t.length > 24 || /[。？?！!：:]$/.test(t) || above < 0 || below < 0 || !aside[above] || !aside[below]) continue;
    // A question between two headers (`Q: …` in a comment of its own) is the thread's point, not its furniture.
    if (asksQuestion(t) || candidatesOf(t, i).length > 0) continue;
    if ([above, below].some((j) => kinds[j] === 'counter' || HEADER_KINDS.has(kinds[j]!))) aside[i] = 'furniture';
  }
  // After an end mark, a short tail (other posts' titles, likes, the QR code) is the page's sign-off.
  const end = doc.lines.findIndex((l, i) => !inFence[i] && END_MARK.test(normalizeSpaces(l.text).trim()));
  if (end >= 0) {
    const tail = doc.lines.slice(end + 1).filter((l) => !isBlank(l.text));
    if (tail.length <= 15 && !inFence.slice(end).some(Boolean)) for (let i = end; i < doc.lines.length; i++) if (!isBlank(doc.lines[i]!.text)) aside[i] = 'epilogue';
  }
  let changed = 0;
  // A post's header is a run of furniture that says who posted (a stamp, a handle) with more around it
  // (counters, buttons, a badge): a lone `编辑于 …` inside an answer starts no new post.
  let header = false;
  let run = 0;
  const lines = doc.lines.map((l, i) => {
    const a = aside[i];
    if (a) {
      changed++;
      run++;
      if (kinds[i] && HEADER_KINDS.has(kinds[i]!)) header = true;
      return { ...l, aside: a };
    }
    if (isBlank(l.text)) return l;
    const start = header && run >= 2;
    header = false;
    run = 0;
    return start ? { ...l, postStart: true } : l;
  });
  return changed === 0 ? { ...doc, passCounts: counted(doc, 'furniture', 0) } : { ...doc, lines, passCounts: counted(doc, 'furniture', changed) };
};
