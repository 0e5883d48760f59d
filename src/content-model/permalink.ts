import { ID_PATTERN } from './question.ts';

/** URL prefix of question pages: /q/<id>/. */
export const QUESTION_PREFIX = 'q';

export const questionHref = (id: string, base = '/') => `${base.replace(/\/?$/, '/')}${QUESTION_PREFIX}/${id}/`;

/**
 * The collection id (and so the URL) of a question comes from its frontmatter `id`, never from
 * the file name or the title, so moving a file between topic folders or rewording the question
 * keeps every shared link working.
 */
export function questionEntryId(entry: string, data: Record<string, unknown>): string {
  const { id } = data;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    // Fall back to a visibly wrong id; the schema then reports the bad field with the file name.
    return `${QUESTION_PREFIX}/invalid-id/${entry.replace(/\.mdx?$/, '')}`;
  }
  return `${QUESTION_PREFIX}/${id}`;
}
