import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadCatalog } from '../lib/catalog.ts';
import { mergeHead, shareMetaTags } from '../lib/share-meta.ts';

/**
 * Open Graph / Twitter meta on question pages, so a shared permalink previews as the question and
 * the start of its answer. Starlight's defaults would use the frontmatter summary (or the site
 * description) and a large-image card without an image. The logic lives in lib/share-meta.ts.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const { data, body } = route.entry;
  if (!data.id || !data.topic || !data.status) return;
  const topic = (await loadCatalog()).find((t) => t.id === data.topic);
  mergeHead(
    route.head,
    shareMetaTags({ title: data.title, description: data.description, body: body ?? '', topicTitle: topic?.title, tags: data.tags }),
  );
});
