import { formatGitlab } from '../../src/formats/gitlab';
import type { FileReport } from '../../src/formats/types';
import { contextFor, fixtureReports, lintReport, machinePaths, REPEATED, TYPICAL } from './fixtures';

type Json = any;

async function gitlab(reports: FileReport[]): Promise<Json[]> {
  return JSON.parse(await formatGitlab(reports, await contextFor(reports)));
}

/** The fields GitLab's Code Quality documentation lists as required, with their types. */
function checkIssue(issue: Json): void {
  expect(typeof issue.description).toBe('string');
  expect(issue.description.length).toBeGreaterThan(0);
  expect(typeof issue.check_name).toBe('string');
  expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
  expect(typeof issue.location.path).toBe('string');
  expect(issue.location.path).not.toMatch(/^(\/|\.\/|[A-Za-z]:)/);
  expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
  expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
  if (issue.location.lines.end !== undefined) expect(issue.location.lines.end).toBeGreaterThanOrEqual(issue.location.lines.begin);
}

describe('GitLab Code Quality output', () => {
  it('is an array of issues with every required field, one per finding and file error', async () => {
    const reports = await fixtureReports();
    const issues = await gitlab(reports);
    expect(issues).toHaveLength(reports.reduce((n, r) => n + r.findings.length + r.errors.length, 0));
    issues.forEach(checkIssue);
    for (const p of machinePaths()) expect(JSON.stringify(issues)).not.toContain(p);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.map((i) => i.location.path)).toContain('../elsewhere/Dockerfile');
    expect(issues.find((i) => i.location.path === 'missing.Dockerfile')).toMatchObject({ check_name: 'plimsoll', severity: 'major', location: { lines: { begin: 1 } } });
    expect(await gitlab([])).toEqual([]);
  });

  it('maps severities: error major, warning minor, info and style info', async () => {
    const report = await lintReport('Dockerfile', TYPICAL);
    const severities = (['error', 'warning', 'info', 'style'] as const).map((severity) => ({ ...report.findings[0], severity }));
    const issues = await gitlab([{ ...report, findings: severities }]);
    expect(issues.map((i) => i.severity)).toEqual(['major', 'minor', 'info', 'info']);
  });

  it('fingerprints survive lines inserted above, and differ between identical lines and between files', async () => {
    const before = await gitlab([await lintReport('Dockerfile', TYPICAL)]);
    const lines = TYPICAL.split('\n');
    const after = await gitlab([await lintReport('Dockerfile', [lines[0], '# comment', 'LABEL a=b', ...lines.slice(1)].join('\n'))]);
    for (const issue of before.filter((i) => i.location.lines.begin > 1)) {
      const match = after.find((i) => i.fingerprint === issue.fingerprint);
      expect(match).toMatchObject({ check_name: issue.check_name, location: { lines: { begin: issue.location.lines.begin + 2 } } });
    }
    const repeated = await gitlab([await lintReport('Dockerfile', REPEATED)]);
    expect(new Set(repeated.map((i) => i.fingerprint)).size).toBe(repeated.length);
    const elsewhere = await gitlab([await lintReport('other/Dockerfile', TYPICAL)]);
    expect(elsewhere.some((i) => before.some((b) => b.fingerprint === i.fingerprint))).toBe(false);
  });
});
