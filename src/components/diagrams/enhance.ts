/**
 * Loaded on every content page, so it stays tiny: it only wires events. The diagram viewer itself
 * is imported on the first click of “放大查看”.
 */

/** A link to a heading inside a collapsed <details> (另一份笔记的回答) must show that heading. */
function revealTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  let box = target?.closest('details');
  let opened = false;
  while (box) {
    if (!box.open) box.open = opened = true;
    box = box.parentElement?.closest('details');
  }
  if (opened) target?.scrollIntoView();
}

/** Browsers print closed <details> closed; print.css opens them, this covers older engines. */
function printOpen(): void {
  let reopened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    reopened = [...document.querySelectorAll<HTMLDetailsElement>('details.other-answer:not([open])')];
    for (const d of reopened) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of reopened) d.open = false;
    reopened = [];
  });
}

function zoomButtons(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('.mermaid-diagram')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'mermaid-zoom';
    button.textContent = '放大查看';
    button.setAttribute('aria-haspopup', 'dialog');
    const open = () => void import('./viewer.ts').then((m) => m.openDiagramViewer(figure, button));
    button.addEventListener('click', open);
    figure.addEventListener('click', open);
    figure.after(button);
  }
}

revealTarget();
addEventListener('hashchange', revealTarget);
printOpen();
zoomButtons();
