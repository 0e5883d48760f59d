import { readGlossary, type GlossaryTerm } from '../content-model/glossary';

let cached: GlossaryTerm[] | undefined;
/** The glossary, read once per build however many pages ask for it. */
export function glossary(): GlossaryTerm[] {
  return (cached ??= readGlossary());
}

let groups: string[][] | undefined;
/** Each term's names, English first ([en, zh, ...aka], each once), as /search-synonyms.json serves them. */
export function glossaryNameGroups(): string[][] {
  return (groups ??= glossary().map((t) => [...new Set([t.en, t.zh, ...t.aka])]));
}
