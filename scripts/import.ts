/**
 * npm run import -- content/raw/000_….txt [more notes] [--out content/docs] [--force] [--dry-run]
 *
 * Turns raw notes into MDX entries and writes `<note>.report.json` beside each note. Never
 * overwrites an entry someone edited: a file is rewritten only if it is still exactly what the
 * importer wrote last time (hash in the report), or with --force. Prints, per note, the question
 * family found, the number of questions, what each pass did, and likely duplicates on the site;
 * --dry-run prints the same and writes nothing.
 */
import { parseArgs } from 'node:util';
import { importNotes } from '../src/importer/write.ts';
import { ImportError } from '../src/importer/errors.ts';
import { FAMILY_LABELS } from '../src/importer/evidence.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/docs' },
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`用法：npm run import -- <笔记> [...] [--out content/docs] [--force] [--dry-run]

  --dry-run   只报告找到的结构、问题数、每个 pass 的处理数和疑似重复，不写任何文件
  --out       条目写到哪个目录（默认 content/docs）
  --force     连人工改过的条目也覆盖（慎用）

导入器按证据找问题，认得这些写法：
${Object.values(FAMILY_LABELS).map((l) => `  - ${l}`).join('\n')}
另外会先拆掉复制来源的标记：Obsidian callout 与双链、网页纯文本里的实体/<br>/复制按钮/行号栏、问答表格、<details> 折叠块、
网页源码（<h3>/<p>/<pre><code>/<table> 写回 Markdown）、Setext 标题（=== / --- 下划线）、语雀/Typora 导出的 [TOC] 与锚点、
PDF 复制的页眉页脚（第 N 页）与硬换行、引用式链接（[文字][id] 在各自条目里写成行内链接）。
每份笔记旁写 <笔记名>.report.json：每一行去了哪个条目或为什么没进条目，前言、结语和面试实录中途的寒暄逐字记在 setAside 里。
笔记文件名只能用英文字母、数字、“.”“-”“_”，以 .txt、.md 或 .markdown 结尾（网页源码请另存为 .txt）。`);
  process.exit(0);
}

if (positionals.length === 0) {
  console.error('用法：npm run import -- content/raw/<笔记>.txt [...] [--out content/docs] [--force] [--dry-run]');
  process.exit(2);
}

try {
  const summary = importNotes(positionals, { outDir: values.out, force: values.force, dryRun: values['dry-run'] });
  for (const line of summary.log) console.log(line);
  process.exit(summary.ok ? 0 : 1);
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`错误：${error.message}`);
    process.exit(1);
  }
  throw error;
}
