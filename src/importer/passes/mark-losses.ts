import type { Block, Doc, Loss, Pass, Section } from '../types.ts';

const LEAD_IN = /(如下|以下|下表|包括|包含|有|分为|几类|几种|对比|区别|类型|方式|组件|内容|字段|指标)[^。]*[:：]$/;
const COMPARISON = /区别|对比|比较|vs|VS|差异/;
const KNOWN_WORDS = ['Kubernetes', 'Service', 'Deployment', 'StatefulSet', 'Ingress', 'Container', 'Namespace', 'postStart', 'preStop'];

const caution = (text: string): Block => ({ type: 'aside', variant: 'caution', title: '原文缺失', text, src: [] });

/**
 * Show where the copy lost something that cannot be rebuilt from the text: a table of which only
 * the lead-in survived (`HPA 支持以下几类指标:` followed by the next heading), a comparison heading
 * with nothing under it, a sentence cut at its start (`bernetes 里,…`, `ostStart在容器…`).
 * Nothing is invented: the reader sees a callout and the entry becomes `partial`.
 */
export function markLosses(section: Section): Section {
  const blocks: Block[] = [];
  const losses: Loss[] = [...section.losses];
  const input = section.blocks;
  input.forEach((b, i) => {
    const next = input[i + 1];
    // A lead-in followed by `1. …` headings introduces them; followed by another topic, its list is gone.
    const endsHere = next === undefined || (next.type === 'heading' && !/^(1[.、]|[(（]1[)）])/.test(next.text));
    blocks.push(b);
    if (b.type === 'para' && LEAD_IN.test(b.text) && endsHere) {
      losses.push({ line: b.src[0]!, kind: 'lost-table', detail: `“${b.text}”之后的表格或列表在复制时丢失` });
      blocks.push(caution('原笔记此处是一张表格（或列表），复制时丢失，只留下了引导语。欢迎补充。'));
    } else if (b.type === 'heading' && COMPARISON.test(b.text) && endsHere) {
      losses.push({ line: b.src[0]!, kind: 'lost-table', detail: `“${b.text}”下的对比表格在复制时丢失` });
      blocks.push(caution('原笔记此处是一张对比表格，复制时丢失，只留下了标题。欢迎补充。'));
    } else if (b.type === 'para' || (b.type === 'list' && b.items.length > 0)) {
      const text = b.type === 'para' ? b.text : b.items[0]!.text;
      const cut = cutWord(text);
      if (cut) {
        losses.push({ line: b.src[0]!, kind: 'cut-sentence', detail: `句子开头被截断：“${cut.fragment}”应是 “${cut.word}” 的后半` });
        blocks.splice(blocks.length - 1, 0, caution(`原笔记这一句的开头在复制时被截断（“${cut.fragment}…”应为 “${cut.word}…”），以下按原文保留。`));
      }
    }
  });
  return { ...section, blocks, losses };
}

/** A paragraph that starts with the tail of a known word (`bernetes`, `ostStart`) lost its start. */
export function cutWord(text: string): { fragment: string; word: string } | null {
  const m = /^([A-Za-z]{3,})(?=[\s\u3400-\u9fff,，])/.exec(text.trim());
  if (!m) return null;
  const fragment = m[1]!;
  const word = KNOWN_WORDS.find((w) => w !== fragment && w.endsWith(fragment) && w.length - fragment.length <= 4);
  return word ? { fragment, word } : null;
}

export const markLostContent: Pass = (doc: Doc) => ({ ...doc, sections: doc.sections.map(markLosses) });
