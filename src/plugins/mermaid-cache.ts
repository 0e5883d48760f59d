import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A tiny content-addressed store: rendering a diagram means starting Chromium, so unchanged
 * diagrams are read back from disk instead of being rendered on every build.
 */
export class SvgCache {
  private readonly dir: string;
  private readonly extension: string;

  constructor(dir: string, extension = '.svg') {
    this.dir = dir;
    this.extension = extension;
  }

  static key(...parts: string[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('hex');
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  async set(key: string, svg: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(this.path(key), svg);
  }

  private path(key: string): string {
    return join(this.dir, `${key}${this.extension}`);
  }
}
