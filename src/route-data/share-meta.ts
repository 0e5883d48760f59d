import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { loadCatalog } from '../lib/catalog.ts';

type HeadEntry = StarlightRouteData['head'][number];

/**
 * The first `max` characters of an answer as plain text, for link previews of questions that have
 * no frontmatter `description`. Works on the raw MDX body: code, diagrams, JSX and Markdown syntax
 * are dropped so a preview never starts with “```yaml” or “<Aside>”.
 */
export function answerExcerpt(body: string, max = 120): string {
  const text = body
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[^\n]*$/gm, ' ')
    .replace(/^\s*(import|export)\s[^\n]*$/gm, ' ')
    .replace(/^:::[^\n]*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/gm, ' ')
    .replace(/[*_`~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** Replace a `<meta>` with the same name/property, or add it. */
function setMeta(head: HeadEntry[], key: 'name' | 'property', value: string, content: string): void {
  const existing = head.find((e) => e.tag === 'meta' && e.attrs?.[key] === value);
  if (existing) existing.attrs = { ...existing.attrs, content };
  else head.push({ tag: 'meta', attrs: { [key]: value, content } });
}

/**
 * Link previews for question pages (chat apps, social sites): the question as the title and its
 * gist as the description. Starlight already emits og:title/og:description from frontmatter but
 * falls back to the site description, and announces a large image card though we have no image.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const { data, body } = route.entry;
  if (!data.id || !data.topic || !data.status) return;
  const description = data.description?.trim() || answerExcerpt(body ?? '') || data.title;
  const topic = (await loadCatalog()).find((t) => t.id === data.topic);

  setMeta(route.head, 'name', 'description', description);
  setMeta(route.head, 'property', 'og:description', description);
  setMeta(route.head, 'name', 'twitter:card', 'summary');
  setMeta(route.head, 'name', 'twitter:title', data.title);
  setMeta(route.head, 'name', 'twitter:description', description);
  if (topic) setMeta(route.head, 'property', 'article:section', topic.title);
  for (const tag of data.tags ?? []) route.head.push({ tag: 'meta', attrs: { property: 'article:tag', content: tag } });
});
