import { MARKS_KEY, readMarks, tally, type Marks } from '../../lib/marks';

const storage = (): Storage | undefined => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
};

/** Fills every progress widget on the page from the local marks; safe to call again after a change. */
export function renderProgress(marks: Marks = readMarks(storage())): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress]')) {
    const ids = (el.dataset.progress ?? '').split(' ').filter(Boolean);
    const t = tally(ids, marks);
    for (const key of ['know', 'shaky', 'dont', 'unmarked', 'total'] as const) {
      const out = el.querySelector<HTMLElement>(`[data-count="${key}"]`);
      if (out) out.textContent = String(t[key]);
      const bar = el.querySelector<HTMLElement>(`[data-bar="${key}"]`);
      if (bar) bar.style.inlineSize = t.total ? `${(100 * t[key]) / t.total}%` : '0';
    }
    el.hidden = false;
  }
}

renderProgress();
// Another tab (e.g. the practice page) changed the marks.
addEventListener('storage', (e) => {
  if (e.key === MARKS_KEY || e.key === null) renderProgress();
});
// Coming back through the back/forward cache shows a stale page otherwise.
addEventListener('pageshow', (e) => {
  if (e.persisted) renderProgress();
});
