import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';

interface Rule {
  selectors: string[];
  declarations: string;
}

/** Split minified CSS into plain style rules; at-rules (@keyframes, @media) are dropped. */
export function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open === -1) break;
    const prelude = css.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    const body = css.slice(open + 1, j - 1).trim();
    if (prelude && !prelude.startsWith('@') && body) {
      rules.push({ selectors: prelude.split(',').map((s) => s.trim()).filter(Boolean), declarations: body.replace(/;?$/, ';') });
    }
    i = j;
  }
  return rules;
}

/**
 * Apply an SVG's internal <style> rules as inline `style` attributes and remove the <style>.
 * MDX collapses <style> contents into a `set:html` attribute that then leaks into the HTML as
 * text, dropping every rule; inline styles survive any pipeline. Rules are applied in source
 * order, so later rules win as they would in the cascade; selectors with pseudo-classes that
 * cannot match static markup (:hover, ::before) are skipped.
 */
export function inlineSvgStyles(tree: Root | Element): void {
  const sheets: string[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'style' || !parent || index === undefined) return;
    sheets.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
    parent.children.splice(index, 1);
    return index;
  });
  const additions = new Map<Element, string[]>();
  for (const rule of parseRules(sheets.join('\n'))) {
    for (const selector of rule.selectors) {
      if (selector.includes(':')) continue;
      let matches: Element[];
      try {
        matches = selectAll(selector, tree, 'svg');
      } catch {
        continue; // a selector hast-util-select cannot evaluate
      }
      for (const el of matches) additions.set(el, [...(additions.get(el) ?? []), rule.declarations]);
    }
  }
  for (const [el, declarations] of additions) {
    // Existing inline styles are Mermaid's own per-element choices and must keep priority.
    const own = typeof el.properties.style === 'string' ? el.properties.style : '';
    el.properties.style = `${declarations.join('')}${own}`;
  }
}
