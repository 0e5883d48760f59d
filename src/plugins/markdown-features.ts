import type { Features } from 'satteri';

/**
 * The Markdown syntax the site's pages are parsed with: GFM, directives for Starlight's asides
 * and our ::::other-answer. Smart punctuation is off here because the smartPunctuation plugin
 * applies the site's own rules (`--` is an em dash). Shared by the build's processor and every
 * scan that must see the pages exactly as the build does (the Mermaid prefetch).
 */
export const MARKDOWN_FEATURES = { gfm: true, directive: true, smartPunctuation: false } as const satisfies Features;
