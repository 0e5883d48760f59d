import type { Root } from 'mdast';
import type { z } from 'astro/zod';
import type { Redirect } from '../content-model/redirects.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { contributorSchema, Frontmatter } from './frontmatter.ts';

export type QuestionData = z.infer<ReturnType<typeof contributorSchema>>;

/**
 * One file under content/docs as far as it could be read. A page that fails somewhere keeps
 * what is known about it (above all its id), so checks of other pages do not report the same
 * mistake again as a broken link, a missing related id or a vanished permalink.
 */
export interface Page {
  /** Repository-relative path with forward slashes. */
  file: string;
  /** Topic folder ('' when the file is not in one: reported as file/location) and file name without .mdx. */
  folder: string;
  name: string;
  /** Decoded text, LF line endings; undefined when the bytes are not clean UTF-8. */
  text?: string;
  /** The permalink id: the validated one, else read from the raw frontmatter, else the file name. */
  id: string;
  /** Frontmatter as parsed YAML, when it parsed. */
  frontmatter?: Frontmatter;
  /** Frontmatter that passed the schema. Checks that need typed fields skip pages without it. */
  data?: QuestionData;
  /** The text with the frontmatter blanked out, so body positions keep the file's own line numbers. */
  body?: string;
  /** The MDX syntax tree; undefined when the body does not parse. */
  tree?: Root;
  /** Heading anchors; undefined when unknown (the body did not parse): every anchor is then accepted. */
  headings?: Set<string>;
}

export interface Site {
  /** Repository root (holds content/). */
  root: string;
  pages: Page[];
  /** Pages by id; a list because a duplicate id is itself a mistake to report. */
  byId: Map<string, Page[]>;
  topicIds: readonly [string, ...string[]];
  redirects: Redirect[];
  /**
   * Ids a link or `related` may point to, with their headings (undefined: unknown, any anchor):
   * every page's id, plus published ids that vanished, because those are reported once, where the
   * fix goes (the id line or redirects.yaml), not again at every link.
   */
  linkable: Map<string, Set<string> | undefined>;
  /** Ids published before this change, with the file each lived in when known. */
  published?: readonly PublishedId[];
}

export interface PublishedId {
  id: string;
  file?: string;
}

/**
 * A content check. Register one by adding a single line to src/checks/registry.ts:
 *   export { myCheck } from './my-check.ts';
 * `page` runs for every page (look at page.tree / page.data and skip what is missing: the core
 * has already reported why it is missing); `site` runs once with all pages.
 */
export interface ContentCheck {
  /** Rule prefix this check reports under (documentation only). */
  name: string;
  page?(page: Page, site: Site): Diagnostic[] | Promise<Diagnostic[]>;
  site?(site: Site): Diagnostic[] | Promise<Diagnostic[]>;
}
