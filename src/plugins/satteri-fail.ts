import { fileURLToPath } from 'node:url';
import type { Position } from 'unist';
import { VFile } from 'vfile';

/**
 * Stops the build at a node, the way remark's `file.fail` did: the thrown VFileMessage carries
 * `file`, `line` and `column`, which Astro's MDX plugin turns into the error location it prints.
 * `origin` is `source:rule`, as remark plugins name their messages.
 */
export function failAt(fileURL: URL | undefined, message: string, position: Position | undefined, origin: string): never {
  const file = new VFile({ path: fileURL ? fileURLToPath(fileURL) : undefined });
  const [source, ruleId] = origin.split(':');
  return file.fail(message, { place: position, source, ruleId });
}
