import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { markdownToHtml, mdxToJs, mdxToMdast, type MdastPluginEntry } from 'satteri';
import type { Code, Nodes } from 'mdast';
import { mermaidSourcesIn } from './mermaid-sources.ts';
import { DeferredDiagrams, DiagramError } from './mermaid-deferred.ts';
import { buildOnePage } from './one-page-build.ts';
import { describe, expect, it } from 'vitest';
import { MERMAID_CONFIG, mermaidDiagrams, mermaidPackage, withTheme, type MermaidTheme, type RemarkMermaidOptions, type RenderBatch } from './mermaid-diagrams.ts';

const DOC = ['# 标题', '', '```mermaid', 'flowchart LR', '  A[调度器] --> B[kubelet]', '```', '', '```yaml', 'a: 1', '```', ''].join('\n');

/** A Markdown page through Sätteri (raw HTML kept); MDX is compiled in its own test. */
async function render(markdown: string, plugin: MdastPluginEntry, path = '/repo/content/docs/x/y.md') {
  return (await markdownToHtml(markdown, { mdastPlugins: [plugin], fileURL: pathToFileURL(path) })).html;
}
const toHtml = (markdown: string, options: RemarkMermaidOptions, path?: string) => render(markdown, mermaidDiagrams(options), path);

/** Records one entry per rendered SVG and the size of every batch call. */
const fakeRenderer = () => {
  const calls: string[] = [];
  const batches: number[] = [];
  const renderBatch: RenderBatch = async (jobs) => {
    batches.push(jobs.length);
    return jobs.map(({ source, theme, id }) => {
      calls.push(theme);
      return { status: 'fulfilled', value: `<svg id="${id}" data-theme="${theme}"><text>${source.length}</text></svg>` };
    });
  };
  return { calls, batches, renderBatch };
};

describe('the Mermaid behind checks and drawings', () => {
  // `npm run check` parses diagrams with the project's mermaid; the build draws them with
  // mermaid-isomorphic's. Two copies would let a diagram pass the check and fail the build (or
  // the reverse), and would key the SVG cache by a version that drew nothing.
  it('is one package, so a diagram the check accepts is one the build can draw', () => {
    expect(mermaidPackage('renderer').dir).toBe(mermaidPackage('project').dir);
  });
});

