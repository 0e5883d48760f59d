/**
 * `npm run bench:vitepress`: this site against VitePress 1.6 + vitepress-plugin-mermaid (client-side
 * Mermaid) and a bare Starlight, on the same questions, on this machine, in one run (issue 11:
 * cold build ≤ 0.6× VitePress). Opt-in, not part of `npm test` or CI: it installs VitePress from the
 * npm registry into a throwaway directory in .cache/ (never into package.json).
 *
 * Builds are interleaved: each round builds every site cold (no caches, no output) and then warm
 * (caches kept, output removed), in a rotated order, so all three see the same machine load;
 * the report gives medians and the ratio this site / VitePress, of wall time and of the CPU time
 * of each build's whole process tree (process-tree-cpu.ts), which other work on a shared machine
 * disturbs far less than wall time. Then it loads one question page
 * with a diagram and one without in real Chromium and counts the JS each site makes the browser
 * fetch before the reader does anything (gzip), including the Mermaid chunks the plugin imports to
 * draw a diagram; VitePress also prefetches the chunks of pages linked in view, shown apart.
 *   --runs N   rounds (default 3)
 *   --keep     keep the throwaway directories in .cache/ for inspection
 *   --vitepress-search none   build VitePress without its local search (default: local, as our
 *                             site has search too)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bareStarlightCopy, scaledCopy } from './bench-scale.ts';
import { measureInBrowser } from './browser-weight.ts';
import { ProcessTreeCpu } from './process-tree-cpu.ts';
import { convertSite, type ConvertedSite } from './vitepress-convert.ts';

/**
 * The plugin declares `mermaid: 10 || 11` as its peer range; a VitePress user installs Mermaid 11
 * (12 would need --force).
 */
const PACKAGES = ['vitepress@1.6', 'vitepress-plugin-mermaid@2', 'mermaid@11'];
const MERMAID_CACHE = 'node_modules/.cache/mermaid-svg';
const TARGET = 0.6;

/** A failure the reader can act on: printed without a stack trace. */
class BenchError extends Error {}

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'vitepress-search': { type: 'string', default: 'local' },
  },
});
const runs = Number(args.runs);

const project = process.cwd();
const tail = (text: string, lines = 30) => text.trimEnd().split('\n').slice(-lines).join('\n');

