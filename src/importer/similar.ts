import { similarity } from './evidence.ts';

/** A page already on the site, as the importer compares new entries with it. */
export interface ExistingPage {
  id: string;
  topic: string;
  title: string;
  /** The page's text (first few thousand characters are enough to compare). */
  text: string;
  path: string;
}

export interface Duplicate {
  url: string;
  path: string;
  score: number;
}

const TEXT_SAMPLE = 3000;
const sample = (t: string) => t.replace(/```[\s\S]*?```/g, ' ').slice(0, TEXT_SAMPLE);

/**
 * Likely duplicates of a new entry among the site's pages: title similarity weighs most (the same
 * question is usually asked in nearly the same words), answer text confirms. Scores are 0–1.
 */
export function findDuplicates(title: string, text: string, pages: readonly ExistingPage[], threshold = 0.5, limit = 3): Duplicate[] {
  const body = sample(text);
  return pages
    .map((p) => {
      const t = similarity(title, p.title);
      // Comparing answers is the slow part: only for titles that are at all alike.
      const score = t < 0.3 ? t * 0.6 : 0.6 * t + 0.4 * similarity(body, sample(p.text));
      return { url: `/q/${p.id}/`, path: p.path, score: Math.round(score * 100) / 100 };
    })
    .filter((d) => d.score >= threshold)
    .sort((a, b) => b.score - a.score || a.url.localeCompare(b.url))
    .slice(0, limit);
}

/** The topic of the most similar page, when one is similar enough to vouch for it. */
export function nearestTopic(title: string, pages: readonly ExistingPage[]): string | null {
  let best: { topic: string; score: number } | null = null;
  for (const p of pages) {
    const score = similarity(title, p.title);
    if (score >= 0.35 && (!best || score > best.score)) best = { topic: p.topic, score };
  }
  return best?.topic ?? null;
}
