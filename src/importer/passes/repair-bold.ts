import { mapSections } from '../text.ts';
import type { Pass } from '../types.ts';

/**
 * The Hexo copy moved each closing `**` in front of the text it closed:
 * `**内核会为某些全局资源,设计一层 **namespace 抽象层。` was `内核会为某些全局资源,设计一层 **namespace** 抽象层。`.
 * Rebuild the span around the term after the stray marker (up to the next space or punctuation);
 * where no term follows, drop the empty markers. `****` is an empty span. The words are never touched.
 */
export function repairBold(text: string): string {
  let t = text.replace(/\*\*\*\*/g, '');
  const broken = /\*\*([^*]*?) \*\*(\S?)/;
  for (let guard = 0; guard < 10 && broken.test(t); guard++) {
    t = t.replace(/\*\*([^*]*?) \*\*([^*]*)$|\*\*([^*]*?) \*\*([^*]*?)(?=\*\*)/, (_all, a1?: string, b1?: string, a2?: string, b2?: string) => {
      const lead = a1 ?? a2 ?? '';
      const rest = b1 ?? b2 ?? '';
      const term = /^[^\s,，。:：;；、()（）!！?？]{1,24}/.exec(rest)?.[0];
      return term ? `${lead} **${term}**${rest.slice(term.length)}` : `${lead} ${rest}`.replace(/\s+$/, '');
    });
  }
  return t;
}

export const repairBrokenBold: Pass = (doc) =>
  mapSections(doc, (s) => ({ ...s, lines: s.lines.map((l) => (l.text.includes('**') ? { ...l, text: repairBold(l.text) } : l)) }));
