/**
 * npm run import -- content/raw/000_….txt [more notes] [--out content/docs] [--force] [--dry-run]
 *
 * Turns raw notes into MDX entries and writes `<note>.report.json` beside each note. Never
 * overwrites an entry someone edited: a file is rewritten only if it is still exactly what the
 * importer wrote last time (hash in the report), or with --force. Prints, per note, the question
 * family found, the number of questions, what each pass did, and likely duplicates on the site;
 * --dry-run prints the same and writes nothing.
 */
import { parseArgs } from 'node:util';
import { importNotes } from '../src/importer/write.ts';
import { ImportError } from '../src/importer/errors.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/docs' },
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});

if (positionals.length === 0) {
  console.error('用法：npm run import -- content/raw/<笔记>.txt [...] [--out content/docs] [--force] [--dry-run]');
  process.exit(2);
}

try {
  const summary = importNotes(positionals, { outDir: values.out, force: values.force, dryRun: values['dry-run'] });
  for (const line of summary.log) console.log(line);
  process.exit(summary.ok ? 0 : 1);
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`错误：${error.message}`);
    process.exit(1);
  }
  throw error;
}
