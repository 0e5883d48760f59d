import {
  GRADE_LABELS,
  GRADES,
  MARKS_KEY,
  SCOPES,
  mergeMarks,
  parseMarksFile,
  readMarks,
  selectSession,
  serializeMarks,
  setMark,
  writeMarks,
  type Grade,
  type Marks,
  type Scope,
  type SessionQuestion,
} from '../../lib/marks';
import { renderProgress } from '../progress/progress';
import { loadAnswer } from './answers';

const root = document.querySelector<HTMLElement>('[data-practice]');
if (root) init(root);

function init(root: HTMLElement): void {
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const form = $<HTMLFormElement>('.practice-setup')!;
  const position = $<HTMLElement>('[data-position]')!;
  const empty = $<HTMLElement>('[data-empty]')!;
  const message = $<HTMLElement>('[data-message]')!;
  const fileInput = $<HTMLInputElement>('[data-import-file]')!;
  const prevButton = $<HTMLButtonElement>('[data-nav="prev"]')!;
  const nextButton = $<HTMLButtonElement>('[data-nav="next"]')!;
  const cards = new Map([...root.querySelectorAll<HTMLElement>('.practice-card')].map((li) => [li.dataset.id ?? '', li]));
  const questions: SessionQuestion[] = [...cards.values()].map((li) => ({
    id: li.dataset.id ?? '',
    topic: li.dataset.topic ?? '',
    importance: Number(li.dataset.importance),
  }));

  const storage = (() => {
    try {
      return localStorage;
    } catch {
      return undefined;
    }
  })();
  let marks: Marks = readMarks(storage);
  let session: string[] = [];
  let at = 0;
  const graded = new Map<string, Grade>();

  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const current = () => cards.get(session[at] ?? '');

  const saveMarks = (next: Marks) => {
    marks = next;
    if (!writeMarks(storage, marks)) say('浏览器不允许保存（可能是隐私模式）：标记只在本次访问中有效。');
    refreshMarks();
  };

  function refreshMarks(): void {
    for (const [id, li] of cards) {
      const grade = marks[id]?.grade;
      const badge = li.querySelector<HTMLElement>('[data-my-mark]');
      if (badge) {
        badge.hidden = !grade;
        badge.dataset.grade = grade ?? '';
        badge.textContent = grade ? `上次：${GRADE_LABELS[grade]}` : '';
      }
      for (const b of li.querySelectorAll<HTMLButtonElement>('button[data-grade]')) b.setAttribute('aria-pressed', String(b.dataset.grade === grade));
    }
    renderProgress(marks);
  }

  function say(text: string): void {
    message.textContent = text;
  }

  function show(index: number, focus: boolean): void {
    at = Math.max(0, Math.min(index, session.length - 1));
    for (const li of cards.values()) li.hidden = true;
    const li = current();
    if (!li) return;
    li.hidden = false;
    const details = li.querySelector('details');
    if (details) details.open = false;
    prevButton.disabled = at === 0;
    nextButton.disabled = at === session.length - 1;
    position.textContent = `第 ${at + 1} / ${session.length} 题`;
    // This answer now, the next one ahead of time: both usually come from the same small fragment.
    void loadAnswer(li);
    const next = cards.get(session[at + 1] ?? '');
    if (next) void loadAnswer(next);
    if (focus) li.querySelector<HTMLElement>('.practice-title')?.focus();
  }

  function start(focus: boolean): void {
    const topic = select('topic').value;
    const scope = select('scope').value as Scope;
    session = selectSession(questions, { topic, scope, shuffle: select('order').value === 'shuffle' }, marks);
    graded.clear();
    const none = session.length === 0;
    empty.hidden = !none;
    empty.textContent = none ? '这个范围里没有题目。换个专题或范围试试。' : '';
    prevButton.parentElement!.hidden = none;
    position.textContent = '';
    if (none) {
      for (const li of cards.values()) li.hidden = true;
      return;
    }
    show(0, focus);
  }

  function grade(g: Grade): void {
    const id = session[at];
    if (!id) return;
    graded.set(id, g);
    saveMarks(setMark(marks, id, g));
    if (at < session.length - 1) {
      show(at + 1, true);
    } else {
      const count = (x: Grade) => [...graded.values()].filter((v) => v === x).length;
      position.textContent = `本轮完成：${GRADES.map((x) => `${GRADE_LABELS[x]} ${count(x)}`).join('，')}。可以换个范围再来一轮。`;
    }
  }

  function reveal(): boolean {
    const details = current()?.querySelector('details');
    if (!details || details.open) return false;
    details.open = true;
    return true;
  }

  // Settings from the URL, so topic pages can link to “practise this topic”.
  const params = new URLSearchParams(location.search);
  for (const name of ['topic', 'scope', 'order']) {
    const value = params.get(name);
    const el = select(name);
    if (value && [...el.options].some((o) => o.value === value)) el.value = value;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const url = new URL(location.href);
    for (const name of ['topic', 'scope', 'order']) {
      const value = select(name).value;
      const isDefault = value === '' || value === SCOPES[0] || value === 'in-order';
      if (isDefault) url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    history.replaceState(history.state, '', url);
    start(true);
  });

  // Opening an answer whose fragment failed to load earlier tries again.
  root.addEventListener(
    'toggle',
    (e) => {
      const details = e.target as HTMLDetailsElement;
      const card = details.closest<HTMLElement>('.practice-card');
      if (details.open && card) void loadAnswer(card);
    },
    true,
  );

  root.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.grade) grade(button.dataset.grade as Grade);
    else if (button.dataset.nav) show(at + (button.dataset.nav === 'next' ? 1 : -1), true);
    else if (button.dataset.action === 'export') exportMarks();
    else if (button.dataset.action === 'import') fileInput.click();
    else if (button.dataset.action === 'reset') resetMarks();
  });

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || session.length === 0) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"], dialog')) return;
    // Space and Enter already activate buttons, links and <summary>; do not double-handle them.
    const onControl = Boolean(target.closest('button, a, summary'));
    if (e.key === ' ') {
      if (!onControl && reveal()) e.preventDefault();
      return;
    }
    const g = GRADES[['1', '2', '3'].indexOf(e.key)];
    if (g) grade(g);
    else if (e.key === 'j') show(at + 1, true);
    else if (e.key === 'k') show(at - 1, true);
    else return;
    e.preventDefault();
  });

  function exportMarks(): void {
    const blob = new Blob([serializeMarks(marks)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `k8s-notes-marks-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(`已导出 ${Object.keys(marks).length} 条标记。`);
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const result = parseMarksFile(await file.text());
    if (!result.ok) {
      say(`导入失败：${result.error}`);
      return;
    }
    saveMarks(mergeMarks(marks, result.marks));
    const n = Object.keys(result.marks).length;
    say(`已导入 ${n} 条标记${result.skipped ? `，跳过 ${result.skipped} 条无效记录` : ''}。较新的标记优先保留。`);
  });

  function resetMarks(): void {
    const n = Object.keys(marks).length;
    if (n === 0) {
      say('还没有任何标记。');
      return;
    }
    if (!confirm(`确定清除全部 ${n} 条标记吗？此操作无法撤销，可以先导出备份。`)) return;
    saveMarks({});
    say('已清除全部标记。');
  }

  addEventListener('storage', (e) => {
    if (e.key !== MARKS_KEY && e.key !== null) return;
    marks = readMarks(storage);
    refreshMarks();
  });

  for (const el of root.querySelectorAll<HTMLElement>('.practice-setup, .practice-bar, .practice-grade, .practice-nav, .practice-data')) {
    el.hidden = false;
  }
  // The per-topic links are the way in without JavaScript; here the setup form does their job.
  root.querySelector('.practice-topics')?.remove();
  root.dataset.active = '';
  refreshMarks();
  start(false);
}