describe('mermaidDiagrams', () => {
  it('replaces a mermaid block by a light and a dark inline SVG and leaves other code alone', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const { renderBatch } = fakeRenderer();
    const html = await toHtml(DOC, { cacheDir, renderBatch });
    expect(html).toContain('<figure class="mermaid-diagram" tabindex="0">');
    expect(html).toMatch(/<div class="mermaid-variant mermaid-light"><svg[^>]*data-theme="default"/);
    expect(html).toMatch(/<div class="mermaid-variant mermaid-dark"><svg[^>]*data-theme="dark"/);
    expect(html).not.toContain('language-mermaid');
    expect(html).toContain('<code class="language-yaml">');
  });

  it('is left out of pages without a diagram', () => {
    const factory = mermaidDiagrams({ cacheDir: tmpdir(), renderBatch: fakeRenderer().renderBatch });
    expect(factory({ source: '```yaml\na: 1\n```\n' })).toBeNull();
    expect(factory({ source: '> ~~~ mermaid\n> flowchart LR\n> ~~~\n' })).not.toBeNull();
  });

  it('reuses cached SVGs for unchanged diagrams instead of rendering again', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const first = fakeRenderer();
    await toHtml(DOC, { cacheDir, renderBatch: first.renderBatch });
    expect(first.calls.sort()).toEqual(['dark', 'default']);

    const second = fakeRenderer();
    const html = await toHtml(DOC, { cacheDir, renderBatch: second.renderBatch });
    expect(second.calls).toEqual([]);
    expect(html).toContain('mermaid-dark');

    const third = fakeRenderer();
    await toHtml(DOC.replace('kubelet', 'kube-proxy'), { cacheDir, renderBatch: third.renderBatch });
    expect(third.calls).toHaveLength(2);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.svg'))).toHaveLength(4);
  });

  it('renders the uncached diagrams of files compiled together, both themes, in one call', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const fake = fakeRenderer();
    const docs = ['kubelet', 'kube-proxy', 'etcd', 'coredns'].map((name) => DOC.replace('kubelet', name));
    const plugin = mermaidDiagrams({ cacheDir, renderBatch: fake.renderBatch });
    const pages = await Promise.all(docs.map((value, i) => render(value, plugin, `/repo/content/docs/x/${i}.md`)));
    expect(fake.batches).toEqual([8]);
    // Each SVG keeps an id of its own, so two diagrams on one page never share marker ids.
    const ids = pages.flatMap((p) => [...String(p).matchAll(/<svg id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(8);
  });

  it('renders every uncached diagram of the content directory in one batch at the first miss', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const contentDir = await mkdtemp(join(tmpdir(), 'content-'));
    const docs = ['kubelet', 'kube-proxy', 'etcd'].map((name) => DOC.replace('kubelet', name));
    await mkdir(join(contentDir, 'topic'));
    await Promise.all(docs.map((d, i) => writeFile(join(contentDir, 'topic', `${i}.md`), d)));
    const fake = fakeRenderer();
    const options = { cacheDir, renderBatch: fake.renderBatch, prefetchDir: contentDir };
    const plugin = mermaidDiagrams(options);
    for (const [i, value] of docs.entries()) {
      // One file at a time: without the scan each file would start a batch of its own.
      await render(value, plugin, join(contentDir, 'topic', `${i}.md`));
    }
    expect(fake.batches).toEqual([6]);
  });

  it('scans the content directory again on each build, so changed files are prefetched in one batch', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const contentDir = await mkdtemp(join(tmpdir(), 'content-'));
    await mkdir(join(contentDir, 'topic'));
    const build = async (names: string[]) => {
      const docs = names.map((name) => DOC.replace('kubelet', name));
      await Promise.all(docs.map((d, i) => writeFile(join(contentDir, 'topic', `${i}.md`), d)));
      const fake = fakeRenderer();
      const plugin = mermaidDiagrams({ cacheDir, renderBatch: fake.renderBatch, prefetchDir: contentDir });
      for (const [i, value] of docs.entries()) await render(value, plugin, join(contentDir, 'topic', `${i}.md`));
      return fake.batches;
    };
    expect(await build(['kubelet', 'kube-proxy'])).toEqual([4]);
    expect(await build(['kubelet', 'kube-proxy'])).toEqual([]);
    // Both files changed: one batch still holds both, so the scan saw the new text.
    expect(await build(['etcd', 'coredns'])).toEqual([4]);
  });

  it("keeps Mermaid's stylesheet in the SVG, without the rules that cannot match it, and gives a rebuild the same markup", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const styled: RenderBatch = async (jobs) =>
      jobs.map(({ theme, id }) => ({
        status: 'fulfilled',
        value:
          `<svg id="${id}" viewBox="0 0 400 100"><style>#${id} .node rect{fill:${theme === 'dark' ? '#111' : '#eee'}}` +
          `#${id} .error-icon{fill:#552222}#${id} .node:hover rect,#${id} .cluster rect{stroke:red}@keyframes dash{to{stroke-dashoffset:0}}</style>` +
          '<g class="node"><rect></rect></g></svg>',
      }));
    const first = await toHtml(DOC, { cacheDir, renderBatch: styled });
    expect(first).toMatch(/<style>#mermaid-\w+ \.node rect\{fill:#eee\}/);
    expect(first).toMatch(/<style>#mermaid-\w+ \.node rect\{fill:#111\}/);
    // No element has class error-icon; a rule with one matchable selector stays whole.
    expect(first).not.toContain('error-icon');
    expect(first).toContain('.node:hover rect,');
    expect(first).toContain('@keyframes dash');
    const cached = await readdir(cacheDir);
    expect(await toHtml(DOC, { cacheDir, renderBatch: styled })).toBe(first);
    expect(await readdir(cacheDir)).toEqual(cached);
  });

  it('never lets the column shrink a diagram so far that its smallest text drops below 11 px', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const wide: RenderBatch = async (jobs) =>
      jobs.map(({ id }) => ({
        status: 'fulfilled',
        value: `<svg id="${id}" viewBox="0 0 1600 400" style="font-size:16px"><text font-size="12px">1</text><text>A</text></svg>`,
      }));
    const html = await toHtml(DOC, { cacheDir, renderBatch: wide });
    // 12 px text drawn at ≥ 11.5 px needs ≥ 1600 × 11.5 / 12 = 1534 px of width; narrower columns scroll.
    expect(html).toContain('--mermaid-min-width: 1534px');
    const narrow: RenderBatch = async (jobs) =>
      jobs.map(({ id }) => ({ status: 'fulfilled', value: `<svg id="${id}" viewBox="0 0 300 100" style="font-size:16px"><text>A</text></svg>` }));
    const small = await toHtml(DOC.replace('kubelet', 'etcd'), { cacheDir, renderBatch: narrow });
    expect(small).toContain('--mermaid-min-width: 216px');
  });

  it('hands MDX the figure content as one set:html string, not as JSX elements', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const { renderBatch } = fakeRenderer();
    // As Astro compiles MDX for Starlight: static subtrees collapsed into set:html strings.
    const { code } = await mdxToJs(DOC, {
      mdastPlugins: [mermaidDiagrams({ cacheDir, renderBatch })],
      fileURL: pathToFileURL('/repo/content/docs/x/y.mdx'),
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
      optimizeStatic: { component: 'Fragment', prop: 'set:html' },
    });
    const sets = [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
    // The rest of the page is static HTML too; the diagram is the one string holding an SVG.
    const markup = sets.filter((html) => html.includes('<svg'));
    expect(markup).toHaveLength(1);
    expect(markup[0]).toMatch(/^<div class="mermaid-variant mermaid-light"><svg id="mermaid-[0-9a-f]+" data-theme="default"><text>/);
    expect(markup[0]).toMatch(/<\/div><div class="mermaid-variant mermaid-dark"><svg [^>]*data-theme="dark"/);
    expect(code).toContain('class: "mermaid-diagram"');
    expect(code).toContain('tabindex: "0"');
    expect(code).not.toMatch(/_jsx\("svg"|_components\.svg/);
  });

  it('renders real SVG with Chinese labels in headless Chromium', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const html = await toHtml(DOC, { cacheDir });
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain('调度器');
    expect(html, 'batch-local ids are renamed').not.toContain('mermaidbatch');
  });

  it('draws the dark variant in the same page exactly as a dark-themed page would', async () => {
    const [{ createMermaidRenderer }, { chromiumLaunchOptions }] = await Promise.all([import('mermaid-isomorphic'), import('../lib/chromium.ts')]);
    const render = createMermaidRenderer({ launchOptions: chromiumLaunchOptions() });
    const source = ['---', 'title: 调度', '---', 'flowchart LR', '  A[调度器] --> B[kubelet]'].join('\n');
    const svg = async (sources: string[], theme: MermaidTheme) =>
      (await render(sources, { prefix: 'p', mermaidConfig: { ...MERMAID_CONFIG, theme } })).map((r) => (r.status === 'fulfilled' ? r.value.svg : String(r.reason)));
    const [oneCall, darkPage] = await Promise.all([svg([withTheme(source, 'default'), withTheme(source, 'dark')], 'default'), svg([source], 'dark')]);
    expect(oneCall[1]!.replaceAll('p-1', 'p-0')).toBe(darkPage[0]);
    expect(oneCall[0]).not.toBe(oneCall[1]!.replaceAll('p-1', 'p-0'));
    expect(oneCall[0]).toContain('调度');
  });

  it('fails with the file and line of an invalid diagram', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const broken = ['段落', '', '```mermaid', 'flowchart LR', '  A -->', '```', ''].join('\n');
    await expect(toHtml(broken, { cacheDir }, '/repo/content/docs/x/broken.mdx')).rejects.toMatchObject({
      file: '/repo/content/docs/x/broken.mdx',
      line: 3,
      message: expect.stringContaining('Mermaid 图无法渲染'),
    });
  });

  it('prefetches exactly the diagram sources the page compile later asks for', () => {
    const satteriSources = (text: string) => {
      const out: string[] = [];
      const walk = (node: Nodes) => {
        if (node.type === 'code' && (node as Code).lang === 'mermaid') out.push((node as Code).value);
        if ('children' in node) for (const child of node.children) walk(child as Nodes);
      };
      walk(mdxToMdast(text.replace(/^---\n[\s\S]*?\n---\n/, ''), { features: { directive: true } }) as Nodes);
      return out;
    };
    const tricky = [
      '> ```mermaid\n> flowchart LR\n>   A --> B\n> ```\n',
      '1. 步骤\n\n   ~~~mermaid title="x"\n   flowchart TD\n   \tA --> B\n   ~~~\n',
      ':::note\n```mermaid\nsequenceDiagram\n  A->>B: 你好\n```\n:::\n',
    ];
    const pages = readdirSync('content/docs', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => readFileSync(join('content/docs', f), 'utf8'));
    let diagrams = 0;
    for (const text of [...tricky, ...pages]) {
      expect(mermaidSourcesIn(text), text.slice(0, 200)).toEqual(satteriSources(text));
      diagrams += satteriSources(text).length;
    }
    expect(diagrams).toBeGreaterThan(tricky.length);
  });
});

