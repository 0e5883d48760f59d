import { stringify } from 'yaml';
import type { GlossaryTerm } from './glossary.ts';
import { ID_PATTERN } from './question.ts';

/** Words that say nothing about which question it is; an id made only of them is not a good id. */
const GENERIC_WORDS = new Set(['kubernetes', 'k8s', 'what', 'is', 'the', 'a', 'an', 'how', 'why', 'and', 'or', 'of', 'in', 'to', 'vs']);
const MAX_ID = 50;

interface Token {
  start: number;
  end: number;
  word: string;
  /** From the caller's own word list: kept even where the word alone would be generic (`vs`). */
  given?: boolean;
}

interface Needle {
  text: string;
  latin: boolean;
  /** The id to write when this name is found: the term's, with a version the name adds (`cgroup v2` → cgroup-v2). */
  word: string;
}

const needles = new WeakMap<readonly GlossaryTerm[], Needle[]>();

/** Every name of every term, normalised once per glossary: an import derives an id for each of thousands of titles. */
function needlesOf(glossary: readonly GlossaryTerm[]): Needle[] {
  let list = needles.get(glossary);
  if (!list) {
    list = glossary.flatMap((term) =>
      [term.zh, ...term.aka, term.en].flatMap((name) => {
        const text = name.normalize('NFKC').toLowerCase();
        if (!text) return [];
        const latin = /^[\x20-\x7e]+$/.test(text);
        // `cgroup v2` is another name of cgroup, but the version is what the title asks about.
        const version = latin ? text.split(/[^a-z0-9]+/).filter((w) => /\d/.test(w) && !term.id.split('-').includes(w)) : [];
        return [{ text, latin, word: [term.id, ...version].join('-') }];
      }),
    );
    needles.set(glossary, list);
  }
  return list;
}

/** Where the title names a glossary term (in Chinese, another spelling or English), longest first. */
function termMatches(title: string, glossary: readonly GlossaryTerm[]): Token[] {
  const lower = title.toLowerCase();
  const out: Token[] = [];
  for (const needle of needlesOf(glossary)) {
    for (let at = lower.indexOf(needle.text); at !== -1; at = lower.indexOf(needle.text, at + 1)) {
      // English names only as whole words: “Pod” must not match inside “Pods” or “PodDisruptionBudget”.
      const end = at + needle.text.length;
      if (needle.latin && (/[a-z0-9]/.test(lower[at - 1] ?? '') || /[a-z0-9]/.test(lower[end] ?? ''))) continue;
      out.push({ start: at, end, word: needle.word });
    }
  }
  return out;
}

/**
 * Chinese words that are not terms of the trade but say what a question asks about its topic
 * (流程 → flow, 区别 → vs, 排查 → troubleshooting). `npm run new` names an id after glossary terms
 * only and asks the author for the rest; the importer has no author to ask, so it adds these.
 * A word mapped to '' is a question word: it names nothing, and only keeps its characters from
 * being read as part of another word.
 */
