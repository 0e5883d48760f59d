import { spaceCjkLatin } from '../content-model/typography.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** Rules between a page's frontmatter and where it lives: title typography, topic folder. */
export const pageRulesCheck: ContentCheck = {
  name: 'title/spacing topic/folder',
  page({ file, data, frontmatter, folder }) {
    if (!data || !frontmatter) return [];
    const out: Diagnostic[] = [];
    if (spaceCjkLatin(data.title) !== data.title) {
      out.push(error(file, frontmatter.lineOf(['title']), 1, 'title/spacing', `标题中英文之间要留一个空格：应为 “${spaceCjkLatin(data.title)}”`));
    }
    if (folder && data.topic !== folder) {
      out.push(error(file, frontmatter.lineOf(['topic']), 1, 'topic/folder', `topic 是 ${data.topic}，但文件在 ${folder}/ 目录里：请把文件移到 content/docs/${data.topic}/`));
    }
    return out;
  },
};
