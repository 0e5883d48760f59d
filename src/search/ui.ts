/**
 * The search dialog's behaviour, loaded on the reader's first sign of wanting to search
 * (see src/components/overrides/Search.astro). Renders results with Chinese text of its own
 * instead of Pagefind's default UI.
 */
import type { TaskLexicon } from './concepts';
import { runSearch, type Pagefind, type SearchHit, type SearchOutcome } from './engine';

/** Results shown at first and per “显示更多结果”: each one downloads its page's fragment. */
const PAGE_SIZE = 5;
const DEBOUNCE_MS = 120;

export function mount(root: HTMLElement) {
  const dialog = root.querySelector('dialog')!;
  const input = dialog.querySelector('input')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const list = dialog.querySelector<HTMLOListElement>('.search-results')!;
  const more = dialog.querySelector<HTMLButtonElement>('.search-more')!;
  const totalPages = Number(root.dataset.pages) || 0;
  const bundle = root.dataset.bundle ?? '/pagefind/';

  let pagefind: Promise<Pagefind> | undefined;
  const engine = () =>
    (pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
      // The worker script would be one more download (12 KiB) for an index this small.
      // baseUrl: the index stores paths inside dist/; a site under SITE_BASE serves them below it.
      await pf.options({ excerptLength: 24, noWorker: true, baseUrl: root.dataset.base ?? '/' });
      await pf.init();
      return pf;
    }));
  void engine();
  // Glossary names for query expansion, fetched only when a query needs them (runSearch decides);
  // search still works (without them) if this fails to load.
  let synonyms: Promise<string[][]> | undefined;
  const glossaryNames = (): Promise<string[][]> =>
    (synonyms ??= fetch(`${(root.dataset.base ?? '/').replace(/\/?$/, '/')}search-synonyms.json`)
      .then((r) => (r.ok ? (r.json() as Promise<string[][]>) : []))
      .catch(() => []));

  // Task phrasings → features (concept-lexicon.ts): its own chunk, fetched when a plain search is weak.
  let concepts: Promise<TaskLexicon> | undefined;
  const conceptLexicon = (): Promise<TaskLexicon> =>
    (concepts ??= import('./concept-lexicon')
      .then((m) => m.taskLexicon)
      .catch(() => ({ match: (query: string) => ({ matches: [], rest: query }), english: [] })));

  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: { outcome: SearchOutcome; count: number } | undefined;

  const finish = (query: string) => {
    list.dataset.query = query;
    root.dataset.state = 'done';
  };

  const search = async () => {
    const raw = input.value;
    const mine = ++generation;
    root.dataset.state = 'searching';
    if (!raw.trim()) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      shown = undefined;
      return finish(raw);
    }
    status.textContent = '正在搜索…';
    let outcome: SearchOutcome;
    try {
      outcome = await runSearch(await engine(), raw, totalPages, glossaryNames, conceptLexicon);
    } catch {
      if (mine !== generation) return;
      status.textContent = '搜索索引加载失败，请检查网络后刷新页面重试。';
      list.replaceChildren();
      return finish(raw);
    }
    if (mine !== generation) return;
    list.replaceChildren();
    shown = { outcome, count: 0 };
    status.textContent = summary(outcome);
    await showMore(mine);
    if (mine === generation) finish(raw);
  };

  const showMore = async (mine: number) => {
    if (!shown) return;
    const { outcome } = shown;
    const next = outcome.hits.slice(shown.count, shown.count + PAGE_SIZE);
    const start = shown.count;
    const items = await Promise.all(next.map((hit) => renderHit(hit)));
    if (mine !== generation) return;
    items.forEach((item, i) => {
      if (start + i === outcome.exactCount && outcome.exactCount > 0) {
        const divider = document.createElement('li');
        divider.className = 'search-partial-divider';
        divider.textContent = '以下结果包含部分关键词';
        list.append(divider);
      }
      list.append(item);
    });
    shown.count += next.length;
    more.hidden = shown.count >= outcome.hits.length;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  more.addEventListener('click', () => void showMore(generation));

  // Arrow keys move through the results while focus stays in the field; Enter opens the current one.
  input.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('.search-hit > a')];
    if (links.length === 0) return;
    const current = links.findIndex((a) => a.getAttribute('aria-current') === 'true');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (current + (e.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
      links.forEach((a, i) => a.setAttribute('aria-current', String(i === next)));
      links[next]!.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      (links[current] ?? links[0])!.click();
    }
  });
  // Following a result to a section of the current page does not unload it: close the dialog.
  list.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) dialog.close();
  });

  // The reader may have typed before this module arrived.
  if (input.value.trim()) void search();
}

function summary(outcome: SearchOutcome): string {
  const { query, hits, exactCount } = outcome;
  if (hits.length === 0) return `没有找到与“${query}”相关的结果。`;
  const corrected = outcome.corrections?.map((c) => `“${c.from}”按“${c.to}”`).join('、');
  const features = outcome.concepts?.map((c) => `“${c}”`).join('、');
  const notes = [corrected && `${corrected}搜索`, features && `按相关功能${features}搜索`].filter(Boolean);
  const note = notes.length > 0 ? `（${notes.join('；')}）` : '';
  if (exactCount === 0) return `没有完全匹配的结果，以下结果包含部分关键词。${note}`;
  if (outcome.mentionsOnly) return `找到 ${exactCount} 条提到全部关键词的结果，但标题里都没有这些词，可能只是顺带提到。${note}`;
  if (exactCount < hits.length) return `找到 ${exactCount} 条完全匹配“${query}”的结果。${note}`;
  return `找到 ${hits.length} 条与“${query}”相关的结果。${note}`;
}

async function renderHit(hit: SearchHit): Promise<HTMLLIElement> {
  const data = await hit.result.data();
  const li = document.createElement('li');
  li.className = 'search-hit';
  const a = document.createElement('a');
  a.href = data.url;
  const title = document.createElement('span');
  title.className = 'search-hit-title';
  title.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-hit-excerpt';
  // Pagefind escapes the page text and adds only <mark> around matched words.
  excerpt.innerHTML = data.excerpt;
  a.append(title, excerpt);
  if (hit.matched?.length) {
    const terms = document.createElement('span');
    terms.className = 'search-hit-terms';
    terms.textContent = `包含：${hit.matched.join('、')}`;
    a.append(terms);
  }
  li.append(a);
  return li;
}