describe('diagrams deferred to the end of a build', () => {
  /** A renderer that draws nothing until `open()` is called, as Chromium busy with a batch. */
  const gated = (fail = false) => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const renderBatch: RenderBatch = async (jobs) => {
      await gate;
      return jobs.map(({ source, theme, id }) =>
        fail ? { status: 'rejected', reason: new Error('Parse error on line 2') } : { status: 'fulfilled', value: `<svg id="${id}" data-theme="${theme}"><text>${source.length}</text></svg>` },
      );
    };
    return { renderBatch, open };
  };

  /** The figure's markup as Astro receives it from an MDX page: its set:html string. */
  async function figureMarkup(mdx: string, options: RemarkMermaidOptions, path = '/repo/content/docs/x/y.mdx'): Promise<string> {
    const { code } = await mdxToJs(mdx, {
      mdastPlugins: [mermaidDiagrams(options)],
      fileURL: pathToFileURL(path),
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
      optimizeStatic: { component: 'Fragment', prop: 'set:html' },
    });
    const sets = [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string);
    const figure = sets.find((html) => /<svg|<mermaid-pending/.test(html));
    if (figure === undefined) throw new Error('no figure in the compiled page');
    return figure;
  }

  it('compiles an MDX page without waiting, and fill() gives the markup a cached diagram gets', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const dist = await mkdtemp(join(tmpdir(), 'dist-'));
    const { renderBatch, open } = gated();
    const defer = new DeferredDiagrams();
    // Resolves although the renderer has drawn nothing yet.
    const pending = await figureMarkup(DOC, { cacheDir, renderBatch, defer });
    expect(pending).toMatch(/^<mermaid-pending data-key="[0-9a-f]{16}"><\/mermaid-pending>$/);
    await mkdir(join(dist, 'q', 'y'), { recursive: true });
    await writeFile(join(dist, 'q', 'y', 'index.html'), `<figure>${pending}</figure>`);
    await writeFile(join(dist, 'print.html'), `<main><figure>${pending}</figure></main>`);
    await writeFile(join(dist, 'other.html'), '<p>没有图</p>');
    open();
    expect(await defer.fill(dist)).toEqual({ files: 2, diagrams: 1 });

    const cached = await figureMarkup(DOC, { cacheDir, renderBatch: fakeRenderer().renderBatch });
    expect(cached).toContain('<div class="mermaid-variant mermaid-dark"><svg');
    expect(readFileSync(join(dist, 'q', 'y', 'index.html'), 'utf8')).toBe(`<figure>${cached}</figure>`);
    expect(readFileSync(join(dist, 'print.html'), 'utf8')).toBe(`<main><figure>${cached}</figure></main>`);
    expect(readFileSync(join(dist, 'other.html'), 'utf8')).toBe('<p>没有图</p>');
  });

  it('never defers a Markdown page, whose HTML Astro keeps between builds', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const { renderBatch, open } = gated();
    const defer = new DeferredDiagrams();
    const page = toHtml(DOC, { cacheDir, renderBatch, defer }, '/repo/content/docs/x/y.md');
    open();
    expect(await page).toContain('<div class="mermaid-variant mermaid-light"><svg');
    expect(defer.size).toBe(0);
  });

  it('fails the build at the end, naming every file and line that holds a diagram that cannot be drawn', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const dist = await mkdtemp(join(tmpdir(), 'dist-'));
    const { renderBatch, open } = gated(true);
    const defer = new DeferredDiagrams();
    const options = { cacheDir, renderBatch, defer };
    const a = await figureMarkup(DOC, options, '/repo/content/docs/x/a.mdx');
    const b = await figureMarkup(`前言\n\n${DOC}`, options, '/repo/content/docs/x/b.mdx');
    await writeFile(join(dist, 'a.html'), a);
    await writeFile(join(dist, 'b.html'), b);
    open();
    const failure = defer.fill(dist, '/repo');
    await expect(failure).rejects.toThrow(/^content\/docs\/x\/a\.mdx:3:1、content\/docs\/x\/b\.mdx:5:1 Mermaid 图无法渲染（请检查语法）：Parse error on line 2/);
    await expect(failure).rejects.toBeInstanceOf(DiagramError);
    // Nothing is half-written: the pages keep their placeholders.
    expect(readFileSync(join(dist, 'a.html'), 'utf8')).toBe(a);
  });

  it('stops a real astro build whose diagram cannot be drawn, naming its file and line', { timeout: 180_000 }, async () => {
    const { status, output } = await buildOnePage('invalid-mermaid');
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/content\/docs\/workloads\/case-x\.mdx:9:1 Mermaid 图无法渲染（请检查语法）/);
  });

  it('refuses to publish a placeholder it cannot fill', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'dist-'));
    await writeFile(join(dist, 'stale.html'), '<figure><mermaid-pending data-key="0123456789abcdef"></mermaid-pending></figure>');
    await expect(new DeferredDiagrams().fill(dist, dist)).rejects.toThrow(/stale\.html: 找不到图 0123456789abcdef/);
  });

  it('refuses a placeholder in a feed or JSON output, where the figure would need escaping', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'mermaid-'));
    const dist = await mkdtemp(join(tmpdir(), 'dist-'));
    const { renderBatch, open } = gated();
    const defer = new DeferredDiagrams();
    const pending = await figureMarkup(DOC, { cacheDir, renderBatch, defer });
    await writeFile(join(dist, 'feed.json'), JSON.stringify({ items: [{ content_html: pending }] }));
    open();
    await expect(defer.fill(dist, dist)).rejects.toThrow(/feed\.json: 含有尚未画好的图的占位元素/);
  });
});
