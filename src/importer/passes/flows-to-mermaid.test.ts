import { describe, expect, it } from 'vitest';
import { flowsToMermaid, inlineFlow, verticalFlow } from './flows-to-mermaid.ts';

describe('text flows → Mermaid', () => {
  it('reads a ↓ chain, keeping detail lines with their step', () => {
    expect(verticalFlow(['kubectl apply', '↓', 'API Server', '(认证、鉴权、准入)', '↓', 'etcd'])).toEqual(['kubectl apply', 'API Server (认证、鉴权、准入)', 'etcd']);
    expect(verticalFlow(['a', 'b'])).toBeNull();
  });

  it('reads an inline → chain', () => {
    expect(inlineFlow('Client → [LoadBalancer] → api-server-01, api-server-02')).toEqual(['Client', '[LoadBalancer]', 'api-server-01, api-server-02']);
  });

  it('draws the flow and keeps the original text under it', () => {
    const out = flowsToMermaid([{ type: 'code', lang: 'text', lines: ['用户', '↓', 'Ingress', '↓', 'Service'], src: [5, 6, 7, 8, 9] }]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ type: 'code', lang: 'mermaid' });
    expect(out[0]!.type === 'code' && out[0]!.lines.join('\n')).toBe('flowchart TD\n  s0["用户"]\n  s1["Ingress"]\n  s2["Service"]\n  s0 --> s1 --> s2');
    expect(out[1]).toMatchObject({ lang: 'text', src: [5, 6, 7, 8, 9] });
  });
});
