import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ManifestProblem {
  /** Path inside the manifest, e.g. ['spec', 'replicas']; [] for the whole document. */
  path: (string | number)[];
  message: string;
  /** A required field is absent (as opposed to a wrong or unknown one). */
  missing?: true;
}

export type ManifestVerdict =
  | { kind: 'valid' }
  | { kind: 'invalid'; problems: ManifestProblem[] }
  /** Not a built-in Kubernetes type (a CRD or a component config): nothing to check it against. */
  | { kind: 'unknown-type'; apiVersion: string; typeKind: string };

interface ModelClass {
  prototype: { validate(this: unknown): void };
}

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));

/** API groups kubernetes-models ships; a typo in a kind of these groups is an error, not a CRD. */
const isBuiltInGroupVersion = (apiVersion: string) => existsSync(join(modelsRoot, apiVersion));

/** Does this parsed YAML document look like a Kubernetes object (rather than a fragment)? */
export function isManifest(doc: unknown): doc is { apiVersion: string; kind: string } {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof (doc as Record<string, unknown>).apiVersion === 'string' &&
    typeof (doc as Record<string, unknown>).kind === 'string'
  );
}

/**
 * Validate a manifest against the Kubernetes OpenAPI schema of its apiVersion/kind, as compiled
 * by kubernetes-models: types, enums and required fields. Those validators ignore unknown fields,
 * which is exactly how flattened YAML usually goes wrong (a key re-indented under the wrong
 * parent), so we also watch which keys the validator reads: a key it never looks at is not in
 * the schema. Maps (labels, data) are iterated by the validator, so their keys all count as read.
 */
export async function validateManifest(manifest: { apiVersion: string; kind: string }): Promise<ManifestVerdict> {
  return checkManifest(manifest);
}

/** The synchronous core of {@link validateManifest}, for callers that search over many candidates (the importer's re-indenter). */
export function checkManifest(manifest: { apiVersion: string; kind: string }): ManifestVerdict {
  const { apiVersion, kind } = manifest;
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) || !/^\w+$/.test(kind)) {
    return { kind: 'invalid', problems: [{ path: ['apiVersion'], message: `apiVersion/kind 格式不对：${apiVersion} ${kind}` }] };
  }
  const Model = modelOf(apiVersion, kind);
  if (Model === 'no-such-kind') return { kind: 'invalid', problems: [{ path: ['kind'], message: `${apiVersion} 里没有 kind “${kind}”` }] };
  if (!Model) return { kind: 'unknown-type', apiVersion, typeKind: kind };

  const reads = new WeakMap<object, Set<PropertyKey>>();
  const tracked = track(manifest, reads);
  const problems: ManifestProblem[] = [];
  try {
    Model.prototype.validate.call(tracked);
  } catch (error) {
    const errors = (error as { errors?: { instancePath: string; keyword?: string; message?: string; params?: Record<string, unknown> }[] }).errors;
    if (!errors) throw error;
    for (const e of errors) {
      problems.push({ path: pointerToPath(e.instancePath), message: describeAjvError(e), ...(e.keyword === 'required' ? { missing: true } : {}) });
    }
  }
  problems.push(...unknownFields(manifest, reads, []));
  return problems.length ? { kind: 'invalid', problems } : { kind: 'valid' };
}

const models = new Map<string, ModelClass | 'no-such-kind' | null>();

function modelOf(apiVersion: string, kind: string): ModelClass | 'no-such-kind' | null {
  const key = `${apiVersion}/${kind}`;
  if (!models.has(key)) {
    const modulePath = join(modelsRoot, apiVersion, `${kind}.js`);
    if (!existsSync(modulePath)) models.set(key, isBuiltInGroupVersion(apiVersion) ? 'no-such-kind' : null);
    else models.set(key, (require(modulePath) as Record<string, ModelClass>)[kind] ?? null);
  }
  return models.get(key) ?? null;
}

/** Is there a built-in schema for this apiVersion/kind? */
export const hasSchema = (apiVersion: unknown, kind: unknown): boolean =>
  typeof apiVersion === 'string' && typeof kind === 'string' && /^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) && /^\w+$/.test(kind) && typeof modelOf(apiVersion, kind) === 'function';

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

function unknownFields(value: unknown, reads: WeakMap<object, Set<PropertyKey>>, path: (string | number)[]): ManifestProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  const seen = reads.get(value);
  if (!seen) return []; // never visited: a parent is already reported or the schema allows anything here
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, reads, [...path, i]));
  return Object.entries(value).flatMap(([key, child]) =>
    seen.has(key)
      ? unknownFields(child, reads, [...path, key])
      : [{ path: [...path, key], message: `未知字段 “${key}”（Kubernetes schema 中没有这个字段，可能是缩进错了）` }],
  );
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describeAjvError(e: { message?: string; params?: Record<string, unknown>; instancePath: string }): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(根对象)';
  const params = e.params ?? {};
  if ('missingProperty' in params) return `${where} 缺少必填字段 “${String(params.missingProperty)}”`;
  if ('allowedValues' in params) return `${where} 只能是 ${(params.allowedValues as unknown[]).map(String).join(' | ')}`;
  if ('type' in params) return `${where} 应为 ${String(params.type)} 类型`;
  return `${where} ${e.message ?? '不符合 schema'}`;
}

/** A row of the removed-API table (content/deprecations.yaml → removedApis). */
export interface RemovedApiRow {
  apiVersion: string;
  /** Only these kinds were removed; absent means the whole group/version is gone. */
  kinds?: string[];
  removedIn: string;
  replacement: string;
}

/**
 * kubernetes-models ships every group/version it ever knew (5.x still has autoscaling/v2beta2 and
 * policy/v1beta1), so a schema match says nothing about whether the target release serves the
 * API. This answers that from the removed-API table: the row that removed this manifest's type at
 * or before `target` (a minor such as "1.37"), if any.
 */
export function removedApiOf<Row extends RemovedApiRow>(
  manifest: { apiVersion: string; kind: string },
  table: readonly Row[],
  target: string,
): Row | undefined {
  const minor = (v: string) => Number(v.split('.')[1]);
  return table.find(
    (row) =>
      row.apiVersion === manifest.apiVersion && (!row.kinds || row.kinds.includes(manifest.kind)) && minor(row.removedIn) <= minor(target),
  );
}
