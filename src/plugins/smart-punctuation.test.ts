import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { cjkFriendlyEmphasis } from './cjk-emphasis.ts';
import { satteriBlocks, unifiedBlocks } from './phrasing-equivalence.ts';
import { smartPunctuation } from './smart-punctuation.ts';

const html = async (markdown: string) =>
  (await markdownToHtml(markdown, { features: { smartPunctuation: false }, mdastPlugins: [smartPunctuation] })).html;

const CASES = [
  'He said "use a Deployment" and it\'s done.',
  '"开头的引号"在段首，\'单引号\'也是',
  'Quotes around **"bold"** and [a "link"](/q/probes/) pair across markup.',
  'A -- dash, a --- longer one, and an ellipsis...',
  '``backticks\'\' become quotes',
  'Code `"stays" -- as is...` untouched, but "this" changes.',
  '1990\'s, \'90s, rock \'n\' roll',
  '- "list item" -- first\n- \'second\'...',
  '> "quoted" in a blockquote',
  '## "Heading" -- with dashes',
  '| "cell" | it\'s |\n| --- | --- |\n| a -- b | c... |',
  ':::note["aside" title]\n"body"\n:::',
  '<kbd>"key"</kbd> and "text"',
  'kubectl get pods --all-namespaces -o wide',
];

describe('smartPunctuation', () => {
  it('makes the same curly quotes, em dashes and ellipses as Astro’s unified pipeline', async () => {
    expect(await html('He said "hi" -- twice...')).toBe('<p>He said “hi” — twice…</p>\n');
  });

  it('skips pages with nothing to replace', () => {
    expect(smartPunctuation({ source: '没有引号和破折号。' })).toBeNull();
  });

  it.each(CASES)('reads %j as remark-smartypants does', async (source) => {
    for (const mdx of [true, false]) {
      expect(await satteriBlocks(source, [smartPunctuation], { mdx })).toEqual(unifiedBlocks(source, { mdx }));
    }
  });

  it('gives every page of the site’s content the punctuation it had (with CJK emphasis)', async () => {
    const dir = 'content/docs';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(20);
    // Today's prose has no straight quotes or `--`; the cases above are what exercise the plugin.
    for (const f of files) {
      const source = readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      expect(await satteriBlocks(source, [cjkFriendlyEmphasis, smartPunctuation]), f).toEqual(unifiedBlocks(source));
    }
  });
});
