import { createHash } from 'node:crypto';
import { LineIndex } from '../../src/engine/text';
import type { Finding } from '../../src/engine/types';
import { stableKeys } from '../../src/formats/_shared';
import type { FileReport } from '../../src/formats/types';

const finding = (rule: string, line: number) => ({ rule, line }) as Finding;
const report = (source: string, findings: Finding[]): FileReport => ({ file: 'Dockerfile', source, findings, errors: [] });

/** The keys as first specified: every finding normalises and hashes its own line. */
function reference(r: FileReport, salt = ''): { hash: string; occurrence: number }[] {
  const lines = r.source === undefined ? [] : r.source.split('\n').map((l) => l.replace(/\r$/, ''));
  const seen = new Map<string, number>();
  return r.findings.map((f) => {
    const content = (lines[f.line - 1] ?? '').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(`${salt}\0${f.rule}\0${content}`).digest('hex');
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { hash, occurrence };
  });
}

describe('stableKeys', () => {
  it('gives the keys of the per-finding definition, with or without a salt', () => {
    const source = 'FROM  a\r\nRUN \t x   y \nRUN x y\nRUN x y\n';
    const findings = [finding('r/a', 2), finding('r/b', 2), finding('r/a', 3), finding('r/a', 2), finding('r/a', 4), finding('r/a', 1), finding('r/a', 9)];
    const r = report(source, findings);
    for (const salt of ['', 'svc/Dockerfile']) expect(stableKeys(r, new LineIndex(source), salt)).toEqual(reference(r, salt));
    expect(stableKeys(r, undefined)).toEqual(reference({ ...r, source: undefined }));
  });

  it('normalises each line once however many findings it holds (20,000 findings on one 100 KB line)', () => {
    const line = 'RUN ' + 'x  \t'.repeat(25_000);
    const source = `FROM a\n${line}\n`;
    const findings = Array.from({ length: 20_000 }, (_, i) => finding(i % 2 ? 'r/a' : 'r/b', 2));
    const lines = new LineIndex(source);
    const read = jest.spyOn(lines, 'lineText');
    const keys = stableKeys(report(source, findings), lines);
    expect(read).toHaveBeenCalledTimes(1);
    const small = reference(report(source, findings.slice(0, 4)));
    expect(keys.slice(0, 4)).toEqual(small);
    expect(keys[19_999]).toEqual({ hash: small[1].hash, occurrence: 10_000 });
  });
});
