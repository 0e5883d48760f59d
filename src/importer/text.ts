/** Small character-level helpers shared by the passes. */
import type { Doc, Section } from './types.ts';

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasCjk = (s: string) => CJK.test(s);

/** Lines copied from web pages carry odd spaces (NBSP, ideographic, zero-width). */
export function normalizeSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

export const isBlank = (s: string) => normalizeSpaces(s).trim() === '';

export function mapSections(doc: Doc, fn: (s: Section, doc: Doc) => Section): Doc {
  return { ...doc, sections: doc.sections.map((s) => fn(s, doc)) };
}

export const merge = (...srcs: number[][]) => [...new Set(srcs.flat())].sort((a, b) => a - b);

/** A line that is plausibly YAML: `key: value`, `key:`, `- item`, with no Chinese outside comments. */
export function isYamlLine(s: string): boolean {
  const t = s.trim();
  if (t === '---') return true;
  const code = t.replace(/\s+#.*$/, '');
  if (hasCjk(code)) return false;
  if (/^- \S/.test(code) || code === '-') return true;
  return /^(- )?["']?[\w.\/-]+["']?:( .*)?$/.test(code) && !/^(https?|ftp):/.test(code);
}

const COMMANDS =
  /^(sudo |kubectl|kubeadm|etcdctl|ETCDCTL_API=|docker|crictl|ctr |helm|curl|wget|ln |echo |cat |vim? |apt(-get)? |yum |systemctl|journalctl|ping |traceroute|iptables|ipvsadm|nslookup|dig |mkdir|chmod|chown|cp |mv |rm |ls |cd |export |source |git |openssl|swapoff|sed |tar |FROM |RUN |COPY |CMD |ENTRYPOINT |ENV |WORKDIR |EXPOSE )/;

export function isCommandLine(s: string): boolean {
  const t = s.trim();
  if (hasCjk(t.replace(/#.*$/, '').replace(/"[^"]*"|'[^']*'/g, ''))) return false;
  return COMMANDS.test(t) || /^--?[\w-]+(=|\s|$)/.test(t) || /\s\\$/.test(t);
}

/** Console output and logs: `NAME READY STATUS`, `[INFO] ...`, tree art. */
export function isOutputLine(s: string): boolean {
  const t = s.trim();
  if (/^\[(INFO|WARN|ERROR|DEBUG)\]/.test(t)) return true;
  if (/^[A-Z][A-Z-]+( +[A-Z][A-Z-]+){2,}/.test(t)) return true;
  if (/^[├└│┌┐┘┬┴┼─]/.test(t)) return true;
  if (/^(IP|DNS)\.\d+ = /.test(t)) return true;
  return false;
}


/** Code-block languages that the blog's copy button glued in front of the first code line. */
export const GLUED_LANG = /^(bash|shell|sh|yaml|yml|golang|go|json|dockerfile|plaintext|text|ini|toml|python|sql|nginx|conf)(?=[a-z\[\$\/.~{-]|[A-Z]{2})/i;

/** A code block lost entirely: only its language label is left, glued to the next sentence (`bash重点关注…`). */
export const LOST_LANG = /^(bash|shell|sh|yaml|yml|golang|go|json|dockerfile|plaintext|text)(?=[\u3400-\u9fff])/i;
