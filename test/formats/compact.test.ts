import { LineIndex } from '../../src/engine/text';
import { formatCompact, formatGnu } from '../../src/formats/compact';
import type { FileReport } from '../../src/formats/types';
import { contextFor, fixtureReports, lintReport, machinePaths } from './fixtures';

/** What Vim's errorformat `%f:%l:%c: %t%*[^:]: %m` and Emacs' compilation-mode read. */
const COMPACT = /^(.+?):(\d+):(\d+): (error|warning|info|note): (.*) \[([^\]\s]+)\]$/;
/** GNU: file:line.col[-[endLine.]endCol]: severity: message [rule]. */
const GNU = /^(.+?):(\d+)\.(\d+)(?:-(?:(\d+)\.)?(\d+))?: (error|warning|info|note): (.*) \[([^\]\s]+)\]$/;
const FILE_ERROR = /^(.+?): error: (.*)$/;

async function run(format: typeof formatCompact, reports: FileReport[]): Promise<string[]> {
  const out = await format(reports, await contextFor(reports));
  return out ? out.trimEnd().split('\n') : [];
}

describe('compact output', () => {
  it('writes file:line:col: severity: message [rule] per finding and file: error: message per file error', async () => {
    const reports = await fixtureReports();
    const lines = await run(formatCompact, reports);
    for (const p of machinePaths(undefined, true)) expect(lines.join('\n')).not.toContain(p);
    const findings = reports.flatMap((r) => r.findings.map((f) => ({ file: r.file, f })));
    const parsed = lines.filter((l) => COMPACT.test(l)).map((l) => COMPACT.exec(l)!);
    expect(parsed).toHaveLength(findings.length);
    parsed.forEach((m, i) => {
      const { file, f } = findings[i];
      expect(m.slice(1)).toEqual([file, String(f.line), String(f.column), { error: 'error', warning: 'warning', info: 'info', style: 'note' }[f.severity], f.message, f.rule]);
    });
    const others = lines.filter((l) => !COMPACT.test(l));
    expect(others).toHaveLength(2);
    for (const l of others) expect(l).toMatch(FILE_ERROR);
    expect(others[0]).toBe('missing.Dockerfile: error: no such file or directory');
    // A multi-line message (a stack trace) stays on one line.
    expect(others[1]).toMatch(/^broken\.Dockerfile: error: rule pin\/base-image-tag failed: Error: boom at check .* \[pin\/base-image-tag\]$/);
    expect(await run(formatCompact, [])).toEqual([]);
  });
});

describe('gnu output', () => {
  it('gives ranges in the GNU form with an inclusive end column', async () => {
    const reports = await fixtureReports();
    const lines = await run(formatGnu, reports);
    const findings = reports.flatMap((r) => r.findings);
    const parsed = lines.filter((l) => GNU.test(l));
    expect(parsed).toHaveLength(findings.length);
    expect(lines).toContain('Dockerfile:1.6-11: warning: Base image `ubuntu` has no tag; pin a version such as `ubuntu:<version>` [pin/base-image-tag]');
  });

  it('shortens a one-line range, spells out a multi-line one and gives a point for an empty one', async () => {
    const source = 'FROM alpine:3.20\nRUN apk add \\\n    curl\n';
    const base = await lintReport('Dockerfile', source);
    const lines = new LineIndex(source);
    const at = (start: number, end: number) => ({ ...base.findings[0] ?? {}, ...lines.location({ start, end }), span: { start, end }, rule: 'style/x', aliases: [], category: 'style' as const, severity: 'warning' as const, message: 'm' });
    const run2 = source.indexOf('RUN');
    const report: FileReport = { file: 'Dockerfile', source, errors: [], findings: [at(5, 11), at(run2, source.indexOf('curl') + 4), at(run2, run2), at(5, 6)] };
    expect(await run(formatGnu, [report])).toEqual([
      'Dockerfile:1.6-11: warning: m [style/x]',
      'Dockerfile:2.1-3.8: warning: m [style/x]',
      'Dockerfile:2.1: warning: m [style/x]',
      'Dockerfile:1.6: warning: m [style/x]',
    ]);
  });
});


