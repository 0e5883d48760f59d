import type { Companion } from './deprecations-data.ts';
import { error, positionAt, type Diagnostic } from './diagnostics.ts';

/**
 * A page about a subject must mention its current counterpart: kube-proxy modes → nftables,
 * Ingress → Gateway API, probes → gRPC. Which subjects and counterparts is data
 * (content/deprecations.yaml → companions), not a list of page ids.
 */
export function checkCompanions(file: string, body: string, companions: readonly Companion[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of companions) {
    let first: number | undefined;
    const applies = c.conditions.every(({ regex, minCount }) => {
      const matches = [...body.matchAll(regex)];
      if (matches.length < minCount) return false;
      first ??= matches[0]!.index;
      return true;
    });
    if (!applies || new RegExp(c.requireRegex.source, c.requireRegex.flags.replace('g', '')).test(body)) continue;
    const { line, column } = positionAt(body, first ?? 0);
    out.push(error(file, line, column, `companion/${c.id}`, `${c.message}：请在 :::tip[编者补充] 里补上。参见 ${c.doc}`));
  }
  return out;
}
