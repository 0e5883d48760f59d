import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Where a diagram is written, for the error a contributor reads when it cannot be drawn. */
export interface DiagramPlace {
  file: string;
  line: number;
  column: number;
}

interface Held {
  content: Promise<string>;
  places: DiagramPlace[];
}

const TAG = 'mermaid-pending';
/** Outputs a page's compiled content could end up in: HTML is filled, the others are refused. */
const TEXT_OUTPUT = /\.(?:html|xml|json|txt|md|rss|atom)$/;
const PLACEHOLDER = new RegExp(`<${TAG} data-key="([0-9a-f]+)"></${TAG}>`, 'g');

/**
 * What a contributor reads when a diagram cannot be drawn, wherever the build finds out: the start
 * of Mermaid's message (its first lines name the problem; the rest is a stack).
 */
export function cannotDraw(error: unknown): string {
  const reason = error instanceof Error ? error.message.split('\n').slice(0, 4).join(' ') : String(error);
  return `Mermaid 图无法渲染（请检查语法）：${reason}`;
}

/** A diagram that could not be drawn; the message names every place the diagram is written. */
export class DiagramError extends Error {
  readonly places: DiagramPlace[];

  constructor(places: DiagramPlace[], error: unknown, root: string) {
    const where = places.map((p) => `${relative(root, p.file) || p.file}:${p.line}:${p.column}`).join('、');
    super(`${where} ${cannotDraw(error)}`);
    this.name = 'DiagramError';
    this.places = places;
  }
}

/**
 * Diagrams a build did not wait for. In `astro build`, a page whose diagram is not cached yet is
 * compiled with a placeholder instead of waiting for Chromium, so the rest of the build goes on
 * while the browser draws on the other core; when every page is written, `fill` puts each
 * diagram's markup where its placeholder is, in every HTML file (a question's page, its printable
 * topic, its practice answers). The markup is the same string a cached diagram gets inline, so a
 * build writes the same HTML whether its diagrams were cached or not.
 */
export class DeferredDiagrams {
  private readonly held = new Map<string, Held>();

  /** The placeholder for a diagram; `content` resolves to what replaces it. */
  hold(key: string, content: () => Promise<string>, place: DiagramPlace): string {
    let entry = this.held.get(key);
    if (!entry) {
      entry = { content: content(), places: [] };
      // Failures are reported by fill(), with every place the diagram is written.
      entry.content.catch(() => undefined);
      this.held.set(key, entry);
    }
    if (!entry.places.some((p) => p.file === place.file && p.line === place.line)) entry.places.push(place);
    return `<${TAG} data-key="${key}"></${TAG}>`;
  }

  get size(): number {
    return this.held.size;
  }

  /**
   * Replaces every placeholder in the HTML files under `dir`. Throws a DiagramError for the first
   * diagram that could not be drawn, and an Error for a placeholder nobody holds (a page compiled
   * by another process), so no page is ever published with a hole in it.
   */
  async fill(dir: string, root = process.cwd()): Promise<{ files: number; diagrams: number }> {
    const contents = new Map<string, string>();
    for (const [key, entry] of this.held) {
      try {
        contents.set(key, await entry.content);
      } catch (error) {
        throw new DiagramError(entry.places, error, root);
      }
    }
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && TEXT_OUTPUT.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    const fill = (file: string, text: string) => {
      // A feed or JSON endpoint would need the figure escaped for its format: refuse rather than guess.
      if (!file.endsWith('.html')) throw new Error(`${relative(root, file)}: 含有尚未画好的图的占位元素，但只有 HTML 文件能填入图；请让这个输出等图画好（或不包含图）`);
      return text.replace(PLACEHOLDER, (_, key: string) => {
        const content = contents.get(key);
        if (content === undefined) throw new Error(`${relative(root, file)}: 找不到图 ${key} 的渲染结果（页面不是在本次构建中编译的？）`);
        return content;
      });
    };
    // Every file is checked before any is written, so a refused build leaves no page half-filled;
    // the second pass reads again rather than holding every filled page in memory.
    const holding: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (!text.includes(`<${TAG} `)) continue;
      fill(file, text);
      holding.push(file);
    }
    for (const file of holding) await writeFile(file, fill(file, await readFile(file, 'utf8')));
    const changed = holding.length;
    return { files: changed, diagrams: contents.size };
  }
}
