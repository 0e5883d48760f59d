/** One rendered SVG as it goes into the page: its markup and the width style of its wrapper. */
export interface DiagramVariant {
  html: string;
  style: string | undefined;
}

/** The smallest text a reader must be able to read without zooming, in CSS px. */
export const MIN_TEXT_PX = 11;

/**
 * Mermaid's SVG goes into the page as Mermaid wrote it, its own `<style>` included: the wrapper
 * takes it as one `set:html` string, so no Markdown or MDX step ever sees (or drops) the
 * stylesheet, and the browser applies it with the real cascade. Every rule is scoped to the
 * SVG's id, so the light and dark variants on one page cannot restyle each other.
 *
 * Rules that cannot match any element of this SVG (Mermaid ships one stylesheet per diagram type,
 * with selectors for classes a given diagram never uses) are left out to keep pages light.
 */
export function svgVariant(svg: string): DiagramVariant {
  const classes = classesIn(svg);
  const html = svg.replace(STYLE_ELEMENT, (_, open: string, css: string, close: string) => `${open}${keepMatchable(css, classes)}${close}`);
  return { html, style: legibleWidthStyle(html) };
}

const STYLE_ELEMENT = /(<style[^>]*>)([\s\S]*?)(<\/style>)/g;

function classesIn(svg: string): Set<string> {
  const classes = new Set<string>();
  for (const m of svg.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  return classes;
}

/**
 * A selector can only match if every class its subject (the last compound) requires is on some
 * element; a rule is kept if any of its selectors can. At-rules (@keyframes…) are kept as they are.
 * Removing only rules that cannot match anything leaves the cascade, and so the drawing, unchanged.
 */
function keepMatchable(css: string, classes: ReadonlySet<string>): string {
  let out = '';
  for (const block of cssBlocks(css)) {
    if (block.prelude.startsWith('@') || block.prelude.split(',').some((selector) => canMatch(selector, classes))) out += block.text;
  }
  return out;
}

function canMatch(selector: string, classes: ReadonlySet<string>): boolean {
  // Pseudo-classes and attribute selectors may hold dots (`[href$=".svg"]`): only look before them.
  const subject = (selector.trim().split(/\s*[\s>+~]\s*/).pop() ?? '').replace(/[[:(].*$/, '');
  return [...subject.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => classes.has(m[1]!));
}

/** Top-level blocks of a stylesheet: `prelude { … }` with nested braces kept inside their block. */
function* cssBlocks(css: string): Generator<{ prelude: string; text: string }> {
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open === -1) return;
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      j++;
    }
    yield { prelude: css.slice(i, open).trim(), text: css.slice(i, j) };
    i = j;
  }
}

/**
 * The SVG scales down with the column (max-width: 100%), but never so far that its smallest text
 * drops below MIN_TEXT_PX: `--mermaid-min-width` is the width at which that happens (at most
 * the natural width); a narrower column scrolls sideways instead (see custom.css). The smallest
 * size is taken over every font size the SVG can use (its attributes, inline styles and the
 * rules that can match), so the real text is never smaller than assumed.
 */
function legibleWidthStyle(svg: string): string | undefined {
  const width = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || width <= 0) return undefined;
  const sizes = [...svg.matchAll(/font-size\s*:\s*([\d.]+)px|font-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1] ?? m[2])).filter((n) => n > 0);
  const smallest = sizes.length ? Math.min(...sizes) : 16;
  // A little headroom: browsers round the rendered glyph box.
  const minWidth = Math.min(width, Math.ceil((width * (MIN_TEXT_PX + 0.5)) / smallest));
  return `--mermaid-width: ${Math.round(width)}px; --mermaid-min-width: ${minWidth}px`;
}
