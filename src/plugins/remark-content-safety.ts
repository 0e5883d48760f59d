import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { formatPlain } from '../checks/diagnostics.ts';
import { checkMdxSafety } from '../checks/mdx-safety.ts';

/** Content from pull requests lives here; Starlight's and our own pages are trusted code. */
const CONTENT_DIR = `${sep}content${sep}docs${sep}`;

/**
 * The build itself refuses content that could run code: imports/exports, {…} expressions,
 * <script>, on*= handlers, javascript: URLs, and any element outside the small inert allowlist.
 * Same rules as `npm run check` (one implementation), so no path, not even a push that skipped
 * the check, publishes them.
 */
export function remarkContentSafety() {
  return (tree: Root, file: VFile) => {
    if (!file.path.includes(CONTENT_DIR)) return;
    const shown = relative(file.cwd, file.path).split(sep).join('/');
    const problems = checkMdxSafety(shown, tree);
    if (problems.length === 0) return;
    throw new Error(`内容安全检查未通过，构建停止（${shown}）：\n${problems.map(formatPlain).join('\n')}`);
  };
}

interface UnifiedOptions {
  remarkPlugins: unknown[];
}

/**
 * Registers remarkContentSafety as the first remark plugin of the site's unified processor, which
 * MDX inherits. An integration rather than an entry in astro.config's plugin list, so that list
 * can change without anyone dropping the safety step by accident.
 */
export function contentSafety(): AstroIntegration {
  return {
    name: 'content-safety',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor as { name: string; options?: Partial<UnifiedOptions> };
        // The unified processor keeps its options object by reference; its renderers read the plugin list lazily.
        if (processor.name !== 'unified' || !Array.isArray(processor.options?.remarkPlugins)) {
          throw new Error('contentSafety() 需要 markdown.processor: unified({...})（@astrojs/markdown-remark），否则内容安全规则无法在构建时执行');
        }
        processor.options.remarkPlugins.unshift(remarkContentSafety);
      },
    },
  };
}
