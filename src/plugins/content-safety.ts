import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes } from 'mdast';
import type { AstroIntegration } from 'astro';
import { defineMdastPlugin, type MdastPluginDefinition, type MdastVisitorContext, type PluginFactoryContext } from 'satteri';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { formatPlain } from '../checks/diagnostics.ts';
import { checkNodeSafety, UNSAFE_NODE_TYPES } from '../checks/mdx-safety-rules.ts';

/** Content from pull requests lives here; Starlight's and our own pages are trusted code. */
const CONTENT_DIR = `${sep}content${sep}docs${sep}`;

/**
 * The build itself refuses content that could run code: imports/exports, {…} expressions,
 * <script>, on*= handlers, javascript: URLs, and any element outside the small inert allowlist.
 * Same rules as `npm run check` (one implementation, called per node), so no path, not even a
 * push that skipped the check, publishes them. A plugin factory: files outside content/docs get none.
 */
export function contentSafetyPlugin({ fileURL }: Pick<PluginFactoryContext, 'fileURL'>): MdastPluginDefinition | null {
  const path = fileURL?.protocol === 'file:' ? fileURLToPath(fileURL) : undefined;
  if (!path?.includes(CONTENT_DIR)) return null;
  const shown = relative(process.cwd(), path).split(sep).join('/');
  const problems: Diagnostic[] = [];
  const check = (node: Readonly<Nodes>) => {
    problems.push(...checkNodeSafety(shown, node));
  };
  const visitors = Object.fromEntries(UNSAFE_NODE_TYPES.map((type) => [type, check])) as unknown as Record<
    (typeof UNSAFE_NODE_TYPES)[number],
    (node: Readonly<Nodes>, ctx: MdastVisitorContext) => void
  >;
  return defineMdastPlugin({
    name: 'content-safety',
    options: { position: true },
    ...visitors,
    after() {
      if (problems.length === 0) return;
      throw new Error(`内容安全检查未通过，构建停止（${shown}）：\n${problems.map(formatPlain).join('\n')}`);
    },
  });
}

interface SatteriOptions {
  mdastPlugins: unknown[];
}

/**
 * Registers the content-safety plugin as the first Markdown plugin of the site's Sätteri
 * processor, which MDX inherits. An integration rather than an entry in astro.config's plugin
 * list, so that list can change without anyone dropping the safety step by accident.
 */
export function contentSafety(): AstroIntegration {
  return {
    name: 'content-safety',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor as { name: string; options?: Partial<SatteriOptions> };
        // The Sätteri processor keeps its options object by reference and reads the plugin list per render.
        if (processor.name !== 'satteri' || !Array.isArray(processor.options?.mdastPlugins)) {
          throw new Error('contentSafety() 需要 markdown.processor: satteri({...})（@astrojs/markdown-satteri），否则内容安全规则无法在构建时执行');
        }
        processor.options.mdastPlugins.unshift(contentSafetyPlugin);
      },
    },
  };
}
