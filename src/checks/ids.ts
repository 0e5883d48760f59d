import { REDIRECTS_FILE } from '../content-model/redirects.ts';
import { error, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** Ids are permalinks: unique, pointed at only when they exist, and never silently withdrawn. */
export const idsCheck: ContentCheck = {
  name: 'id/* related/* redirect/*',
  site({ pages, byId, redirects, published, linkable }) {
    const out: Diagnostic[] = [];
    const idLine = (p: (typeof pages)[number]) => p.frontmatter?.lineOf(['id']) ?? 1;
    const publishedAt = new Set((published ?? []).filter((x) => x.file).map((x) => `${x.id} ${x.file}`));
    for (const [id, same] of byId) {
      if (same.length < 2) continue;
      // When one of them is the published page, the mistake is in the others (a copied file, a reused id).
      const original = same.filter((p) => publishedAt.has(`${id} ${p.file}`));
      for (const p of original.length === 1 ? same.filter((x) => x !== original[0]) : same) {
        const others = same.filter((o) => o !== p).map((o) => o.file).join('、');
        out.push(error(p.file, idLine(p), 1, 'id/duplicate', `id “${id}” 与 ${others} 重复：每个问题的 id 必须唯一`));
      }
    }
    for (const p of pages) {
      p.data?.related.forEach((rid, i) => {
        if (!linkable.has(rid)) out.push(error(p.file, p.frontmatter!.lineOf(['related', i]), 1, 'related/unknown', `related 里的 “${rid}” 不是任何问题的 id`));
      });
    }
    for (const r of redirects) {
      if (byId.has(r.from)) out.push(error(REDIRECTS_FILE, r.line, 1, 'redirect/shadowed', `“${r.from}” 仍是现有问题的 id，不能再重定向`));
      if (!byId.has(r.to)) out.push(error(REDIRECTS_FILE, r.line, 1, 'redirect/target', `重定向目标 “${r.to}” 不是任何问题的 id`));
    }
    const redirected = new Set(redirects.map((r) => r.from));
    const byFile = new Map(pages.map((p) => [p.file, p]));
    const changed = new Set((published ?? []).filter((x) => !byId.has(x.id) && !redirected.has(x.id) && x.file && byFile.has(x.file)).map((x) => x.file));
    for (const p of pages) {
      // A changed published id is reported below as such; the file name then differs as a consequence.
      if (p.data && p.data.id !== p.name && !changed.has(p.file)) {
        out.push(error(p.file, idLine(p), 1, 'id/file-name', `文件名应与 id 一致：把文件改名为 ${p.data.id}.mdx（不要改 id，id 就是永久链接）`));
      }
    }
    if (!published) return out;
    for (const { id, file } of published) {
      if (byId.has(id) || redirected.has(id)) continue;
      const renamed = file ? byFile.get(file) : undefined;
      if (renamed) {
        // The file is still there under a new id: the mistake is on its id line, not in redirects.yaml.
        out.push(
          error(renamed.file, idLine(renamed), 1, 'id/changed', `id 从已发布的 “${id}” 改成了 “${renamed.id}”：别人分享的链接 /q/${id}/ 会失效。请改回 ${id}；确实要改名时，在 ${REDIRECTS_FILE} 里加一条 - from: ${id} / to: ${renamed.id}`),
        );
        continue;
      }
      out.push(
        error(REDIRECTS_FILE, 1, 1, 'id/removed', `已发布的 id “${id}”${file ? `（原文件 ${file}）` : ''}不见了：别人分享的链接 /q/${id}/ 会失效。请恢复它，或在 ${REDIRECTS_FILE} 里加一条 - from: ${id} / to: <新 id>`),
      );
    }
    return out;
  },
};
