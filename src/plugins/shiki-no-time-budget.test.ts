import { describe, expect, it } from 'vitest';
import type { ShikiTransformer } from 'shiki';
import ecConfig from '../../ec.config.mjs';
import { renderBlocks, type Block } from '../../scripts/ec-stalled-render.ts';
import { MAX_TOKENIZED_LINE_LENGTH } from './shiki-no-time-budget.ts';

/** The transformers the site's Markdown pipeline and <Code> component get from ec.config.mjs. */
const siteTransformers = (ecConfig.shiki as { transformers: ShikiTransformer[] }).transformers;

/** Several grammars, nested scopes and comments: what contributors put in answers. */
const blocks: Block[] = [
  {
    language: 'yaml',
    code: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  replicas: 3 # 副本数',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: "nginx:1.27"',
    ].join('\n'),
  },
  { language: 'bash', code: 'kubectl get pods -n kube-system -o wide | grep -v Running\nfor p in $(kubectl get pods -o name); do echo "$p"; done' },
  { language: 'go', code: 'func (c *Controller) Reconcile(ctx context.Context) error {\n\treturn fmt.Errorf("requeue: %w", err) // 重试\n}' },
  { language: 'dockerfile', code: 'FROM golang:1.25 AS build\nRUN go build -o /app ./cmd/server\nENTRYPOINT ["/app"]' },
];

/** Distinct token colours of theme n (`--n`) in rendered HTML. */
const coloursOf = (html: string, n: number) => new Set([...html.matchAll(new RegExp(`--${n}:(#[0-9A-Fa-f]+)`, 'g'))].map((m) => m[1]!.toLowerCase()));

describe('syntax colours under a stalled machine', () => {
  it('without the fix, a stall during the light pass leaves that block plain in light and coloured in dark', async () => {
    const clean = await renderBlocks(blocks);
    const stalled = await renderBlocks(blocks, { stallTheme: 0 });
    stalled.forEach((html, i) => {
      expect(html).not.toBe(clean[i]);
      expect(coloursOf(html, 0).size, blocks[i]!.language).toBe(1);
      expect(coloursOf(html, 1)).toEqual(coloursOf(clean[i]!, 1));
    });
  });

  it('with the site config, every block comes out exactly as on an idle machine', async () => {
    const idle = await renderBlocks(blocks);
    const stalled = await renderBlocks(blocks, { stallTheme: 0, transformers: siteTransformers });
    expect(stalled).toEqual(idle);
    for (const html of stalled) expect(coloursOf(html, 0).size).toBeGreaterThan(2);
  });

  it('leaves an overlong line plain in every theme alike, so a minified blob cannot stall the build', async () => {
    const blob = `{"items":[${'{"kind":"Pod","ready":true},'.repeat(MAX_TOKENIZED_LINE_LENGTH / 20)}]}`;
    const [html] = await renderBlocks([{ language: 'json', code: `${blob}\n{"kind": "Pod"}` }], { transformers: siteTransformers });
    const firstLine = html!.match(/<div class="ec-line">([\s\S]*?)<\/div><\/div>/)![1]!;
    expect(coloursOf(firstLine, 0).size).toBeLessThanOrEqual(1);
    expect(coloursOf(firstLine, 1).size).toBeLessThanOrEqual(1);
    expect(coloursOf(html!, 0).size).toBeGreaterThan(1);
  });
});
