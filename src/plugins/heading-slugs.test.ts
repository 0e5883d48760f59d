import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingSlugs } from './rehype-heading-slugs.ts';

const ids = async (html: string) => {
  const out = String(await unified().use(rehypeParse, { fragment: true }).use(rehypeHeadingSlugs).use(rehypeStringify).process(html));
  return [...out.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
};

describe('rehypeHeadingSlugs', () => {
  it('drops emoji from anchors instead of leaving a leading hyphen', async () => {
    expect(await ids('<h2>🔹 总结</h2><h3>☁️ 云上 K8s 扩容</h3><h4>✅ Liveness Probe（存活探针）</h4>')).toEqual([
      '总结',
      '云上-k8s-扩容',
      'liveness-probe存活探针',
    ]);
  });

  it('keeps anchors unique and leaves explicit ids alone', async () => {
    expect(await ids('<h2>🔹 总结</h2><h2>总结</h2><h2 id="own">x</h2>')).toEqual(['总结', '总结-1', 'own']);
  });
});
