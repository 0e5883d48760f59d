import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { inlineSvgStyles, parseRules } from './inline-svg-styles.ts';

describe('parseRules', () => {
  it('keeps style rules in order and drops at-rules', () => {
    const rules = parseRules('#m{fill:#ccc}@keyframes dash{to{stroke-dashoffset:0}}#m .node rect,#m .node circle{stroke:red;}');
    expect(rules).toEqual([
      { selectors: ['#m'], declarations: 'fill:#ccc;' },
      { selectors: ['#m .node rect', '#m .node circle'], declarations: 'stroke:red;' },
    ]);
  });
});

describe('inlineSvgStyles', () => {
  it('moves <style> rules onto the matching elements and removes the <style>', () => {
    const svg =
      '<svg id="m"><style>#m{font-family:sans-serif}#m .node rect{fill:#eee;stroke:#333}#m .node:hover rect{fill:red}</style>' +
      '<g class="node"><rect style="opacity:0.5"></rect></g><rect></rect></svg>';
    const root = fromHtml(svg, { fragment: true, space: 'svg' });
    inlineSvgStyles(root);
    const html = toHtml(root, { space: 'svg' });
    expect(html).not.toContain('<style');
    expect(html).toContain('<svg id="m" style="font-family:sans-serif;">');
    // Rule declarations first, the element's own inline style last so it still wins; :hover ignored.
    expect(html).toContain('<g class="node"><rect style="fill:#eee;stroke:#333;opacity:0.5"></rect></g>');
    expect(html).toContain('<rect></rect></svg>');
  });
});
