import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { IMPORTANCE_LABELS } from '../content-model/question.ts';
import { loadCatalog, type QuestionSummary } from '../lib/catalog.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

const normalize = (path: string) => path.replace(/\/?$/, '/');

function link(label: string, href: string, current: string, badge?: SidebarLink['badge']): SidebarLink {
  return { type: 'link', label, href, isCurrent: normalize(href) === current, badge, attrs: {} };
}

const importanceBadge = (q: QuestionSummary): SidebarLink['badge'] =>
  q.importance === 3 ? { text: IMPORTANCE_LABELS[3], variant: 'caution' } : undefined;

/**
 * Questions are grouped by their `topic` frontmatter, not by folder, so Starlight's
 * directory-based autogeneration cannot build this sidebar; we build it from the collections.
 * Prev/next follow the same order, which makes a topic readable front to back.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const current = normalize(context.url.pathname);
  const catalog = await loadCatalog();

  const sidebar: SidebarEntry[] = catalog.map((topic) => {
    const entries = [
      link('专题概览', topic.href, current),
      ...topic.questions.map((q) => link(q.title, q.href, current, importanceBadge(q))),
    ];
    return {
      type: 'group',
      label: topic.title,
      entries,
      collapsed: !entries.some((e) => e.isCurrent),
      badge: undefined,
    };
  });
  const todo = catalog.flatMap((t) => t.questions).filter((q) => q.status !== 'answered').length;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  route.sidebar = [
    ...sidebar,
    link('待补充的题目', `${base}todo/`, current, todo ? { text: String(todo), variant: 'note' } : undefined),
    // Study tools. Prev/next below walks only the topic groups, so these never appear there.
    link('练习模式', `${base}practice/`, current),
    link('全部题目（打印版）', `${base}all/`, current),
  ];

  const flat = sidebar.flatMap((g) => (g.type === 'group' ? g.entries : [g])) as SidebarLink[];
  const at = flat.findIndex((l) => l.isCurrent);
  if (at !== -1) {
    route.pagination.prev = flat[at - 1];
    route.pagination.next = flat[at + 1];
  }
});
