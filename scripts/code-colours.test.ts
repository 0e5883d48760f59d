import { describe, expect, it } from 'vitest';
import { diffCodeColours, extractCodeBlocks, findMiscolouredBlocks, type CodeBlock } from './code-colours.ts';
import { renderBlocks, type Block } from './ec-stalled-render.ts';

const sources: Block[] = [
  { language: 'yaml', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort # 对外暴露\n  ports:\n    - port: 80' },
  { language: 'yaml', code: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  mode: "strict"\n  retries: 3' },
  { language: 'bash', code: 'kubectl describe pod web-0 -n prod\nkubectl logs web-0 --previous | tail -n 20' },
  { language: 'bash', code: 'export KUBECONFIG=$HOME/.kube/config\nkubectl config use-context "prod"' },
  { language: 'yaml', code: 'kind: Pod\nspec:\n  containers:\n    - name: app\n      image: "busybox:1.36"\n      command: ["sleep", "3600"]' },
];

/**
 * A site's worth of distinct blocks: the detector judges a block against how the rest of the site
 * pairs the two themes' colours, so one damaged block must be one among many, as in a real build.
 */
const many = (count: number) =>
  Array.from({ length: count }, (_, k) => sources.map((s) => ({ ...s, code: `${s.code}\n# 第 ${k + 1} 例` }))).flat();

/** A built "site": one page per block, plus the same blocks again on a print page. */
function site(html: string[]): CodeBlock[] {
  return [
    ...html.flatMap((h, i) => extractCodeBlocks(`<main>${h}</main>`, `q/${i}/index.html`)),
    ...extractCodeBlocks(`<main>${html.join('')}</main>`, 'all/index.html'),
  ];
}

describe('code colour detector', () => {
  it('names the block, the theme and the lines that lost their colours', async () => {
    const healthy = await renderBlocks(many(8));
    const [stalled] = await renderBlocks([sources[4]!], { stallTheme: 0 });
    expect(findMiscolouredBlocks(site(healthy))).toEqual([]);
    const damaged = site([...healthy, stalled!]);

    const findings = findMiscolouredBlocks(damaged);
    // The block is damaged on its question page and, printed from the same render, on the print page.
    expect(findings.map((f) => [f.page, f.index, f.theme])).toEqual([
      [`q/${healthy.length}/index.html`, 1, 0],
      ['all/index.html', healthy.length + 1, 0],
    ]);
    expect(findings[0]!.lines).toEqual([1, 2, 3, 4, 5, 6]);
    expect(findings[0]!.detail).toContain('kind');
  });

  it('blames the dark theme when the dark pass is the one that stalled', async () => {
    const healthy = await renderBlocks(many(8));
    const [stalled] = await renderBlocks([sources[2]!], { stallTheme: 1 });
    const findings = findMiscolouredBlocks(site([...healthy, stalled!]));
    expect(findings.map((f) => [f.page, f.theme])).toEqual([
      [`q/${healthy.length}/index.html`, 1],
      ['all/index.html', 1],
    ]);
  });

  it('compares block by block with a good build, blaming only the theme whose colours changed', async () => {
    const idle = await renderBlocks(sources);
    const [stalled] = await renderBlocks([sources[0]!], { stallTheme: 0 });
    expect(diffCodeColours(site(idle), site(await renderBlocks(sources)))).toEqual([]);

    const findings = diffCodeColours(site(idle), site([stalled!, ...idle.slice(1)]));
    expect(findings.map((f) => [f.page, f.theme, f.lines.length])).toEqual([
      ['q/0/index.html', 0, 8],
      ['all/index.html', 0, 8],
    ]);
  });
});