export const ASPECT_WORDS: readonly (readonly [string, string])[] = [
  ['自动扩容', 'autoscaling'], ['扩缩容', 'scaling'], ['扩容', 'scale-out'], ['缩容', 'scale-in'], ['生命周期', 'lifecycle'],
  ['钩子', 'hooks'], ['健康检查', 'health-check'], ['创建', 'create'], ['删除', 'delete'], ['过程', 'flow'], ['流程', 'flow'],
  ['链路', 'path'], ['原理', 'internals'], ['区别', 'vs'], ['对比', 'vs'], ['差异', 'vs'], ['作用', 'role'], ['用途', 'purpose'],
  ['组件', 'components'], ['架构', 'architecture'], ['网络', 'network'], ['通信', 'communication'], ['插件', 'plugin'],
  ['资源', 'resources'], ['限制', 'limits'], ['底层', 'under-the-hood'], ['状态', 'status'], ['原因', 'causes'],
  ['排查', 'troubleshooting'], ['故障', 'failure'], ['访问不通', 'unreachable'], ['不通', 'unreachable'], ['备份', 'backup'],
  ['恢复', 'restore'], ['工具', 'tools'], ['暴露', 'expose'], ['端口', 'port'], ['外部', 'external'], ['本地', 'local'],
  ['分配', 'assign'], ['目录结构', 'layout'], ['结构', 'structure'], ['修改', 'modify'], ['规则', 'rules'],
  ['效率', 'efficiency'], ['设计', 'design'], ['实现', 'implementation'], ['使用场景', 'use-cases'], ['应用场景', 'use-cases'],
  ['场景', 'use-cases'], ['组网', 'topology'], ['存放', 'contents'], ['内容', 'contents'], ['调优', 'tuning'], ['规模', 'scale'],
  ['上千', 'thousands'], ['注意', 'pitfalls'], ['关联', 'association'], ['等级', 'classes'], ['理解', 'overview'],
  ['工作模式', 'modes'], ['模式', 'modes'], ['隔离', 'isolation'], ['全局', 'global'], ['云上', 'cloud'], ['二进制', 'binary'],
  ['部署', 'deploy'], ['总览', 'overview'], ['有状态', 'stateful'], ['无状态', 'stateless'], ['方式', 'ways'], ['失败', 'failure'],
  ['指标', 'metrics'], ['采集', 'collection'], ['数据', 'data'], ['配置', 'config'], ['存储', 'storage'], ['踩坑', 'pitfalls'],
  ['坑', 'pitfalls'], ['生产环境', 'production'], ['经验', 'experience'], ['项目', 'project'], ['加分项', 'bonus'], ['编排', 'orchestration'],
  ['概述', 'overview'], ['版本', 'versions'], ['语法', 'syntax'], ['字段', 'fields'], ['详解', 'in-depth'], ['反向代理', 'reverse-proxy'],
  ['域名', 'domain'], ['安装', 'install'], ['类型', 'types'], ['路径', 'path'], ['自定义', 'custom'], ['行为', 'behavior'],
  ['退出码', 'exit-code'], ['证书', 'certificates'], ['过期', 'expiry'], ['升级', 'upgrade'], ['日志', 'logs'], ['权限', 'permissions'],
  ['安全', 'security'], ['性能', 'performance'], ['监控', 'monitoring'], ['告警', 'alerting'], ['策略', 'policy'], ['访问模式', 'access-modes'],
  ['回收', 'reclaim'], ['共享', 'shared'], ['关系', 'relationship'], ['重启', 'restart'], ['变量', 'variables'], ['环境', 'environment'],
  ['磁盘', 'disk'], ['内存', 'memory'], ['进程', 'process'], ['用户', 'user'], ['信号', 'signal'], ['阈值', 'threshold'], ['优先级', 'priority'],
  ['抢占', 'preemption'], ['打分', 'scoring'], ['过滤', 'filtering'], ['多租户', 'multi-tenancy'], ['租户', 'tenancy'], ['权重', 'weight'],
  ['密钥', 'keys'], ['加密', 'encryption'], ['认证', 'authentication'], ['鉴权', 'authorization'], ['授权', 'authorization'],
  ['持久化', 'persistence'], ['挂载', 'mount'], ['扩展', 'extension'], ['更新', 'update'], ['发布', 'release'], ['迁移', 'migration'],
  ['优雅', 'graceful'], ['终止', 'termination'], ['渲染', 'render'], ['模板', 'templates'], ['覆盖', 'override'], ['仓库', 'repository'],
  ['维护', 'maintenance'], ['体积', 'size'], ['清单', 'manifest'], ['有哪些', ''], ['哪些', ''], ['什么是', ''], ['是什么', ''], ['什么', ''], ['如何', ''], ['怎么', ''], ['怎样', ''], ['为什么', ''],
  ['简述', ''], ['谈谈', ''], ['说说', ''], ['介绍', ''], ['解决', ''], ['问题', ''],
];

/** The words of an id, in title order: glossary terms (金丝雀发布 → canary-release) and Latin words, and the extra words given. */
export function idWords(title: string, glossary: readonly GlossaryTerm[], words: readonly (readonly [string, string])[] = []): string[] {
  return idTokens(title, glossary, words).map((t) => t.word);
}

/** {@link idWords} with where each word starts in the title. */
export function idTokens(title: string, glossary: readonly GlossaryTerm[], words: readonly (readonly [string, string])[] = []): { at: number; word: string }[] {
  const text = title.normalize('NFKC');
  const candidates = [...termMatches(text, glossary)];
  // A word of the trade wins over a plain word at the same place: `滚动更新` is rolling-update, not update.
  const plain: Token[] = [];
  for (const [zh, en] of words) for (let at = text.indexOf(zh); at !== -1; at = text.indexOf(zh, at + 1)) plain.push({ start: at, end: at + zh.length, word: en, given: true });
  candidates.push(...plain.filter((p) => !candidates.some((c) => c.start < p.end && p.start < c.end && c.end - c.start >= p.end - p.start)));
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) candidates.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: { at: number; word: string }[] = [];
  let covered = -1;
  for (const c of candidates) {
    if (c.start < covered) continue;
    covered = c.end;
    if (c.word && (c.given || !GENERIC_WORDS.has(c.word)) && !out.some((o) => o.word === c.word)) out.push({ at: c.start, word: c.word });
  }
  return out;
}

export type IdChoice = { id: string } | { id?: undefined; suggestion: string };

