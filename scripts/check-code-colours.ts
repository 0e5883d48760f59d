/**
 * Finds code blocks in a built site whose syntax colours are missing in one theme (light or dark)
 * while the other theme's are right: the symptom of Shiki abandoning a line under CPU load.
 *
 *   npx node scripts/check-code-colours.ts                  # scans dist/
 *   npx node scripts/check-code-colours.ts path/to/dist
 *   npx node scripts/check-code-colours.ts dist --baseline path/to/good-dist   # exact: compares block by block
 *
 * Exits 1 when a block is found. Without --baseline the check compares each span's colours with
 * how the rest of the site pairs the two themes (see findMiscolouredBlocks).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractCodeBlocks, findMiscolouredBlocks, diffCodeColours, type CodeBlock } from './code-colours.ts';

function readSite(dir: string): CodeBlock[] {
  if (!existsSync(dir)) {
    console.error(`找不到构建目录 ${dir}：先运行 npx astro build。`);
    process.exit(2);
  }
  const blocks: CodeBlock[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    blocks.push(...extractCodeBlocks(readFileSync(file, 'utf8'), relative(dir, file)));
  }
  return blocks;
}

const args = process.argv.slice(2);
const baselineFlag = args.indexOf('--baseline');
const baselineDir = baselineFlag === -1 ? undefined : args[baselineFlag + 1];
const dir = args.find((a, i) => !a.startsWith('--') && (baselineFlag === -1 || i !== baselineFlag + 1)) ?? 'dist';

const blocks = readSite(dir);
if (!blocks.length) {
  console.error(`${dir} 里没有任何代码块：构建没有完成，或者不是本站的构建目录。`);
  process.exit(2);
}
const findings = baselineDir ? diffCodeColours(readSite(baselineDir), blocks) : findMiscolouredBlocks(blocks);
for (const f of findings)
  console.log(`${join(dir, f.page)} 第 ${f.index} 个代码块（${f.language}）：主题 ${f.theme}（--${f.theme}）第 ${f.lines.join('、')} 行颜色异常：${f.detail}`);
const pages = new Set(blocks.map((b) => b.page)).size;
console.log(`检查了 ${dir} 里 ${pages} 个页面中的 ${blocks.length} 个代码块，${findings.length ? `发现 ${findings.length} 处颜色异常` : '没有发现颜色异常'}${baselineDir ? `（与 ${baselineDir} 逐块对比）` : ''}。`);
process.exit(findings.length ? 1 : 0);
