/**
 * Hostile input: each case must give a result (or a clear error) without throwing, with every
 * range inside the file. Timing is measured in bench/, never asserted here.
 */
import { Run } from '../../src/engine/dockerfile-ast';
import { fixText } from '../../src/engine/fix-loop';
import type { LintResult } from '../../src/engine/linter';
import { decodeDockerfile, InputError } from '../../src/engine/text';
import { getLinter, model } from '../helpers/lint';

async function lintAll(text: string): Promise<LintResult> {
  const linter = await getLinter();
  const rules = Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity] as const));
  const result = linter.lintText(text, { rules, shellcheck: false });
  const outside = result.findings.filter((f) => f.span.start < 0 || f.span.end > text.length || f.span.start > f.span.end);
  expect(outside).toEqual([]);
  expect(result.errors).toEqual([]);
  return result;
}

describe('pathological input', () => {
  it('a 10 MB file', async () => {
    const text = 'FROM alpine\n' + '# a comment line that is long enough to matter here\n'.repeat(200_000) + 'RUN apk add curl\n';
    expect(text.length).toBeGreaterThan(10_000_000);
    const r = await lintAll(text);
    expect(r.findings.some((f) => f.line === 200_002)).toBe(true);
  }, 120_000);

  it('a 1 MB single line', async () => {
    await lintAll('FROM alpine:3\nRUN echo ' + 'a'.repeat(1 << 20) + ' && apk add curl\n');
  }, 60_000);

  it('100,000 line continuations', async () => {
    const r = await lintAll('FROM alpine:3\nRUN apk add \\\n' + '  pkg \\\n'.repeat(100_000) + '  end\n');
    expect(r.findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('one RUN of 6,000 chained installs (was quadratic in the cache-cleanup rules)', async () => {
    const r = await lintAll('FROM alpine:3\nRUN ' + 'apk add x && '.repeat(6000) + 'true\n');
    expect(r.findings.some((f) => f.rule === 'bloat/package-manager-cache')).toBe(true);
  }, 60_000);

  it('deeply nested command substitutions', async () => {
    await lintAll('FROM alpine:3\nRUN echo ' + '$('.repeat(3000) + 'apk add x' + ')'.repeat(3000) + '\n');
  }, 60_000);

  it('deeply nested variable defaults in FROM', async () => {
    await lintAll('FROM ' + '${A:-'.repeat(10_000) + 'alpine' + '}'.repeat(10_000) + '\n');
  });

  it('an unterminated heredoc, unbalanced quotes and a stray JSON bracket', async () => {
    const r = await lintAll('FROM alpine:3\nRUN echo "unbalanced\nCMD ["a", \nRUN <<EOF\napk add curl\n');
    expect(r.findings.map((f) => f.rule)).toContain('correctness/unterminated-heredoc');
  });

  it('a lone carriage return leaves the positions of what follows exact', async () => {
    // Found by the fuzz suite: dockerfile-ast breaks lines at a lone CR, BuildKit does not.
    const text = '\ud800\rFROM alpine\nFROM alpine:3\nCOPY a b dir\n';
    const r = await lintAll(text);
    const copy = r.findings.find((f) => f.rule === 'correctness/copy-multiple-sources');
    expect(copy && text.slice(copy.span.start, copy.span.end)).toBe('dir');
  });

  it('a comment line holding the escape character inside a continuation is dropped, as BuildKit does', async () => {
    // Found by the fuzz suite: dockerfile-ast read `\\t` in the comment as an escape, took the
    // rest for arguments and crashed reading heredocs.
    for (const text of ['FROM alpine\nRUN \\\n# C:\\temp\n  echo hi\n', 'E \\\n#\\ab\n', 'FROM a\nENV A=1 \\\n  # x\\y \\\n  B=2\n']) await lintAll(text);
    const m = await model('FROM alpine\nCOPY a b \\\n# C:\\x \\\n  \\\n # \\\n  /app/\nRUN \\\n# C:\\temp\n  echo hi\n');
    expect(m.instructions[1].args.map((a) => a.value)).toEqual(['a', 'b', '/app/']);
    expect(m.instructions[2].run?.commands.map((c) => c.name)).toEqual(['echo']);
  });

  it('an instruction dockerfile-ast fails to read is reported as an error, and the rest is linted', async () => {
    const linter = await getLinter();
    const failing = jest.spyOn(Run.prototype, 'getHeredocs').mockImplementation(() => {
      throw new TypeError('boom');
    });
    try {
      const r = linter.lintText('FROM alpine:3\nRUN echo hi\nUSER root\n', { shellcheck: false });
      expect(r.errors).toEqual([{ message: expect.stringMatching(/^line 2: .*boom/) }]);
      expect(r.findings.some((f) => f.line === 3)).toBe(true);
    } finally {
      failing.mockRestore();
    }
  });

  it('fixes are withheld inside a RUN whose script does not parse; the finding stays', async () => {
    // Found by the fuzz suite: the cleanup appended inside an unclosed backtick was appended again on every pass.
    const linter = await getLinter();
    for (const broken of ['`x', '"x', '$(x']) {
      const text = `FROM debian:12\nRUN apt-get install -y --no-install-recommends curl ${broken}\n`;
      const cache = linter.lintText(text, { shellcheck: false }).findings.filter((f) => f.rule === 'bloat/package-manager-cache');
      expect(cache.map((f) => [f.line, f.fix])).toEqual([[2, undefined]]);
      expect(fixText(linter, text, { shellcheck: false }).text).toBe(text);
    }
    const fine = 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl `x`\n';
    expect(fixText(linter, fine, { shellcheck: false }).text).toContain('&& rm -rf /var/lib/apt/lists/*');
  });

  it('control characters and lone surrogates', async () => {
    await lintAll('FROM alpine:3\nRUN echo \u0001\u0002\u001b[31m \ud800 x\nLABEL a="\udfff"\n');
  });

  it('empty, blank and comment-only files', async () => {
    for (const text of ['', '\n\n\n', '   \t  ', '# escape=`\n', '# only a comment\n']) await lintAll(text);
  });

  it('NUL bytes and invalid UTF-8 are refused with a clear message', () => {
    expect(() => decodeDockerfile(Buffer.from('FROM alpine\0\n'))).toThrow(new InputError('binary file (contains NUL bytes), not a Dockerfile'));
    expect(() => decodeDockerfile(Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28]))).toThrow('invalid UTF-8 at byte 5');
  });

  it('a BOM is dropped', () => {
    expect(decodeDockerfile(Buffer.from('\ufeffFROM alpine\n'))).toBe('FROM alpine\n');
  });
});
