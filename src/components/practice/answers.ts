/**
 * Answers on demand for /practice/: each card names the static fragment that holds its answer
 * (`data-answers`, built from src/pages/practice-answers/); the fragment is fetched once, when one
 * of its questions comes up, and the answer moves into the card. Until then, and if the network
 * fails, the card keeps its link to the topic's practice page, which holds the answer itself.
 */
const fragments = new Map<string, Promise<Document>>();

function fragment(url: string): Promise<Document> {
  let doc = fragments.get(url);
  if (!doc) {
    doc = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return new DOMParser().parseFromString(await res.text(), 'text/html');
    });
    // A failed fetch may succeed on the next try (a flaky connection), so do not keep it.
    doc.catch(() => fragments.delete(url));
    fragments.set(url, doc);
  }
  return doc;
}

/** Scripts parsed by DOMParser never run; recreate them so e.g. the code blocks' copy button works. */
function activateScripts(root: Element): void {
  for (const old of root.querySelectorAll('script')) {
    const script = document.createElement('script');
    for (const { name, value } of old.attributes) script.setAttribute(name, value);
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
}

export async function loadAnswer(card: HTMLElement): Promise<void> {
  const url = card.dataset.answers;
  const body = card.querySelector<HTMLElement>('.practice-answer-body');
  const placeholder = body?.querySelector<HTMLElement>('[data-answer-placeholder]');
  if (!url || !body || !placeholder || card.dataset.answerState === 'loading') return;
  card.dataset.answerState = 'loading';
  body.setAttribute('aria-busy', 'true');
  const link = placeholder.querySelector('a');
  const status = document.createElement('span');
  status.textContent = '正在加载答案…';
  placeholder.replaceChildren(status);
  try {
    const doc = await fragment(url);
    const answer = [...doc.querySelectorAll<HTMLElement>('[data-answer-for]')].find((el) => el.dataset.answerFor === card.dataset.id);
    if (!answer) throw new Error(`${url}: no answer for ${card.dataset.id}`);
    const moved = document.importNode(answer, true);
    activateScripts(moved);
    body.replaceChildren(...moved.childNodes);
    card.dataset.answerState = 'loaded';
    delete card.dataset.answers;
  } catch {
    status.textContent = '答案加载失败，请检查网络后重试，或';
    placeholder.replaceChildren(status, ...(link ? [link] : []));
    delete card.dataset.answerState;
  } finally {
    body.removeAttribute('aria-busy');
  }
}
