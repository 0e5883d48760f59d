import { spawnSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGithub, formatPlain, error } from './diagnostics.ts';

const SCRIPT = resolve('scripts/check.ts');
const FIXTURES = resolve('src/checks/__fixtures__');

async function fixtureRoot(badCase?: string) {
  const root = await mkdtemp(join(tmpdir(), 'check-cli-'));
  await cp(join(FIXTURES, 'site'), root, { recursive: true });
  if (badCase) await cp(join(FIXTURES, 'bad', badCase, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

const runCheck = (cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [SCRIPT], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', ...env } });

describe('npm run check', () => {
  it('exits 0 and says how many files it checked on good content', async () => {
    const run = runCheck(await fixtureRoot());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('检查了 2 个文件');
    expect(run.stdout).toContain('0 个错误');
  });

  it('exits 1 and prints file:line:col with the rule for each problem', async () => {
    const run = runCheck(await fixtureRoot('script-tag'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^content\/docs\/workloads\/case-x\.mdx:9:1 错误 内容文件里不能有 <script>.*\[mdx\/no-script\]$/m);
  });

  it('prints GitHub annotations under Actions', async () => {
    const run = runCheck(await fixtureRoot('broken-link'), { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=content\/docs\/workloads\/case-x\.mdx,line=9,col=3,title=link\/broken::链接指向不存在的问题/m);
  });
});

describe('diagnostic formats', () => {
  const d = error('content/docs/a,b.mdx', 3, 7, 'yaml/parse', 'YAML 解析失败：第一行\n第二行 100%');
  it('plain: file:line:col severity message [rule]', () => {
    expect(formatPlain(d)).toBe('content/docs/a,b.mdx:3:7 错误 YAML 解析失败：第一行\n第二行 100% [yaml/parse]');
  });
  it('GitHub: escapes properties and data', () => {
    expect(formatGithub(d)).toBe('::error file=content/docs/a%2Cb.mdx,line=3,col=7,title=yaml/parse::YAML 解析失败：第一行%0A第二行 100%25');
  });
});
