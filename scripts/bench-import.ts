/**
 * Import speed of the note importer: generated notes of ~100 KB, 1 MB and 5 MB (the site's own
 * questions written out as a Markdown note, repeated), timed one after another. The budget is
 * ≤ 3 s for 1 MB with linear growth. Run alone (`npx node scripts/bench-import.ts`) or from the
 * site bench through `benchImport()`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importNote } from '../src/importer/pipeline.ts';
import { FAMILIES, OTHER_FAMILIES, type NoteFamily } from '../src/importer/roundtrip/families.ts';
import { readSiteQuestions } from '../src/importer/roundtrip/site-questions.ts';

const ROOT = join(import.meta.dirname, '..');

/** A note of about `bytes`: the questions rendered again and again, each round as a new section of the note. */
function noteOfSize(bytes: number, questions: ReturnType<typeof readSiteQuestions>, family: NoteFamily = FAMILIES[0]!): Uint8Array {
  const chunks: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const q of questions) {
      const chunk = family.render([{ ...q, topic: `${q.topic}-${round}` }]);
      chunks.push(chunk);
      size += Buffer.byteLength(chunk) + 1;
      if (size >= bytes) break;
    }
  }
  return new TextEncoder().encode(chunks.join('\n'));
}

export async function benchImport(): Promise<string[]> {
  const questions = readSiteQuestions(join(ROOT, 'content/docs'));
  const sizes = [100 * 1024, 1024 * 1024, 5 * 1024 * 1024];
  // Warm the modules and the JIT once (a 512 KB import), so the first size does not pay for loading them.
  importNote(noteOfSize(512 * 1024, questions), "warmup.md");
  const lines = ['导入器速度（生成的 Markdown 笔记，站内问答重复拼接）：'];
  const perMb: number[] = [];
  for (const size of sizes) {
    const note = noteOfSize(size, questions);
    const start = performance.now();
    const result = importNote(note, `bench-${size}.md`);
    const ms = performance.now() - start;
    const mb = note.length / 1024 / 1024;
    perMb.push(ms / mb);
    lines.push(`  ${(note.length / 1024).toFixed(0).padStart(6)} KB：${(ms / 1000).toFixed(2)} s，${result.entries.length} 个条目，${(ms / mb / 1000).toFixed(2)} s/MB`);
  }
  // Other people's styles run the passes that undo their copy's markup: 1 MB of each family with its own passes.
  for (const name of ['网页复制成纯文本', 'Word/WPS 粘贴', '掘金/知乎导出', 'Obsidian callout']) {
    const family = OTHER_FAMILIES.find((f) => f.name.startsWith(name))!;
    const note = noteOfSize(1024 * 1024, questions, family);
    const start = performance.now();
    const result = importNote(note, family.fencesLost ? 'bench-other.txt' : 'bench-other.md');
    const ms = performance.now() - start;
    perMb.push(ms / (note.length / 1024 / 1024));
    lines.push(`  ${(note.length / 1024).toFixed(0).padStart(6)} KB（${name}）：${(ms / 1000).toFixed(2)} s，${result.entries.length} 个条目，${(perMb.at(-1)! / 1000).toFixed(2)} s/MB`);
  }
  const ratio = perMb[2]! / perMb[0]!;
  const worst = Math.max(perMb[1]!, ...perMb.slice(3));
  lines.push(`  每 MB 耗时之比（5 MB ÷ 100 KB）：${ratio.toFixed(2)}（≈1 为线性）；1 MB 预算 3 s：${worst <= 3000 ? '达标' : '超出'}（最慢 ${(worst / 1000).toFixed(2)} s/MB）`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchImport()) console.log(line);
}
