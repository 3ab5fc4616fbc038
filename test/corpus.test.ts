/**
 * Smoke test over the shared real-world corpus: every file lints without an exception or a
 * failing rule, and every finding's range lies inside its file. Skipped, with a message, when
 * the corpus is not present (set PLIMSOLL_CORPUS to point elsewhere).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeDockerfile, InputError, LineIndex } from '../src/engine/text';
import { corpusDir as corpus, corpusFiles } from '../scripts/corpus';
import { getLinter } from './helpers/lint';

const present = fs.existsSync(corpus);
if (!present) console.warn(`corpus not found at ${corpus}: corpus smoke test skipped`);

(present ? describe : describe.skip)('corpus smoke test', () => {
  it('lints every file without a crash, a rule error or an out-of-file range', async () => {
    const linter = await getLinter();
    const everything = Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity] as const));
    const files = corpusFiles();
    const problems: string[] = [];
    let findings = 0;
    let refused = 0;
    for (const file of files) {
      const name = path.relative(corpus, file);
      let text: string;
      try {
        text = decodeDockerfile(fs.readFileSync(file));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        refused++;
        continue;
      }
      try {
        const result = linter.lintText(text, { rules: everything, shellcheck: false });
        for (const e of result.errors) problems.push(`${name}: ${e.message}`);
        const lines = new LineIndex(text);
        for (const f of result.findings) {
          findings++;
          const inside =
            f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length &&
            f.line >= 1 && f.endLine <= lines.lineCount && (f.line < f.endLine || f.column <= f.endColumn);
          if (!inside) problems.push(`${name}: ${f.rule} range ${f.line}:${f.column}-${f.endLine}:${f.endColumn} is outside the file`);
        }
      } catch (err) {
        problems.push(`${name}: crashed: ${(err as Error).stack}`);
      }
    }
    console.log(`corpus: ${files.length} files, ${findings} findings, ${refused} refused as not UTF-8 text`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  }, 300_000);
});
