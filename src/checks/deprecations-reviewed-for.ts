import { minorOf, type Deprecations } from './deprecations-data.ts';
import { error, warning, type Diagnostic } from './diagnostics.ts';

/**
 * reviewedFor says which Kubernetes minor a page was last checked against. Missing is an error
 * while `reviewedForRequired` is on (content/deprecations.yaml); more than one minor behind the
 * configured current release is a warning, so the page is queued for another review.
 */
export function checkReviewedFor(
  file: string,
  reviewedFor: string | undefined,
  lineOf: (path: (string | number)[]) => number,
  data: Pick<Deprecations, 'currentKubernetes' | 'reviewedForRequired'>,
): Diagnostic[] {
  const current = data.currentKubernetes;
  if (reviewedFor === undefined) {
    if (!data.reviewedForRequired) return [];
    return [
      error(file, lineOf(['id']), 1, 'reviewed/missing', `缺少 reviewedFor：按 Kubernetes ${current} 审校完这一页后，在 frontmatter 最后一行写上 reviewedFor: "${current}"`),
    ];
  }
  const line = lineOf(['reviewedFor']);
  const lag = minorOf(current) - minorOf(reviewedFor);
  if (lag < 0) {
    return [error(file, line, 1, 'reviewed/future', `reviewedFor 是 ${reviewedFor}，比当前配置的 Kubernetes ${current} 还新：请改成 "${current}"，或更新 content/deprecations.yaml 的 currentKubernetes`)];
  }
  if (lag > 1) {
    return [warning(file, line, 1, 'reviewed/outdated', `这一页按 Kubernetes ${reviewedFor} 审校，落后当前的 ${current} ${lag} 个次版本：请按 ${current} 重新审校，再把 reviewedFor 改成 "${current}"`)];
  }
  return [];
}
