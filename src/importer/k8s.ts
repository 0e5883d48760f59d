/**
 * The importer's view of the Kubernetes schema: the site's own validator (src/lib/k8s-validate.ts),
 * with problems as comparable strings so the re-indenter can tell whether a placement added any.
 */
import { checkManifest, hasSchema } from '../lib/k8s-validate.ts';

export interface Problem {
  path: string;
  message: string;
}

/** Schema problems of a manifest (missing required fields ignored by default: a document being rebuilt is partial), or null without a schema. */
export function problemsOf(manifest: Record<string, unknown>, { ignoreRequired = true } = {}): Problem[] | null {
  // A YAML document may be null or a scalar (`---` alone, a bare word): no object, no schema.
  if (typeof manifest !== 'object' || manifest === null || !hasSchema(manifest.apiVersion, manifest.kind)) return null;
  const verdict = checkManifest(manifest as { apiVersion: string; kind: string });
  if (verdict.kind !== 'invalid') return [];
  return verdict.problems.filter((p) => !(ignoreRequired && p.missing)).map((p) => ({ path: p.path.join('/'), message: p.message }));
}
