/**
 * The glossary terms one question uses, computed once per build: every question page lists its
 * terms (本题术语) and the glossary page lists the questions of every term, so without this each
 * text would be scanned twice.
 */
import type { GlossaryTerm } from '../content-model/glossary';
import { findTermUses, type TermUse } from './search-glossary';

const caches = new WeakMap<GlossaryTerm[], Map<string, TermUse[]>>();

/** findTermUses for one question's title (with its aliases) and body, memoized per glossary. */
export function pageTermUses(glossary: GlossaryTerm[], title: string, body: string): TermUse[] {
  let cache = caches.get(glossary);
  if (!cache) caches.set(glossary, (cache = new Map()));
  const key = `${title}\0${body}`;
  let uses = cache.get(key);
  if (!uses) cache.set(key, (uses = findTermUses(glossary, title, body)));
  return uses;
}
