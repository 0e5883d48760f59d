/**
 * Synchronous Kubernetes schema checks for the YAML re-indenter, on top of kubernetes-models.
 * Like src/lib/k8s-validate.ts, keys the compiled validator never reads count as unknown fields:
 * that is exactly how a key placed under the wrong parent shows up.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));

type Validate = (this: unknown) => void;
const cache = new Map<string, Validate | null>();

function modelFor(apiVersion: string, kind: string): Validate | null {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let found: Validate | null = null;
  if (/^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) && /^\w+$/.test(kind)) {
    const file = join(modelsRoot, apiVersion, `${kind}.js`);
    if (existsSync(file)) {
      const mod = require(file) as Record<string, { prototype: { validate: Validate } }>;
      found = mod[kind]?.prototype.validate ?? null;
    }
  }
  cache.set(key, found);
  return found;
}

export const hasModel = (apiVersion: unknown, kind: unknown) =>
  typeof apiVersion === 'string' && typeof kind === 'string' && modelFor(apiVersion, kind) !== null;

export interface Problem {
  path: string;
  message: string;
}

/** Schema problems of a manifest, ignoring missing required fields (a partial document is fine). */
export function problemsOf(manifest: Record<string, unknown>, { ignoreRequired = true } = {}): Problem[] | null {
  const validate = modelFor(String(manifest.apiVersion), String(manifest.kind));
  if (!validate) return null;
  const reads = new WeakMap<object, Set<PropertyKey>>();
  const tracked = track(manifest, reads);
  const out: Problem[] = [];
  try {
    validate.call(tracked);
  } catch (error) {
    const errors = (error as { errors?: { instancePath: string; keyword?: string; message?: string; params?: Record<string, unknown> }[] }).errors;
    if (!errors) throw error;
    for (const e of errors) {
      if (ignoreRequired && e.keyword === 'required') continue;
      out.push({ path: e.instancePath, message: `${e.keyword ?? ''} ${e.message ?? ''}`.trim() });
    }
  }
  unknownFields(manifest, reads, '', out);
  return out;
}

function track<T>(value: T, reads: WeakMap<object, Set<PropertyKey>>): T {
  if (typeof value !== 'object' || value === null) return value;
  const seen = new Set<PropertyKey>();
  reads.set(value, seen);
  return new Proxy(value, {
    get(target, key, receiver) {
      seen.add(key);
      return track(Reflect.get(target, key, receiver), reads);
    },
  });
}

function unknownFields(value: unknown, reads: WeakMap<object, Set<PropertyKey>>, path: string, out: Problem[]) {
  if (typeof value !== 'object' || value === null) return;
  const seen = reads.get(value);
  if (!seen) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownFields(v, reads, `${path}/${i}`, out));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (seen.has(key)) unknownFields(child, reads, `${path}/${key}`, out);
    else out.push({ path: `${path}/${key}`, message: 'unknown field' });
  }
}
