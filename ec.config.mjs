// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { shikiWithoutTimeBudget } from './src/plugins/shiki-no-time-budget.ts';

/**
 * Expressive Code options that are functions live here rather than in astro.config.mjs: both the
 * Markdown pipeline and Starlight's <Code> component read this file, while EC options written in
 * astro.config.mjs must stay JSON-serialisable. Themes and styles stay in astro.config.mjs.
 */
export default defineEcConfig({
  shiki: {
    // Colours must not depend on how busy the build machine is (src/plugins/shiki-no-time-budget.ts).
    transformers: [shikiWithoutTimeBudget],
  },
});
