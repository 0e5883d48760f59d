import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGlossary, type GlossaryTerm } from '../content-model/glossary';
import { findTermUses, termNames } from './search-glossary';

/**
 * The matching rule as one regex per name: a Latin name as a whole word in any case, with
 * flexible spacing and an optional plural; a Chinese name anywhere. findTermUses must count
 * exactly what these count.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new Map<string, RegExp>();
function reference(text: string, name: string): number {
  let re = compiled.get(name);
  if (!re) {
    const body = name.split(/\s+/).map(escape).join('[\\s-]*');
    re = /[A-Za-z0-9]/.test(name)
      ? new RegExp(`(?<![\\p{L}\\p{N}_-])${body}(?:e?s)?(?![\\p{L}\\p{N}_])`, 'giu')
      : new RegExp(body, 'gu');
    compiled.set(name, re);
  }
  return text.match(re)?.length ?? 0;
}

/** Each name of `terms` as its own term, so its count is findTermUses' count of that name alone. */
function counts(terms: GlossaryTerm[], text: string): Map<string, number> {
  const names = terms.flatMap(termNames);
  const single = names.map((name, i) => ({ id: `n${i}`, en: name, zh: name, aka: [] }));
  const found = new Map(findTermUses(single, '', text).map((u) => [u.term.en, u.count]));
  return new Map(names.map((n) => [n, found.get(n) ?? 0]));
}

describe('glossary term matching', () => {
  const glossary = readGlossary();

  it('counts every glossary name in every question as the whole-word regex does', () => {
    const dir = 'content/docs';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    let matched = 0;
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const [name, count] of counts(glossary, text)) {
        expect(count, `${file}: ${name}`).toBe(reference(text, name));
        matched += count;
      }
    }
    expect(matched).toBeGreaterThan(0);
  });

  it('agrees with the regex at word edges, plurals, case folding and astral characters', () => {
    const names = [term('Pod'), term('Headless Service'), term('kube-proxy'), term('Ingress'), term('etcd'), term('无头 Service'), term('容器组'), term('Éviction')];
    const texts = [
      'Pods、pod、PODs、podes、Podcast、iPod、_pod、pod_、Pod-、-Pod、Pod2、2Pod',
      'headless  services, Headless-Service, HEADLESS\u00a0SERVICEs, headlessservice, headleſs ſervice',
      'kube-proxy kube-proxies Kube-Proxys xkube-proxy kube-proxy-x',
      'Ingresses Ingresss ingressess Ingress. (Ingress)',
      '\u212Aetcd etcd \u{1D400}etcd etcd\u{1D400} 😀etcd etcd😀 é etcd\u00e9 \u0345etcd',
      '无头 service 无头service 无头服务，容器组容器组',
      'éviction ÉVICTIONS Eviction',
    ];
    for (const text of texts) {
      for (const [name, count] of counts(names, text)) expect(count, `${name} in ${text}`).toBe(reference(text, name));
    }
  });
});

function term(name: string): GlossaryTerm {
  return { id: 'x', en: name, zh: name, aka: [] };
}
