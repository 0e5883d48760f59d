import { GRADE_LABELS, MARKS_KEY, readMarks, type Marks } from '../../lib/marks';

/**
 * Question-list filters. The list is complete in the HTML; this only hides items, so without JS
 * (or with a filter URL from an older version) every question stays reachable. The query string
 * mirrors the form so a filtered list can be shared.
 */
const FIELDS = ['importance', 'status', 'tag', 'mark'] as const;
type Field = (typeof FIELDS)[number];

const loadMarks = (): Marks => {
  try {
    return readMarks(localStorage);
  } catch {
    return {};
  }
};

function matches(li: HTMLElement, values: Record<Field, string>, marks: Marks): boolean {
  const { importance, status, tag, mark } = values;
  if (importance && li.dataset.importance !== importance) return false;
  if (status && li.dataset.status !== status) return false;
  if (tag && !(li.dataset.tags ?? '').split(' ').includes(tag)) return false;
  if (mark) {
    const grade = marks[li.dataset.id ?? '']?.grade ?? 'unmarked';
    if (grade !== mark) return false;
  }
  return true;
}

function setup(form: HTMLFormElement): void {
  const list = document.getElementById(form.dataset.filtersFor ?? '');
  if (!list) return;
  const items = [...list.querySelectorAll<HTMLElement>(':scope > li')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const empty = form.parentElement?.querySelector<HTMLElement>('[data-filter-empty]');
  const select = (name: Field) => form.elements.namedItem(name) as HTMLSelectElement | null;
  let marks = loadMarks();

  const showMarks = () => {
    for (const li of items) {
      const badge = li.querySelector<HTMLElement>('[data-my-mark]');
      const grade = marks[li.dataset.id ?? '']?.grade;
      if (!badge) continue;
      badge.hidden = !grade;
      badge.dataset.grade = grade ?? '';
      badge.textContent = grade ? `我的标记：${GRADE_LABELS[grade]}` : '';
    }
  };

  const apply = (updateUrl: boolean) => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, select(f)?.value ?? ''])) as Record<Field, string>;
    let shown = 0;
    for (const li of items) {
      const ok = matches(li, values, marks);
      li.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = `显示 ${shown} / ${items.length} 题`;
    if (empty) empty.hidden = shown > 0;
    if (updateUrl) {
      const url = new URL(location.href);
      for (const f of FIELDS) {
        if (values[f]) url.searchParams.set(f, values[f]);
        else url.searchParams.delete(f);
      }
      history.replaceState(history.state, '', url);
    }
  };

  // Values not offered by the form (a tag that was renamed, a typo) are ignored, not kept hidden.
  const params = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const el = select(f);
    const value = params.get(f);
    if (el && value && [...el.options].some((o) => o.value === value)) el.value = value;
  }
  form.addEventListener('change', () => apply(true));
  form.addEventListener('reset', () => setTimeout(() => apply(true)));
  form.addEventListener('submit', (e) => e.preventDefault());
  addEventListener('storage', (e) => {
    if (e.key !== MARKS_KEY && e.key !== null) return;
    marks = loadMarks();
    showMarks();
    apply(false);
  });
  showMarks();
  apply(false);
  form.hidden = false;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filters-for]')) setup(form);
