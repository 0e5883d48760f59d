import { readGlossary, type GlossaryTerm } from '../content-model/glossary';

let cached: GlossaryTerm[] | undefined;
/** The glossary, read once per build however many pages ask for it. */
export function glossary(): GlossaryTerm[] {
  return (cached ??= readGlossary());
}
