import { getCollection, type CollectionEntry } from 'astro:content';

let cached: Promise<Map<string | undefined, CollectionEntry<'docs'>>> | undefined;

/**
 * Question entries by question id, read once per build. `getCollection` copies every entry on
 * each call, so the part pages (/all/, /practice/, /practice-answers/), whose number grows with
 * the content, would otherwise cost the square of the content size.
 */
export function questionEntries(): Promise<Map<string | undefined, CollectionEntry<'docs'>>> {
  cached ??= getCollection('docs').then((docs) => new Map(docs.map((e) => [e.data.id, e])));
  return cached;
}
