import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { ImportError } from './errors.ts';

const FORMATS = ['qa-plain', 'qa-blog', 'hexo-blog', 'github-view', 'tutorial'] as const;

/** What an editor decided about one entry, keyed by the line of its title in the note. */
const entryOverride = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).optional(),
  title: z.string().min(1).optional(),
  topic: z.string().optional(),
  importance: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
});

/**
 * The record kept beside each raw note (`<note>.source.yaml`): where it was copied from, when it
 * arrived, and the editorial decisions the importer cannot take from the text alone.
 */
export const provenanceSchema = z.object({
  note: z.string(),
  received: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  copiedFrom: z.string().min(1),
  format: z.enum(FORMATS).optional(),
  /** Tutorial notes: the flattened headings that start an entry (the others become sub-headings). */
  entryHeadings: z.array(z.string()).optional(),
  entries: z.record(z.string().regex(/^\d+$/), entryOverride).default({}),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const provenancePath = (notePath: string) => `${notePath.replace(/\.[^./\\]+$/, '')}.source.yaml`;

export function readProvenance(notePath: string): Provenance | null {
  const path = provenancePath(notePath);
  if (!existsSync(path)) return null;
  const parsed = provenanceSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(path, undefined, `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
