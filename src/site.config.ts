/**
 * The one place that names where the site and its repository live. Forks and the deploy
 * workflow override these with environment variables instead of editing code.
 */
export const SITE = {
  title: 'K8s 面试笔记',
  description: '整理自多份 Kubernetes 面试笔记的中文问答：每个问题一页，带架构图、可运行的 YAML 示例和全文搜索。',
  url: process.env.SITE_URL ?? 'https://k8s-interview-notes.github.io',
  base: process.env.SITE_BASE ?? '/',
  repository: process.env.SITE_REPOSITORY ?? 'https://github.com/k8s-interview-notes/k8s-interview-notes',
  branch: process.env.SITE_BRANCH ?? 'main',
} as const;

export const editUrlBase = `${SITE.repository}/edit/${SITE.branch}/`;
