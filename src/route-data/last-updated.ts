import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { lastCommitDates } from '../lib/git-dates.ts';

/** “最近更新” on question pages, from the git history of their MDX file. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { filePath } = route.entry;
  route.lastUpdated ??= filePath ? lastCommitDates().get(filePath) : undefined;
});