function npm(cwd: string, npmArgs: string[], timeoutMs: number) {
  return spawnSync('npm', npmArgs, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
}

/** Installs VitePress and the plugin into `dir`, or says in Chinese why it cannot. */
function installVitepress(dir: string): Record<string, string> {
  const registry = npm(dir, ['config', 'get', 'registry'], 30_000).stdout?.trim() || 'https://registry.npmjs.org/';
  const ping = npm(dir, ['view', PACKAGES[0]!, 'version', '--json'], 60_000);
  if (ping.status !== 0) {
    const why = ping.error ? ping.error.message : tail(ping.stderr || ping.stdout, 8);
    throw new BenchError(
      `无法从 npm 仓库 ${registry} 获取 ${PACKAGES[0]}：这个对比要临时安装 ${PACKAGES.join('、')}。\n` +
        `请检查网络、代理或仓库地址（npm config get registry）后重新运行 npm run bench:vitepress。\nnpm 的输出：\n${why}`,
    );
  }
  const manifest = { private: true, type: 'module', allowScripts: { esbuild: true } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = npm(dir, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], 15 * 60_000);
  if (install.status !== 0) {
    const why = install.error ? install.error.message : tail(install.stderr || install.stdout, 15);
    throw new BenchError(`在 ${dir} 安装 ${PACKAGES.join('、')} 失败（仓库 ${registry}）：\n${why}`);
  }
  const version = (name: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return Object.fromEntries(['vitepress', 'vitepress-plugin-mermaid', 'mermaid'].map((n) => [n, version(n)]));
}

interface Site {
  name: string;
  /** Removes every cache the build would reuse, and the output. */
  clean: () => void;
  /** Removes the output only. */
  cleanOutput: () => void;
  build: () => Promise<Timing>;
  /** The built site, and the URL path of a question page in it. */
  dist: string;
  pagePath: (id: string) => string;
  cold: Timing[];
  warm: Timing[];
}

const rm = (...paths: string[]) => {
  for (const path of paths) rmSync(path, { recursive: true, force: true });
};

interface Timing {
  /** Wall clock: what a contributor waits for. */
  ms: number;
  /**
   * CPU time (user + system) of the build's whole process tree, Chromium and esbuild included:
   * much less sensitive than wall time to other work on a shared machine. NaN without /proc.
   */
  cpuMs: number;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
const SAMPLE_MS = 100;

async function timedBuild(label: string, cwd: string, script: string, scriptArgs: string[]): Promise<Timing> {
  const started = performance.now();
  // The JS entry on this Node (22, via npm scripts): the same for every site, no npx start-up.
  const child = spawn(process.execPath, [script, ...scriptArgs], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const cpu = child.pid !== undefined && ProcessTreeCpu.supported() ? new ProcessTreeCpu(child.pid) : undefined;
  cpu?.sample();
  const timer = setInterval(() => cpu?.sample(), SAMPLE_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail);
    child.on('close', (c, sig) => done([c, sig]));
  }).finally(() => clearInterval(timer));
  const ms = performance.now() - started;
  if (signal) throw new BenchError(`${label} 构建被 ${signal} 中断`);
  if (code !== 0) throw new BenchError(`${label} 构建失败（退出码 ${code}，目录 ${cwd}）：\n${tail(output)}`);
  return { ms, cpuMs: cpu ? (cpu.totalTicks() * 1000) / CLOCK_TICKS : NaN };
}

function astroSite(name: string, dir: string): Site {
  const astro = resolve(project, 'node_modules/astro/bin/astro.mjs');
  return {
    name,
    clean: () => rm(join(dir, '.astro'), join(dir, MERMAID_CACHE), join(dir, 'dist')),
    cleanOutput: () => rm(join(dir, 'dist')),
    build: () => timedBuild(name, dir, astro, ['build']),
    dist: join(dir, 'dist'),
    pagePath: (id) => `/q/${id}/`,
    cold: [],
    warm: [],
  };
}

function vitepressSite(name: string, dir: string): Site {
  const dot = join(dir, 'docs/.vitepress');
  return {
    name,
    clean: () => rm(join(dot, 'cache'), join(dot, 'dist')),
    cleanOutput: () => rm(join(dot, 'dist')),
    build: () => timedBuild(name, dir, join(dir, 'node_modules/vitepress/bin/vitepress.js'), ['build', 'docs']),
    dist: join(dot, 'dist'),
    pagePath: (id) => `/q/${id}.html`,
    cold: [],
    warm: [],
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const col = (text: string, width: number) => text.padEnd(width);
const countHtml = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, d) => n + (d.isDirectory() ? countHtml(join(dir, d.name)) : d.name.endsWith('.html') ? 1 : 0),
    0,
  );

async function main() {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new BenchError(`--runs 需要一个 ≥ 1 的整数，收到 “${args.runs}”`);
  const search = args['vitepress-search'];
  if (search !== 'local' && search !== 'none') throw new BenchError(`--vitepress-search 只能是 local 或 none，收到 “${search}”`);
  // Ctrl-C also stops the running build; the error that causes then removes the throwaway copies.
  process.on('SIGINT', () => console.error('\n中断：等当前构建结束后清理临时目录…'));
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: project, encoding: 'utf8' }).stdout?.trim();
  mkdirSync(join(project, '.cache'), { recursive: true });
  const vpDir = mkdtempSync(join(project, '.cache', 'bench-vitepress-'));
  const removers: (() => void)[] = [() => rm(vpDir)];
  try {
    console.log(`安装 ${PACKAGES.join(' ')} 到 ${vpDir} …`);
    const versions = installVitepress(vpDir);
    const converted: ConvertedSite = convertSite(project, join(vpDir, 'docs'), { search: search === 'local' });
    console.log(
      `转换：${converted.questions} 题、${converted.topics} 个专题页、首页 → ${converted.pages} 个 VitePress 页面，${converted.diagrams} 张 Mermaid 图` +
        (converted.unresolved.length ? `；VitePress 副本里没有的站内链接：${converted.unresolved.join(' ')}` : ''),
    );

    const ours = scaledCopy(1, project);
    removers.push(ours.remove);
    // scaledCopy links our diagram cache in; a cold build must render every diagram itself.
    const linked = join(ours.dir, MERMAID_CACHE);
    if (existsSync(linked) && lstatSync(linked).isSymbolicLink()) unlinkSync(linked);
    const bare = bareStarlightCopy(project);
    removers.push(bare.remove);

    const sites = [
      astroSite('this site', ours.dir),
      vitepressSite(`VitePress ${versions.vitepress} + plugin ${versions['vitepress-plugin-mermaid']}${search === 'none' ? ', no search' : ''}`, vpDir),
      astroSite('bare Starlight', bare.dir),
    ];
    for (let round = 0; round < runs; round++) {
      const order = [...sites.slice(round % sites.length), ...sites.slice(0, round % sites.length)];
      for (const site of order) {
        site.clean();
        site.cold.push(await site.build());
        site.cleanOutput();
        site.warm.push(await site.build());
        const [cold, warm] = [site.cold.at(-1)!, site.warm.at(-1)!];
        console.log(`round ${round + 1}/${runs}  ${col(site.name, 40)} cold ${s(cold.ms)} (CPU ${s(cold.cpuMs)})  warm ${s(warm.ms)} (CPU ${s(warm.cpuMs)})`);
      }
    }

    const [mine, vp, bareSite] = sites as [Site, Site, Site];
    const wall = (ts: Timing[]) => median(ts.map((t) => t.ms));
    const cpu = (ts: Timing[]) => median(ts.map((t) => t.cpuMs));
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(`\n== build time, median of ${runs} interleaved rounds (code at ${head || 'unknown commit'}; VitePress with Mermaid ${versions.mermaid}) ==`);
    console.log(`${col('', 44)}${col('cold', 10)}${col('warm', 10)}${col('cold CPU', 10)}${col('warm CPU', 10)}wall of each round (cold | warm)`);
    for (const site of sites) {
      console.log(
        col(site.name, 44) +
          [wall(site.cold), wall(site.warm), cpu(site.cold), cpu(site.warm)].map((ms) => col(s(ms), 10)).join('') +
          `${site.cold.map((t) => s(t.ms)).join(' ')} | ${site.warm.map((t) => s(t.ms)).join(' ')}`,
      );
    }
    const coldRatio = wall(mine.cold) / wall(vp.cold);
    console.log(
      col('this site / VitePress', 44) +
        [ratio(wall(mine.cold), wall(vp.cold)), ratio(wall(mine.warm), wall(vp.warm)), ratio(cpu(mine.cold), cpu(vp.cold)), ratio(cpu(mine.warm), cpu(vp.warm))]
          .map((r) => col(r, 10))
          .join('') +
        `target: cold ≤ ${TARGET}× → ${coldRatio <= TARGET ? 'met' : 'not met'}`,
    );
    console.log(
      col('this site / bare Starlight', 44) +
        [ratio(wall(mine.cold), wall(bareSite.cold)), ratio(wall(mine.warm), wall(bareSite.warm)), ratio(cpu(mine.cold), cpu(bareSite.cold)), ratio(cpu(mine.warm), cpu(bareSite.warm))]
          .map((r) => col(r, 10))
          .join(''),
    );
    console.log(`pages built: this site ${countHtml(mine.dist)} HTML files, VitePress ${countHtml(vp.dist)}, bare Starlight ${countHtml(bareSite.dist)}`);

    const samples = [converted.sample.withDiagram, converted.sample.withoutDiagram].filter((id): id is string => id !== undefined);
    console.log(`\n== JS a question page fetches before any interaction (gzip, real Chromium) ==`);
    console.log(`${col('', 44)}${samples.map((id, i) => col(`${i === 0 && converted.sample.withDiagram ? 'with diagram' : 'no diagram'} (${id})`, 48)).join('')}`);
    for (const site of [mine, vp]) {
      const weights = await measureInBrowser(site.dist, samples.map(site.pagePath));
      const sum = (files: { bytes: number }[]) => files.reduce((n, f) => n + f.bytes, 0);
      const cells = samples.map((id) => {
        const w = weights.get(site.pagePath(id))!;
        const prefetched = sum(w.prefetched);
        return col(`${kb(sum(w.js))} in ${w.js.length} files${prefetched ? ` (+${kb(prefetched)} prefetch)` : ''}`, 48);
      });
      console.log(`${col(site.name, 44)}${cells.join('')}`);
    }
  } finally {
    if (args.keep) console.log(`\n保留了临时目录：${vpDir}（以及 .cache/ 里的 bench-x1-*、bench-bare-*）`);
    else for (const remove of removers.reverse()) remove();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BenchError) {
    console.error(`\nbench:vitepress 失败：${error.message}`);
    process.exitCode = 1;
  } else throw error;
});
