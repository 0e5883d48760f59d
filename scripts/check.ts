/**
 * `npm run check`: every content check, without building the site. Prints file:line:col
 * messages (and GitHub annotations under Actions) and exits 1 when anything is wrong.
 *
 *   npm run check                 # compare ids with where this branch left origin/main (or main)
 *   npm run check -- --base HEAD~1
 */
import { spawnSync } from 'node:child_process';
import { checkContent, idsAtRevision } from '../src/checks/check-content.ts';
import { formatGithub, formatPlain } from '../src/checks/diagnostics.ts';

const args = process.argv.slice(2);
const baseFlag = args.indexOf('--base');
// An empty or all-zero base (a new branch, a manual run) means “no explicit base”.
const explicitBase = (baseFlag !== -1 ? args[baseFlag + 1] : process.env.CHECK_BASE)?.replace(/^0+$/, '') || undefined;
const root = process.cwd();

const revExists = (rev: string) => spawnSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root }).status === 0;
/**
 * Where this branch left main: ids published there must still exist. Comparing with main's tip
 * instead would blame a branch for pages added to main after it forked.
 */
const forkPoint = (rev: string) => {
  const mb = spawnSync('git', ['merge-base', 'HEAD', rev], { cwd: root, encoding: 'utf8' });
  return mb.status === 0 && mb.stdout.trim() ? mb.stdout.trim() : rev;
};
const mainRef = ['origin/main', 'main'].find(revExists);
const base = explicitBase ?? (mainRef ? forkPoint(mainRef) : undefined);
const publishedIds = base ? idsAtRevision(root, base) : undefined;

const started = performance.now();
const { diagnostics, files } = await checkContent({ root, publishedIds });
const github = process.env.GITHUB_ACTIONS === 'true';
for (const d of diagnostics) console.log(github ? formatGithub(d) : formatPlain(d));

const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const baseName = explicitBase ?? (mainRef && base !== mainRef ? `${mainRef}（分叉点 ${base!.slice(0, 7)}）` : base);
const idNote = publishedIds ? `，与 ${baseName} 的 ${publishedIds.length} 个已发布 id 对比` : '（没有可对比的 git 基线，跳过已发布 id 检查）';
console.log(`\n检查了 ${files} 个文件${idNote}，${seconds} 秒：${errors} 个错误，${warnings} 个警告。`);
process.exit(errors > 0 ? 1 : 0);
