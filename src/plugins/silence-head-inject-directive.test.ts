import { describe, expect, it } from 'vitest';
import { silenceHeadInjectDirective } from './silence-head-inject-directive.ts';

type OnLog = (level: string, log: { code?: string; message: string }, handler: (level: string, log: unknown) => void) => void;

/** The onLog the integration hands to Vite, as Vite would call it. */
function onLog(): OnLog {
  let config: { vite?: { build?: { rolldownOptions?: { onLog?: OnLog } } } } = {};
  const hook = silenceHeadInjectDirective().hooks['astro:config:setup'] as unknown as (o: { updateConfig: (c: typeof config) => void }) => void;
  hook({ updateConfig: (c) => (config = c) });
  return config.vite!.build!.rolldownOptions!.onLog!;
}

describe('silenceHeadInjectDirective', () => {
  const passed = (level: string, log: { code?: string; message: string }) => {
    const seen: unknown[] = [];
    onLog()(level, log, (_, l) => seen.push(l));
    return seen.length === 1;
  };
  it('drops only Astro’s own head-inject directive warning', () => {
    const astroMarker = 'The semantics of the module level directive "use astro:head-inject" in "content/docs/a/b.mdx?astroPropagatedAssets" may not be preserved when bundling.';
    expect(passed('warn', { code: 'MODULE_LEVEL_DIRECTIVE', message: astroMarker })).toBe(false);
  });
  it('keeps every other log, including other directives', () => {
    expect(passed('warn', { code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" may not be preserved' })).toBe(true);
    expect(passed('warn', { code: 'CIRCULAR_DEPENDENCY', message: 'a -> b -> a' })).toBe(true);
    expect(passed('error', { code: 'MODULE_LEVEL_DIRECTIVE', message: '"use astro:head-inject"' })).toBe(true);
  });
});
