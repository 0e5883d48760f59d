import { splitGluedLine } from './passes/unglue-code.ts';
import type { Format, Line } from './types.ts';

/**
 * Signatures of copy damage that the general path cannot undo by itself, each with the repairs
 * written for it. A signature is evidence in the text, never a name: a note from anywhere that
 * shows the same damage gets the same repairs.
 */
export function damageScores(lines: readonly Line[]): Record<Exclude<Format, 'general'>, number> {
  const texts = lines.map((l) => l.text);
  const count = (re: RegExp) => texts.filter((t) => re.test(t)).length;
  const fences = count(/^\s*(`{3,}|~{3,})/);
  // A line-number gutter (`|`, `||`) between the lines of a file page, and the page's size and type lines.
  const gutter = count(/^\|{1,2}$/);
  const chrome = count(/^\d+ lines$|^\d+(\.\d+)? [KM]iB$|^Markdown$/);
  // Every heading level flattened to `# `, mixed with the `# ` comments of shell sessions that lost their fences.
  // A flattened heading stands between blank lines; a shell comment sits on top of its command.
  const blank = (i: number) => i < 0 || i >= texts.length || texts[i]!.trim() === '';
  const flatHeadings = texts.filter((t, i) => /^# \S/.test(t) && blank(i - 1) && blank(i + 1)).length;
  const deeperHeadings = count(/^#{2,6} \S/);
  const bullets = count(/^\s+• /);
  const prompts = count(/^\[[\w.-]+@[\w.-]+ [^\]]*\][#$] /);
  // Sections numbered once through the page (`一、` … `十、`) with the page's list breaks (` - `) and misplaced bold.
  const sectionMarks = texts.filter((t) => /^[一二三四五六七八九十]{1,3}、\S/.test(t)).map((t) => t.slice(0, t.indexOf('、')));
  const chineseSections = sectionMarks.includes('一') && sectionMarks.indexOf('一', 1) === -1 ? sectionMarks.length : 0;
  const hexoBreaks = count(/^ - \S/) + count(/\*\*[^*]+ \*\*/);
  // ☆ questions whose code blocks were printed twice, the first copy with its language glued on.
  const stars = count(/^\d+\.\s*\S.*☆\s*$/);
  const gluedLang = count(/^(bash|shell|yaml|go|json|dockerfile|plaintext)[a-z\[\/$.-]/i);
  // Code whose last line swallowed the next sentence: fences were lost in the copy.
  const numberedQuestions = count(/^\d{1,2}\. \S.*[?？]/);
  const glued = fences > 0 ? 0 : texts.reduce((n, t) => n + (splitGluedLine(t) ? 1 : 0), 0);
  return {
    'github-view': gutter > 20 && chrome > 0 ? gutter + 10 * chrome : 0,
    tutorial: flatHeadings > 10 && deeperHeadings === 0 && fences === 0 && bullets + prompts > 0 ? flatHeadings + bullets + prompts : 0,
    'hexo-blog': chineseSections >= 3 && hexoBreaks >= 3 && fences === 0 ? 10 * chineseSections : 0,
    'qa-blog': stars >= 3 && gluedLang > 0 && fences === 0 ? 10 * stars + gluedLang : 0,
    'qa-plain': numberedQuestions >= 2 && glued >= 2 ? 5 * numberedQuestions : 0,
  };
}

/** The damage signature a note shows most strongly, or null: then only the general path applies. */
export function damageEvidence(lines: readonly Line[]): Exclude<Format, 'general'> | null {
  const scores = Object.entries(damageScores(lines)) as [Exclude<Format, 'general'>, number][];
  scores.sort((a, b) => b[1] - a[1]);
  const [best] = scores;
  return best && best[1] > 0 ? best[0] : null;
}
