import { ImportError } from './errors.ts';
import type { Format, Line } from './types.ts';

/** Evidence counted per format; the format with the strongest evidence wins. */
export function formatScores(lines: readonly Line[]): Record<Format, number> {
  const texts = lines.map((l) => l.text);
  const count = (re: RegExp) => texts.filter((t) => re.test(t)).length;
  const gutter = count(/^\|{1,2}$/);
  const chrome = count(/^\d+ lines$|^\d+(\.\d+)? [KM]iB$|^Markdown$/);
  const hashHeadings = count(/^# \S/);
  const bullets = count(/^\s+• /);
  const prompts = count(/^\[[\w.-]+@[\w.-]+ [^\]]*\][#$] /);
  // A Hexo post numbers its sections once through the page; answers that restart at 一、 are inner sections.
  const sectionMarks = texts.filter((t) => /^[一二三四五六七八九十]{1,3}、\S/.test(t)).map((t) => t.slice(0, t.indexOf('、')));
  const chineseSections = sectionMarks.includes('一') && sectionMarks.indexOf('一', 1) === -1 ? sectionMarks.length : 0;
  const stars = count(/^\d+\.\s*\S.*☆\s*$/);
  const gluedLang = count(/^(bash|shell|yaml|go|json|dockerfile|plaintext)[a-z\[\/$.-]/i);
  const numberedQuestions = count(/^\d{1,2}\. \S.*[?？]/);
  return {
    'github-view': gutter > 20 && chrome > 0 ? gutter + 10 * chrome : 0,
    tutorial: hashHeadings > 10 ? hashHeadings + bullets + prompts : 0,
    'hexo-blog': chineseSections >= 3 ? 10 * chineseSections : 0,
    'qa-blog': stars >= 3 ? 10 * stars + gluedLang : 0,
    'qa-plain': numberedQuestions >= 2 ? 5 * numberedQuestions : 0,
  };
}

/** Recognise which kind of web page a note was copied from, by its content alone. */
export function detectFormat(lines: readonly Line[], file: string): Format {
  const scores = Object.entries(formatScores(lines)) as [Format, number][];
  scores.sort((a, b) => b[1] - a[1]);
  const [best] = scores;
  if (!best || best[1] === 0) {
    throw new ImportError(
      file,
      undefined,
      '认不出笔记格式：没有找到编号问题（“1. …？”）、☆ 问题、“一、”分节、GitHub 行号栏或 “# ” 标题。请检查是否是面试笔记',
    );
  }
  return best[0];
}
