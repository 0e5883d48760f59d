import { cutSections } from '../section.ts';
import type { Doc } from '../types.ts';

const SECTION = /^([一二三四五六七八九十]{1,3})、\s*(\S.*?)\s*$/;

/** Hexo blog copy (note 002): questions are the `一、` … `十、` sections; the page title, printed twice above them, is page chrome. */
export function segmentHexoBlog(doc: Doc): Doc {
  const titles = doc.lines.flatMap((line, index) => {
    const m = SECTION.exec(line.text);
    return m ? [{ index, title: m[2]! }] : [];
  });
  const firstTitle = titles[0]?.index ?? 0;
  const pageTitle = new Set(doc.lines.slice(0, firstTitle).map((l) => l.text.trim()).filter((t, i, all) => all.indexOf(t) !== i));
  return cutSections(doc, titles, { reason: 'page-chrome', test: (l) => pageTitle.has(l.text.trim()) });
}