/**
 * A readable, permanent id from a title: glossary terms and Latin words in title order
 * (`Kubernetes 中如何做金丝雀发布？` → `canary-release`); collisions get a numeric suffix.
 * When the title yields nothing meaningful, there is no id but a suggestion to pass as --id.
 */
export function deriveId(title: string, taken: ReadonlySet<string>, glossary: readonly GlossaryTerm[] = [], hints: { topic?: string; tags?: string[] } = {}): IdChoice {
  const words = idWords(title, glossary);
  let base = '';
  for (const w of words) {
    const next = base ? `${base}-${w}` : w;
    if (next.length > MAX_ID) break;
    base = next;
  }
  if (!base || base.length < 3 || !ID_PATTERN.test(base)) {
    // Something to start from: the tags the author gave, a glossary term the title nearly names, the topic.
    const start = hints.tags?.length ? hints.tags.join('-') : partialTerms(title, glossary)[0];
    return { suggestion: start ? unique(start, taken) : `${hints.topic ?? 'question'}-<英文关键词>` };
  }
  return { id: unique(base, taken) };
}

function unique(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Glossary terms sharing at least two characters in a row with the title: a start for an id. */
function partialTerms(title: string, glossary: readonly GlossaryTerm[]): string[] {
  const scored = glossary
    .map((t) => ({ id: t.id, overlap: Math.max(...[t.zh, ...t.aka].map((n) => longestCommonRun(title, n))) }))
    .filter((t) => t.overlap >= 2)
    .sort((a, b) => b.overlap - a.overlap);
  return scored.map((t) => t.id);
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

export interface ExistingQuestion {
  id: string;
  title: string;
  aliases?: string[];
  file?: string;
}

/** Question words and particles that every title has; they would make all titles look alike. */
const FILLER = /什么是|是什么|有哪些|有什么|哪些|什么|如何|怎么样|怎样|怎么|为什么|简述|谈谈|请问|的|了|吗|呢|和|与|及/g;

/** Title as a set of comparable tokens: glossary terms (so synonyms agree), Latin words, Chinese bigrams. */
function fingerprint(title: string, glossary: readonly GlossaryTerm[]): Set<string> {
  let text = title.normalize('NFKC').toLowerCase();
  const tokens = new Set<string>();
  for (const m of termMatches(text, glossary).sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (text.slice(m.start, m.end).includes('\u0000')) continue;
    tokens.add(`term:${m.word}`);
    text = text.slice(0, m.start) + '\u0000'.repeat(m.end - m.start) + text.slice(m.end);
  }
  for (const w of text.match(/[a-z0-9]+/g) ?? []) if (!GENERIC_WORDS.has(w)) tokens.add(w);
  for (const run of text.replace(FILLER, ' ').match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) tokens.add(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.add(run.slice(i, i + 2));
  }
  return tokens;
}

const dice = (a: Set<string>, b: Set<string>) => {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
};

/** Normalised for “is this the same question”: width, case, spaces and punctuation do not count. */
export const sameTitle = (a: string, b: string) => normalizeTitle(a) === normalizeTitle(b);
const normalizeTitle = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

export interface SimilarQuestion extends ExistingQuestion {
  score: number;
  /** The title or alias that matched best. */
  matched: string;
}

/** The existing questions most like a new title (by title and 其他问法), best first. */
export function similarQuestions(title: string, existing: readonly ExistingQuestion[], glossary: readonly GlossaryTerm[] = [], limit = 3, minScore = 0.3): SimilarQuestion[] {
  const mine = fingerprint(title, glossary);
  return existing
    .map((q) => {
      let best = { score: 0, matched: q.title };
      for (const wording of [q.title, ...(q.aliases ?? [])]) {
        const score = sameTitle(title, wording) ? 1 : dice(mine, fingerprint(wording, glossary));
        if (score > best.score) best = { score, matched: wording };
      }
      return { ...q, ...best };
    })
    .filter((q) => q.score >= minScore)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

export interface NewEntry {
  id: string;
  title: string;
  topic: string;
  tags?: string[];
  importance?: 1 | 2 | 3;
}

/** The MDX of a fresh, schema-valid question that says plainly it still needs an answer. */
export function scaffoldEntry(entry: NewEntry): string {
  const frontmatter = stringify({
    id: entry.id,
    title: entry.title,
    topic: entry.topic,
    tags: entry.tags ?? [],
    importance: entry.importance ?? 1,
    status: 'needs-answer',
  });
  return `---\n${frontmatter}---\n\n:::note[待补充]\n这道题还没有答案。写好答案后，把上面的 status 改成 answered。\n:::\n\n## 答案要点\n\n（在这里写答案。画图用 \`\`\`mermaid 代码块，示例用 \`\`\`yaml 和 \`\`\`bash。）\n`;
}
