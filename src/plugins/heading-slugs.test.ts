import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { headingSlugs } from './heading-slugs.ts';

const ids = async (markdown: string) => {
  const { html } = await markdownToHtml(markdown, { features: { headingAttributes: true }, hastPlugins: [headingSlugs] });
  return [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
};

describe('headingSlugs', () => {
  it('drops emoji from anchors instead of leaving a leading hyphen', async () => {
    expect(await ids('## 🔹 总结\n\n### ☁️ 云上 K8s 扩容\n\n#### ✅ Liveness Probe（存活探针）')).toEqual(['总结', '云上-k8s-扩容', 'liveness-probe存活探针']);
  });

  it('keeps anchors unique per page and leaves explicit ids alone', async () => {
    expect(await ids('## 🔹 总结\n\n## 总结\n\n## x {#own}')).toEqual(['总结', '总结-1', 'own']);
    // A fresh slugger for every page: the first “总结” of the next page is not “总结-2”.
    expect(await ids('## 总结')).toEqual(['总结']);
  });
});
