import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Test helper: the real `astro build` of a site with this project's code and dependencies and one
 * content page, the fixture `src/checks/__fixtures__/bad/<name>/content/docs/workloads/case-x.mdx`.
 * Resolves with the exit code and everything the build printed, as a contributor would see it.
 */
export async function buildOnePage(fixture: string): Promise<{ status: number | null; output: string }> {
  // Inside the project (.cache/ is ignored by git): Node finds the project's node_modules by
  // walking up. A symlinked node_modules would put every dependency outside the build's root,
  // which Astro resolves to paths that do not exist once the build gets past the first page.
  await mkdir(resolve('.cache'), { recursive: true });
  const root = await mkdtemp(join(resolve('.cache'), 'one-page-build-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) await cp(resolve(f), join(root, f), { recursive: true });
  await mkdir(join(root, 'content/docs/workloads'), { recursive: true });
  for (const f of ['topics.yaml', 'glossary.yaml', 'redirects.yaml']) await cp(resolve('content', f), join(root, 'content', f));
  const page = await readFile(resolve(`src/checks/__fixtures__/bad/${fixture}/content/docs/workloads/case-x.mdx`), 'utf8');
  await writeFile(join(root, 'content/docs/workloads/case-x.mdx'), page);
  // Asynchronous, so a test file's other tests are not blocked while Astro builds.
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => {
      void rm(root, { recursive: true, force: true }).then(() => done({ status, output }), fail);
    });
  });
}
