import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { parse } from 'yaml';

/** The bilingual term list (术语表): search synonyms, the glossary page and permalink ids all read it. */
export const GLOSSARY_FILE = 'content/glossary.yaml';

export const glossaryTermSchema = z.object({
  /** kebab-case English slug; also the word `npm run new` uses when a title holds the Chinese term. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id 只能包含小写字母、数字和连字符'),
  /** English name as the Kubernetes documentation writes it. */
  en: z.string().min(1),
  /** Preferred Chinese name. */
  zh: z.string().min(1),
  /** Other spellings in either language (abbreviations, older translations). */
  aka: z.array(z.string().min(1)).default([]),
  /** One-line Chinese explanation shown on the glossary page. */
  description: z.string().min(1).optional(),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export function readGlossary(file: string = GLOSSARY_FILE): GlossaryTerm[] {
  const terms = glossaryTermSchema.array().parse(parse(readFileSync(file, 'utf8')));
  const seen = new Set<string>();
  for (const t of terms) {
    if (seen.has(t.id)) throw new Error(`${file}: 术语 id “${t.id}” 重复`);
    seen.add(t.id);
  }
  return terms;
}
