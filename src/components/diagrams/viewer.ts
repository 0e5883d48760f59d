/**
 * Full-screen view of one build-time diagram: a modal <dialog> (Esc closes, focus stays inside),
 * a copy of the inline SVG the reader is looking at, zoom buttons and keys, and panning by drag,
 * scroll or arrow keys. No Mermaid code: the SVG is already in the page.
 */
const STEP = 1.25;
const MIN = 0.25;
const MAX = 6;

export function openDiagramViewer(figure: HTMLElement, opener: HTMLElement): void {
  const shown = [...figure.querySelectorAll('svg')].find((s) => s.getClientRects().length > 0);
  if (!shown) return;
  const svg = shown.cloneNode(true) as SVGSVGElement;
  const box = svg.viewBox.baseVal;
  const natural = { width: box?.width || shown.clientWidth, height: box?.height || shown.clientHeight };
  svg.removeAttribute('style');
  svg.setAttribute('role', 'img');

  const dialog = document.createElement('dialog');
  dialog.className = 'mermaid-viewer';
  dialog.setAttribute('aria-label', '放大查看图表');
  const toolbar = document.createElement('div');
  toolbar.className = 'viewer-toolbar';
  const stage = document.createElement('div');
  stage.className = 'viewer-stage';
  stage.tabIndex = 0;
  stage.setAttribute('aria-label', '图表（方向键平移，+ / − 缩放）');
  stage.append(svg);

  let scale = 1;
  const apply = (next: number) => {
    // Keep the point at the centre of the view where it is while the size changes.
    const cx = (stage.scrollLeft + stage.clientWidth / 2) / scale;
    const cy = (stage.scrollTop + stage.clientHeight / 2) / scale;
    scale = Math.min(MAX, Math.max(MIN, next));
    svg.style.width = `${natural.width * scale}px`;
    svg.style.height = `${natural.height * scale}px`;
    stage.scrollLeft = cx * scale - stage.clientWidth / 2;
    stage.scrollTop = cy * scale - stage.clientHeight / 2;
    level.textContent = `${Math.round(scale * 100)}%`;
  };
  const button = (label: string, text: string, action: () => void, className = '') => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    if (className) b.className = className;
    b.addEventListener('click', action);
    return b;
  };
  const level = document.createElement('span');
  level.setAttribute('aria-live', 'polite');
  toolbar.append(
    button('缩小', '−', () => apply(scale / STEP)),
    button('放大', '+', () => apply(scale * STEP)),
    button('原始大小', '1:1', () => apply(1)),
    level,
    button('关闭', '关闭', () => dialog.close(), 'viewer-close'),
  );
  dialog.append(toolbar, stage);

  stage.addEventListener('keydown', (e) => {
    if (e.key === '+' || e.key === '=') apply(scale * STEP);
    else if (e.key === '-') apply(scale / STEP);
    else if (e.key === '0') apply(1);
    else return;
    e.preventDefault();
  });
  stage.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey) return; // plain wheel scrolls (pans); Ctrl + wheel / pinch zooms
      e.preventDefault();
      apply(e.deltaY < 0 ? scale * STEP : scale / STEP);
    },
    { passive: false },
  );
  // Touch pans natively (overflow: auto); a mouse drags the view.
  stage.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' || e.button !== 0) return;
    const start = { x: e.clientX, y: e.clientY, left: stage.scrollLeft, top: stage.scrollTop };
    const move = (m: PointerEvent) => {
      stage.scrollLeft = start.left - (m.clientX - start.x);
      stage.scrollTop = start.top - (m.clientY - start.y);
    };
    const up = () => {
      stage.removeEventListener('pointermove', move);
      stage.style.cursor = '';
    };
    stage.setPointerCapture(e.pointerId);
    stage.style.cursor = 'grabbing';
    stage.addEventListener('pointermove', move);
    stage.addEventListener('pointerup', up, { once: true });
    stage.addEventListener('pointercancel', up, { once: true });
  });

  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  apply(1);
  stage.focus();
}
