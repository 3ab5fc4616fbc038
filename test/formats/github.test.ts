import { formatGithub } from '../../src/formats/github';
import type { FileReport } from '../../src/formats/types';
import { contextFor, fixtureReports, lintReport, machinePaths, TYPICAL } from './fixtures';

/** A workflow command as the runner parses it: `::name key=value,key=value::message`. */
const COMMAND = /^::(error|warning|notice)(?: ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*))?::([^\r\n]*)$/;
const KEYS = new Set(['file', 'line', 'endLine', 'col', 'endColumn', 'title']);

/** The runner's unescaping (actions/runner ActionCommand), `%25` last. */
function unescape(s: string, property: boolean): string {
  let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

function parse(line: string) {
  const m = COMMAND.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
  }
  return { name: m[1], props, message: unescape(m[3], false) };
}

async function github(reports: FileReport[]): Promise<string> {
  return formatGithub(reports, await contextFor(reports));
}

describe('GitHub Actions output', () => {
  it('writes one well-formed workflow command per finding and file error', async () => {
    const reports = await fixtureReports();
    const out = await github(reports);
    for (const p of machinePaths()) expect(out).not.toContain(p);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(reports.reduce((n, r) => n + r.findings.length + r.errors.length, 0));
    const commands = lines.map(parse);
    for (const c of commands) for (const k of Object.keys(c.props)) expect(KEYS).toContain(k);
    const findings = reports.flatMap((r) => r.findings.map((f) => ({ r, f })));
    const forFindings = commands.filter((c) => c.props.line);
    expect(forFindings).toHaveLength(findings.length);
    forFindings.forEach((c, i) => {
      const { f } = findings[i];
      expect(c.name).toBe({ error: 'error', warning: 'warning', info: 'notice', style: 'notice' }[f.severity]);
      expect(c.message).toBe(f.message);
      expect(c.props).toMatchObject({ line: String(f.line), endLine: String(f.endLine), title: f.rule });
      if (f.line === f.endLine) expect(c.props).toMatchObject({ col: String(f.column), endColumn: String(f.endColumn) });
    });
    expect(commands.find((c) => c.props.file === 'missing.Dockerfile')).toEqual({ name: 'error', props: { file: 'missing.Dockerfile', title: 'plimsoll' }, message: 'no such file or directory' });
    expect(commands.map((c) => c.props.file)).toContain('../elsewhere/Dockerfile');
    expect(await github([])).toBe('');
  });

  it('escapes what would break a command and round-trips through the runner\'s unescaping', async () => {
    const base = await lintReport('dir,with:odd %25/Dockerfile', TYPICAL);
    const message = '100% sure: a, b\r\nsecond line %0A literal';
    const out = await github([{ ...base, findings: [{ ...base.findings[0], message }] }]);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const c = parse(out.trimEnd());
    expect(c.message).toBe(message);
    expect(c.props.file).toBe('dir,with:odd %25/Dockerfile');
  });
});
