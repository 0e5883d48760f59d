import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { Image } from 'mdast';
import { visit } from 'unist-util-visit';
import { error, type Diagnostic } from './diagnostics.ts';
import type { ContentCheck } from './page.ts';

/** Site-absolute images (`/images/…`) are files under public/, served as they are. */
export const PUBLIC_DIR = 'public';

const where = '图片请放在 public/images/<专题>/ 下，用 ![说明](/images/<专题>/<文件名>) 引用（见 CONTRIBUTING.md “图片”）';

/**
 * Every image a page shows must exist: a missing one otherwise fails the build with an English
 * error at the wrong line (relative paths) or silently ships a broken image (`/images/…`).
 */
export const imagesCheck: ContentCheck = {
  name: 'image/missing',
  page({ tree, file }, site) {
    if (!tree) return [];
    const out: Diagnostic[] = [];
    visit(tree, 'image', (node: Image) => {
      const url = node.url.trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return; // external; unsafe schemes are mdx-safety's
      const path = safeDecode(url.split(/[?#]/, 1)[0] ?? '');
      const target = path.startsWith('/') ? join(site.root, PUBLIC_DIR, path) : join(site.root, dirname(file), path);
      if (path && existsSync(target)) return;
      const shown = path.startsWith('/') ? `${PUBLIC_DIR}${path}` : posix.join(dirname(file), path);
      const at = node.position?.start;
      out.push(error(file, at?.line ?? 1, at?.column ?? 1, 'image/missing', `图片 “${url}” 不存在（找的是 ${shown}）：${where}`));
    });
    return out;
  },
};

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
