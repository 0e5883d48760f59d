/** Shared types of the importer: every pass takes and returns these plain values. */

export type Format = 'qa-plain' | 'qa-blog' | 'hexo-blog' | 'github-view' | 'tutorial' | 'general';

export const FORMAT_LABELS: Record<Format, string> = {
  'qa-plain': '纯文本问答（编号 1.–N.，代码围栏丢失）',
  'qa-blog': '博客问答（☆ 标记重要度，代码块重复两遍）',
  'hexo-blog': 'Hexo 博客（一、二、… 分节）',
  'github-view': 'GitHub 文件页（行号栏与页面框架）',
  tutorial: '教程博客（标题层级被压平）',
  general: '通用笔记（按证据找出问题结构）',
};

/** Why a raw line is not in any entry. Every reason is something a reviewer can check in the report. */
export type DropReason =
  | 'blank'
  | 'gutter'
  | 'page-chrome'
  | 'duplicate-block'
  | 'duplicate-title'
  /** A heading of the note's own layout (`## 标准答案`), replaced by the site's structure. */
  | 'structure'
  /** Text before the first question (the page's title, author, table of contents): kept in the report's `setAside`. */
  | 'preface'
  /** Text after the last answer's closing rule (`觉得有用点个赞`): kept in the report's `setAside`. */
  | 'epilogue'
  /** An exchange in the middle of an interview transcript that asks and answers nothing technical: kept in the report's `setAside`. */
  | 'small-talk'
  /** What the site or app the note was copied from put around the text (likes, follow calls, edit dates, reply headers): kept in the report's `setAside`. */
  | 'furniture'
  /** A question's bookkeeping (`难度：★★`, `考察点：…`, a flashcard's tags): kept in the report's `setAside`. */
  | 'metadata'
  /** A picture the copy lost: its placeholder (`图片`) and the caption under it. Kept in the report's `setAside`. */
  | 'lost-image';

/** One working line; `src` lists the 1-based raw line numbers it came from. */
export interface Line {
  text: string;
  src: number[];
  /** Set on the first line of a run known to be one code block (e.g. a doubled block): its language and length. */
  fence?: { lang: string; length: number };
  /**
   * Text that belongs to no answer, recognised before the questions are: what the copied site put
   * around the text, a lost picture, the sign-off after an end mark. Kept out of the evidence;
   * set aside in the report wherever it stands (before the first question it is preface, as any text there).
   */
  aside?: 'furniture' | 'lost-image' | 'epilogue';
  /** The first line of another post of a thread (another answer, another comment): its text before its first question is its preface. */
  postStart?: boolean;
}

export interface Drop {
  line: number;
  reason: DropReason;
}

export interface Warning {
  line?: number;
  message: string;
}

export interface ListItem {
  depth: number;
  text: string;
  ordered?: number;
}

export type AsideVariant = 'caution' | 'note' | 'tip';

export type Block =
  | { type: 'heading'; depth: number; text: string; src: number[] }
  | { type: 'para'; text: string; src: number[] }
  | { type: 'list'; items: ListItem[]; src: number[] }
  | { type: 'code'; lang: string; lines: string[]; src: number[]; meta?: string }
  | { type: 'table'; header: string[]; rows: string[][]; src: number[] }
  | { type: 'aside'; variant: AsideVariant; title: string; text: string; src: number[] }
  /** Markdown that is already well-formed (the GitHub view): emitted as is, after escaping. */
  | { type: 'markdown'; lines: string[]; src: number[] };

/** Damage that could not be repaired from the text alone; shown on the page and makes the entry `partial`. */
export interface Loss {
  line: number;
  kind: 'lost-table' | 'lost-code' | 'cut-sentence' | 'lost-items' | 'broken-yaml';
  detail: string;
}

/** A question (or a tutorial section) cut out of a note. */
export interface Section {
  title: string;
  /** The note's own heading, when the title was taken from elsewhere (the question list of the GitHub view). */
  heading?: string;
  titleSrc: number[];
  /** ☆ in the note. */
  starred: boolean;
  /** How often the note says the question is asked (`出现频率：高`): the entry's importance. */
  importance?: 1 | 2 | 3;
  /** The heading that grouped this question in the note (`## 网络`): a hint for its topic. */
  topicHint?: string;
  lines: Line[];
  blocks: Block[];
  /** Blank lines inside the section: part of the entry, though no block shows them. */
  blank: number[];
  losses: Loss[];
}

export interface YamlStats {
  blocks: number;
  reindented: number;
  validated: number;
  failed: number;
}

export interface Doc {
  note: string;
  format: Format;
  /** Lines not yet assigned to a section (before segmentation: all of them). */
  lines: Line[];
  sections: Section[];
  drops: Drop[];
  warnings: Warning[];
  yaml: YamlStats;
  /** The question family the evidence chose (general path), e.g. `numbered`. */
  family?: string;
  /**
   * Text that belongs to no question (preface, epilogue), word for word, so the report still holds it.
   * `reason` is given where the line is not listed under that reason in `dropped` (a flashcard's tag field
   * shares its line with the card) and on every line the furniture, metadata and post passes set aside.
   */
  setAside?: { line: number; text: string; reason?: DropReason }[];
  /** How many places each pass changed, by pass name: what `--dry-run` prints. */
  passCounts?: Record<string, number>;
}

export type Pass = (doc: Doc) => Doc;
