import { describe, expect, it } from 'vitest';
import { astroRedirects, parseRedirects, RedirectsError } from './redirects.ts';

describe('redirects', () => {
  it('map old permalinks to new ones, under the site base', () => {
    const list = parseRedirects('# 注释\n- from: pod-create-process\n  to: pod-creation-flow\n');
    expect(list).toEqual([{ from: 'pod-create-process', to: 'pod-creation-flow', line: 2 }]);
    expect(astroRedirects(list, '/k8s/')).toEqual({ '/q/pod-create-process/': '/k8s/q/pod-creation-flow/' });
  });

  it('an empty or comment-only file means no redirects', () => {
    expect(parseRedirects('# nothing yet\n')).toEqual([]);
  });

  it('report the line of a malformed entry', () => {
    const bad = '- from: a\n  to: b\n- from: Not An Id\n  to: c\n';
    expect(() => parseRedirects(bad)).toThrow(RedirectsError);
    try {
      parseRedirects(bad);
    } catch (e) {
      expect((e as RedirectsError).line).toBe(3);
    }
  });
});
