// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { cjkFriendlyEmphasis } from './src/plugins/cjk-emphasis.ts';
import { smartPunctuation } from './src/plugins/smart-punctuation.ts';
import { mermaidPrefetch, mermaidDiagrams } from './src/plugins/mermaid-diagrams.ts';
import { otherAnswer } from './src/plugins/other-answer.ts';
import { baseLinks } from './src/plugins/base-links.ts';
import { headingSlugs } from './src/plugins/heading-slugs.ts';
import { withTableFenceFix } from './src/plugins/table-fence.ts';
import { MARKDOWN_FEATURES } from './src/plugins/markdown-features.ts';
import { SITE, editUrlBase } from './src/site.config.ts';
import { astroRedirects, readRedirects } from './src/content-model/redirects.ts';
import { contentSafety } from './src/plugins/content-safety.ts';
import { silenceHeadInjectDirective } from './src/plugins/silence-head-inject-directive.ts';
import { pagefindIndexChunks } from './src/search/pagefind-rechunk.ts';

/** Build-time Mermaid: where SVGs are cached and which content is rendered in one batch. */
const MERMAID = { cacheDir: 'node_modules/.cache/mermaid-svg', prefetchDir: 'content/docs' };

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // Speculation Rules prefetch instead of Astro's script (src/components/navigation/LinkPrefetch.astro).
  prefetch: false,
  // Two questions claiming the same permalink must fail the build, not silently shadow each other.
  prerenderConflictBehavior: 'error',
  // Renamed or merged questions keep their old permalink working (content/redirects.yaml).
  redirects: astroRedirects(readRedirects(), SITE.base),
  markdown: {
    // Sätteri misreads a `:::` right after a table row (src/plugins/table-fence.ts).
    processor: withTableFenceFix(
      satteri({
      // GFM, directives (asides, ::::other-answer); smart punctuation comes from smartPunctuation().
      features: MARKDOWN_FEATURES,
      // Plugin factories run per page and leave themselves out of pages they have nothing to do in.
      mdastPlugins: [
        // CommonMark will not open `**` or `~~` next to CJK punctuation (**复制策略（Replication）**);
        // blocks where that left delimiters behind are read again with remark-cjk-friendly's rules.
        cjkFriendlyEmphasis,
        smartPunctuation,
        otherAnswer,
        // Before Expressive Code (a HTML-tree plugin) can claim the block.
        mermaidDiagrams(MERMAID),
      ],
      hastPlugins: [headingSlugs, baseLinks({ base: SITE.base })],
      }),
    ),
  },
  integrations: [
    contentSafety(),
    silenceHeadInjectDirective(),
    mermaidPrefetch(MERMAID),
    starlight({
      title: SITE.title,
      description: SITE.description,
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      editLink: { baseUrl: editUrlBase },
      lastUpdated: true,
      // Our own 404 (src/pages/404.astro) lists the topics instead of a bare message.
      disable404Route: true,
      social: [{ icon: 'github', label: 'GitHub', href: SITE.repository }],
      customCss: ['./src/styles/custom.css', './src/styles/print.css'],
      // Content lives in top-level content/docs, outside Starlight's default src/content/docs.
      markdown: { processedDirs: ['./content/docs'] },
      routeMiddleware: ['./src/route-data/sidebar.ts', './src/route-data/last-updated.ts', './src/route-data/share-meta.ts'],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
      },
      // Options that are functions (the Shiki transformer keeping colours independent of machine load) are in ec.config.mjs.
      expressiveCode: {
        themes: ['github-light', 'github-dark'],
        styleOverrides: { codeFontFamily: 'var(--sl-font-mono)' },
      },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    }),
    // After starlight(): splits the search index Starlight just built into small chunks.
    pagefindIndexChunks(),
  ],
});
