/**
 * Link previews for question pages (chat apps, social sites). Pure functions on plain data, so
 * they are unit-tested without Astro; src/route-data/share-meta.ts applies them to a page's head.
 */

/** The subset of Starlight's head entry this module reads and writes. */
export interface HeadTag {
  tag: string;
  attrs?: Record<string, string | boolean | undefined>;
  content?: string;
}

/**
 * The first `max` characters of an answer as plain text. Works on the raw MDX body: code,
 * diagrams, headings and Markdown syntax are dropped so a preview never starts with “```yaml”,
 * “:::tip” or a section title; what remains is the answer's opening sentences.
 */
export function answerExcerpt(body: string, max = 120): string {
  const text = markdownToPlainText(body);
  const chars = [...text]; // code points, so a CJK character counts as one
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/**
 * Markdown/MDX as the plain text a reader sees, for places that cannot render Markdown: meta
 * descriptions, link previews, the one-line summaries on topic pages.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    // Fenced blocks (code, Mermaid): a preview cannot show them.
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[^\n]*|(?![\s\S]))$/gm, ' ')
    .replace(/^\s*(import|export)\s[^\n]*$/gm, ' ')
    // Section headings are structure, not answer text.
    .replace(/^ {0,3}#{1,6}\s[^\n]*$/gm, ' ')
    // Directive fences (:::tip[编者补充]) — keep their content, drop the fence line.
    .replace(/^ {0,3}:::[^\n]*$/gm, ' ')
    // HTML such as <kbd>; an escaped \< is text, handled below.
    .replace(/(?<!\\)<[^>]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/gm, ' ')
    // Escapes like \< \{ that MDX needs (see CONTRIBUTING) read as the bare character.
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/[*`~|]/g, '')
    .replace(/\s+/g, ' ')
    // Joining blocks must not leave a space after a full-width mark (“存活。 用”).
    .replace(/([，。；：！？、）」』》】”]) /g, '$1')
    .trim();
}

export interface ShareInput {
  title: string;
  /** Frontmatter summary: a fallback when the answer has no prose yet (待补充). */
  description?: string | undefined;
  /** Raw MDX body of the answer. */
  body: string;
  topicTitle?: string | undefined;
  tags?: readonly string[] | undefined;
}

/**
 * The meta tags a shared link needs: title = the question, description = the first lines of the
 * answer. `summary` card, because we have no preview image (Starlight announces a large image).
 */
export function shareMetaTags(input: ShareInput): HeadTag[] {
  const summary = input.description ? markdownToPlainText(input.description) : '';
  const excerpt = answerExcerpt(input.body) || summary || input.title;
  const meta = (key: 'name' | 'property', value: string, content: string): HeadTag => ({
    tag: 'meta',
    attrs: { [key]: value, content },
  });
  return [
    // Replaces Starlight's, which would carry the frontmatter's Markdown ([链接](/q/…)) verbatim.
    meta('name', 'description', summary || excerpt),
    meta('property', 'og:title', input.title),
    meta('property', 'og:description', excerpt),
    meta('name', 'twitter:card', 'summary'),
    meta('name', 'twitter:title', input.title),
    meta('name', 'twitter:description', excerpt),
    ...(input.topicTitle ? [meta('property', 'article:section', input.topicTitle)] : []),
    ...(input.tags ?? []).map((t) => meta('property', 'article:tag', t)),
  ];
}

const metaKey = (t: HeadTag): string | undefined => {
  if (t.tag !== 'meta') return undefined;
  const key = t.attrs?.property ?? t.attrs?.name;
  // article:tag repeats legitimately; every other tag must appear once.
  return typeof key === 'string' && key !== 'article:tag' ? key : undefined;
};

/** Adds `tags` to `head`, replacing an existing meta with the same name/property (in place). */
export function mergeHead(head: HeadTag[], tags: readonly HeadTag[]): void {
  for (const tag of tags) {
    const key = metaKey(tag);
    const existing = key ? head.find((e) => metaKey(e) === key) : undefined;
    if (existing) existing.attrs = { ...existing.attrs, ...tag.attrs };
    else head.push(tag);
  }
}
