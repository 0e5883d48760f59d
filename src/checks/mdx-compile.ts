import { compile } from '@mdx-js/mdx';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { error, type Diagnostic } from './diagnostics.ts';
import { explainMdxError } from './mdx-messages.ts';
import type { Page } from './page.ts';

/**
 * Full MDX compilation catches what the parser alone lets through. Run only on pages that parsed
 * and hold nothing unsafe (an import would be “compiled” into a module import and fail for the
 * wrong reason).
 */
export async function compileProblems(page: Page): Promise<Diagnostic[]> {
  if (page.body === undefined || !page.tree) return [];
  try {
    await compile(page.body, { remarkPlugins: [remarkGfm, remarkDirective] });
    return [];
  } catch (e) {
    const problem = explainMdxError(e, page.body);
    return [error(page.file, problem.line, problem.column, 'mdx/compile', `MDX 编译失败：${problem.message}`)];
  }
}

