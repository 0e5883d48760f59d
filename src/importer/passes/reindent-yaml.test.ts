import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repairYamlBlock, splitDocuments } from './reindent-yaml.ts';

// Cut from note 000: a Service whose indentation was flattened by the copy.
const SERVICE = ['kind: Service', 'apiVersion: v1', 'metadata:', 'name: my-headless-service', 'spec:', 'clusterIP: None # 关键点:不分配 ClusterIP', 'ports:', '- port: 80', 'targetPort: 80', 'selector:', 'app: my-app'];

describe('repairYamlBlock (flattened YAML, guided by the Kubernetes schema)', () => {
  it('re-indents a Service so that it parses into the right structure and validates', () => {
    const r = repairYamlBlock(SERVICE);
    expect(r.reindented).toBe(true);
    expect(r.valid).toBe(true);
    expect(parse(r.lines.join('\n'))).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'my-headless-service' },
      spec: { clusterIP: 'None', ports: [{ port: 80, targetPort: 80 }], selector: { app: 'my-app' } },
    });
    expect(r.lines).toContain('  clusterIP: None # 关键点:不分配 ClusterIP');
  });

  it('climbs out of a label map when the next key is not a label (Deployment template)', () => {
    const flat = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', 'name: web', 'spec:', 'selector:', 'matchLabels:', 'app: nginx', 'template:', 'metadata:', 'labels:', 'app: nginx', 'spec:', 'containers:', '- name: nginx', 'image: nginx:latest', 'resources:', 'requests:', 'cpu: "100m"'];
    const r = repairYamlBlock(flat);
    expect(r.valid).toBe(true);
    const doc = parse(r.lines.join('\n'));
    expect(doc.spec.template.spec.containers[0].resources.requests.cpu).toBe('100m');
    expect(doc.spec.selector.matchLabels).toEqual({ app: 'nginx' });
  });

  it('re-indents a fragment by the place it has in a container (livenessProbe)', () => {
    const r = repairYamlBlock(['livenessProbe:', 'httpGet:', 'path: /healthz # 访问的路径', 'port: 8080', 'initialDelaySeconds: 3']);
    expect(parse(r.lines.join('\n'))).toEqual({ livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3 } });
    expect(r.valid).toBeNull(); // a fragment has no kind to validate against
  });

  it('leaves YAML that kept its indentation unchanged', () => {
    const kept = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: c', '    image: nginx'];
    expect(repairYamlBlock(kept)).toEqual({ lines: kept, reindented: false, valid: true });
  });

  it('reports what it cannot repair instead of pretending', () => {
    expect(repairYamlBlock(['apiVersion: v1', 'kind: Pod', 'metadata:', 'name: p', 'spec:', 'replicas: "x"']).valid).toBe(false);
  });
});

describe('splitDocuments', () => {
  it('starts a new document at a second apiVersion, taking the comment above it along', () => {
    expect(splitDocuments(['apiVersion: v1', 'kind: ConfigMap', '# 生产环境', 'apiVersion: v1', 'kind: Pod'])).toEqual([
      ['apiVersion: v1', 'kind: ConfigMap'],
      ['# 生产环境', 'apiVersion: v1', 'kind: Pod'],
    ]);
  });
});
