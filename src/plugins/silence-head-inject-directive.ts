import type { AstroIntegration } from 'astro';

interface RolldownLog {
  code?: string;
  message: string;
}
type LogHandler = (level: string, log: RolldownLog) => void;

/**
 * Astro's own content-assets plugin (astro/dist/content/vite-plugin-content-assets.js) starts
 * every MDX entry's `?astroPropagatedAssets` module with the marker `"use astro:head-inject"`.
 * Astro reads that marker from the source before bundling, so Rolldown dropping it is harmless,
 * but Rolldown warns once per page (MODULE_LEVEL_DIRECTIVE), burying real warnings under ~80
 * identical ones. Upstream: https://github.com/withastro/astro/issues/18087. Only that exact
 * warning is dropped; every other log, including other directives, passes through.
 */
export const isHeadInjectDirectiveWarning = (log: RolldownLog) =>
  log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"');

export function silenceHeadInjectDirective(): AstroIntegration {
  return {
    name: 'silence-head-inject-directive',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            build: {
              rolldownOptions: {
                onLog(level: string, log: RolldownLog, handler: LogHandler) {
                  if (level === 'warn' && isHeadInjectDirectiveWarning(log)) return;
                  handler(level, log);
                },
              },
            },
          },
        });
      },
    },
  };
}
