import type { APIRoute } from 'astro';
import { glossary } from '../lib/search-glossary-data';

/**
 * The glossary's names, one group per term, for the search dialog: fetched on the first search only,
 * so a query in one language also ranks the pages that name the term in the other.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(glossary().map((t) => [...new Set([t.en, t.zh, ...t.aka])])), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
