import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeDockerfile, LineIndex } from '../../src/engine/text';
import type { Finding } from '../../src/engine/types';
import { createSarifFormatter, formatSarif, SARIF_LIMITS } from '../../src/formats/sarif';
import type { FileReport } from '../../src/formats/types';
import { getLinter } from '../helpers/lint';
import { haveSarifSchema as haveSchema, SARIF_SCHEMA as SCHEMA, sarifSchemaErrors as schemaErrors } from '../helpers/sarif-schema';
import { contextFor, fixtureReports, INSECURE, lintReport, machinePaths, REPEATED, TYPICAL } from './fixtures';

type Json = any;

const CORPUS = process.env.PLIMSOLL_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/files');
if (!haveSchema) console.warn(`SARIF schema not found at ${SCHEMA}: schema validation skipped`);

async function sarif(reports: FileReport[], options?: Parameters<typeof createSarifFormatter>[0]): Promise<{ text: string; log: Json; run: Json }> {
  const text = await (options ? createSarifFormatter(options) : formatSarif)(reports, await contextFor(reports));
  const log = JSON.parse(text);
  return { text, log, run: log.runs[0] };
}

const itSchema = haveSchema ? it : it.skip;

describe('SARIF output', () => {
  itSchema('is valid against the SARIF 2.1.0 schema for every fixture, alone and together', async () => {
    const reports = await fixtureReports();
    for (const r of reports) expect({ file: r.file, errors: schemaErrors((await sarif([r])).log) }).toEqual({ file: r.file, errors: [] });
    expect(schemaErrors((await sarif(reports)).log)).toEqual([]);
    expect(schemaErrors((await sarif([])).log)).toEqual([]);
  });

  it('describes the tool and every rule of the context', async () => {
    const reports = await fixtureReports();
    const context = await contextFor(reports);
    const { run } = await sarif(reports);
    const pkg = require('../../package.json');
    expect(run.tool.driver).toMatchObject({ name: 'plimsoll', version: pkg.version, semanticVersion: pkg.version, informationUri: pkg.homepage });
    const rules: Json[] = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(context.rules.map((r) => r.id));
    for (const [i, rule] of rules.entries()) {
      const meta = context.rules[i];
      const url = context.docsUrl(meta.id);
      expect(rule.name).toMatch(/^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/);
      expect(rule.shortDescription.text).toContain(meta.description.replace(/\.$/, ''));
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toBe(url);
      expect(rule.help.markdown).toContain(`(${url})`);
      expect(rule.help.text).toContain(url);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(SARIF_LIMITS.tagsPerRule);
      expect(rule.properties.tags).toContain(meta.category);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note', style: 'note' }[meta.severity]);
      expect(rule.defaultConfiguration.enabled).toBe(meta.enabledByDefault === false ? false : undefined);
      if (meta.category === 'security') {
        expect(rule.properties.tags).toContain('security');
        expect(rule.properties['security-severity']).toBe({ error: '8.0', warning: '5.0', info: '3.0', style: '3.0' }[meta.severity]);
      } else {
        expect(rule.properties['security-severity']).toBeUndefined();
      }
    }
    const tag = rules.find((r) => r.id === 'pin/base-image-tag');
    expect(tag).toMatchObject({ name: 'PinBaseImageTag', defaultConfiguration: { level: 'warning' }, properties: { tags: ['pin'] } });
    // The docs page goes into the help, whose prose paragraph is the full description.
    expect(tag.help.markdown).toContain('## Why it matters');
    expect(tag.fullDescription.text).toMatch(/^`FROM ubuntu` means/);
    expect(rules.find((r) => r.id === 'pin/apt-packages').defaultConfiguration).toEqual({ level: 'warning', enabled: false });
    expect(rules.find((r) => r.id === 'security/root-user')).toMatchObject({ properties: { tags: ['security'], 'security-severity': '5.0' } });
    const shell = rules.find((r) => r.id.startsWith('shell/SC'));
    if (shell) {
      // ShellCheck's checks have no docs page: the description and the wiki link stand in.
      expect(shell.name).toMatch(/^ShellSc\d+$/);
      expect(shell.help.markdown).toContain('https://www.shellcheck.net/wiki/SC');
    }
  });

  it('places each finding with its rule, level, region and fix', async () => {
    const report = await lintReport('Dockerfile', TYPICAL);
    const { run } = await sarif([report]);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toHaveLength(report.findings.length);
    const lines = new LineIndex(TYPICAL);
    report.findings.forEach((f, i) => {
      const res = run.results[i];
      expect(res.ruleId).toBe(f.rule);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(f.rule);
      expect(res.level).toBe({ error: 'error', warning: 'warning', info: 'note', style: 'note' }[f.severity]);
      expect(res.message.text).toContain(f.message);
      expect(res.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      });
      if (!f.fix) return expect(res.fixes).toBeUndefined();
      const [change] = res.fixes[0].artifactChanges;
      expect(change.artifactLocation.uri).toBe('Dockerfile');
      expect(change.replacements).toEqual(
        f.fix.edits.map((e) => {
          const l = lines.location(e);
          return { deletedRegion: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn }, insertedContent: { text: e.text } };
        }),
      );
    });
    expect(run.results.some((r: Json) => r.fixes)).toBe(true);
  });

  it('writes only relative URIs and no machine path anywhere', async () => {
    const reports = await fixtureReports();
    const { text, run } = await sarif(reports);
    for (const p of machinePaths()) expect(text).not.toContain(p);
    expect(text).not.toContain('file://');
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ description: { text: expect.any(String) } });
    const uris = new Set<string>();
    const visit = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        if (typeof node.uri === 'string' && node.uriBaseId !== undefined) {
          expect(node.uriBaseId).toBe('%SRCROOT%');
          uris.add(node.uri);
        }
        Object.values(node).forEach(visit);
      }
    };
    visit(run.results);
    visit(run.invocations);
    expect([...uris].sort()).toEqual(['%3Cstdin%3E', '../elsewhere/Dockerfile', 'Dockerfile', 'broken.Dockerfile', 'missing.Dockerfile', 'my%20dir/Dockerfile', 'svc/api.Dockerfile']);
  });

  it('reports file errors as tool notifications and marks the execution unsuccessful', async () => {
    const reports = await fixtureReports();
    const { run } = await sarif(reports);
    const [invocation] = run.invocations;
    expect(invocation.executionSuccessful).toBe(false);
    const notes = invocation.toolExecutionNotifications;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({
      level: 'error',
      message: { text: 'no such file or directory.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.Dockerfile', uriBaseId: '%SRCROOT%' } } }],
    });
    expect(notes[1].associatedRule).toEqual({ id: 'pin/base-image-tag', index: run.tool.driver.rules.findIndex((r: Json) => r.id === 'pin/base-image-tag') });
    expect(notes[1].message.text).toContain('(./x.js:1:2)');

    const clean = await sarif([await lintReport('Dockerfile', 'FROM alpine:3.20\n')]);
    expect(clean.run.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    expect(clean.run.results).toEqual([]);
  });

  it('fingerprints survive lines inserted above and tell identical lines apart', async () => {
    const before = (await sarif([await lintReport('Dockerfile', TYPICAL)])).run.results;
    const lines = TYPICAL.split('\n');
    const shifted = [lines[0], '# a comment', '', 'LABEL org.example.team=infra', ...lines.slice(1)].join('\n');
    const after = (await sarif([await lintReport('Dockerfile', shifted)])).run.results;
    expect(before.length).toBeGreaterThan(3);
    for (const r of before.filter((x: Json) => x.locations[0].physicalLocation.region.startLine > 1)) {
      const hash = r.partialFingerprints.primaryLocationLineHash;
      const match = after.find((x: Json) => x.ruleId === r.ruleId && x.partialFingerprints.primaryLocationLineHash === hash);
      expect(match?.locations[0].physicalLocation.region.startLine).toBe(r.locations[0].physicalLocation.region.startLine + 3);
    }

    const repeated = (await sarif([await lintReport('Dockerfile', REPEATED)])).run.results;
    const keys = repeated.map((r: Json) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`);
    expect(new Set(keys).size).toBe(keys.length);
    const pairs = repeated.filter((r: Json) => r.ruleId === 'bloat/apt-no-install-recommends');
    expect(pairs.map((r: Json) => r.partialFingerprints.primaryLocationLineHash.split(':')[1])).toEqual(['1', '2']);
  });

  it('keeps the run within GitHub\'s result limit, most severe first, and says how many were dropped', async () => {
    const template = (await lintReport('Dockerfile', INSECURE)).findings[0];
    const total = SARIF_LIMITS.resultsPerRun + 10;
    const source = 'FROM alpine:3.20\n' + 'RUN true\n'.repeat(total);
    const findings: Finding[] = [];
    for (let i = 0; i < total; i++) {
      // The last 10 findings are errors: they must survive the cut although they come last.
      findings.push({ ...template, severity: i >= total - 10 ? 'error' : 'warning', line: i + 2, endLine: i + 2, column: 1, endColumn: 4 });
    }
    const { run, log } = await sarif([{ file: 'Dockerfile', source, findings, errors: [] }]);
    expect(run.results).toHaveLength(SARIF_LIMITS.resultsPerRun);
    expect(run.results.filter((r: Json) => r.level === 'error')).toHaveLength(10);
    expect(run.results.at(-1).locations[0].physicalLocation.region.startLine).toBe(total + 1);
    const [note] = run.invocations[0].toolExecutionNotifications;
    expect(note.level).toBe('warning');
    expect(note.message.text).toContain(`10 of ${total} results were dropped`);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    if (haveSchema) expect(schemaErrors(log)).toEqual([]);
  }, 60_000);

  it('names the run for GitHub\'s category, "plimsoll/" by default', async () => {
    expect((await sarif([])).run.automationDetails).toEqual({ id: 'plimsoll/' });
    expect((await sarif([], { category: 'images' })).run.automationDetails).toEqual({ id: 'plimsoll/images/' });
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

const haveCorpus = fs.existsSync(CORPUS);
if (!haveCorpus) console.warn(`corpus not found at ${CORPUS}: SARIF corpus validation skipped`);

(haveSchema && haveCorpus ? describe : describe.skip)('SARIF over the corpus', () => {
  it('200 corpus files make one valid SARIF log', async () => {
    const linter = await getLinter();
    const everything = Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity] as const));
    const all = listFiles(CORPUS).sort();
    const step = Math.max(1, Math.floor(all.length / 200));
    const sample = all.filter((_, i) => i % step === 0).slice(0, 200);
    const reports: FileReport[] = [];
    for (const file of sample) {
      const name = path.relative(CORPUS, file).split(path.sep).join('/');
      try {
        const source = decodeDockerfile(fs.readFileSync(file));
        const result = linter.lintText(source, { rules: everything, shellcheck: false });
        reports.push({ file: name, source, findings: result.findings, errors: result.errors });
      } catch (err) {
        reports.push({ file: name, findings: [], errors: [{ message: (err as Error).message }] });
      }
    }
    const context = await contextFor(reports, CORPUS);
    const text = await formatSarif(reports, context);
    const log = JSON.parse(text);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0].results).toHaveLength(Math.min(SARIF_LIMITS.resultsPerRun, reports.reduce((n, r) => n + r.findings.length, 0)));
    expect(text).not.toContain(CORPUS);
    expect(sample).toHaveLength(200);
  }, 300_000);
});

/**
 * Microsoft's SARIF Multitool (a .NET self-contained binary shipped in an npm package) with its
 * SARIF and GitHub rules. It is run directly: its npm wrapper goes through a shell, which splits
 * the `Sarif;Gh` argument. The network-bound rule (SARIF2006, "URIs should be reachable") is off.
 */
function multitool(): string | undefined {
  try {
    const bin = require('@microsoft/sarif-multitool') as string;
    return spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0 ? bin : undefined;
  } catch {
    return undefined;
  }
}
const MULTITOOL = multitool();
if (!MULTITOOL) console.warn('SARIF Multitool does not run here: its validation is skipped');

(MULTITOOL ? describe : describe.skip)('SARIF Multitool', () => {
  it('finds no error and no warning with the SARIF and GitHub rules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-sarif-'));
    try {
      const reports = await fixtureReports();
      const inputs = [{ name: 'all.sarif', reports }, { name: 'clean.sarif', reports: [await lintReport('Dockerfile', 'FROM alpine:3.20\n')] }];
      for (const { name, reports: rs } of inputs) fs.writeFileSync(path.join(dir, name), (await sarif(rs)).text);
      const config = path.join(dir, 'rules.xml');
      fs.writeFileSync(
        config,
        '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n' +
          '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
      );
      for (const { name } of inputs) {
        const out = path.join(dir, `${name}.validation.sarif`);
        const r = spawnSync(MULTITOOL!, ['validate', '--rule-kind', 'Sarif;Gh', '--config', config, '--output', out, path.join(dir, name)], {
          encoding: 'utf8',
          timeout: 180_000,
        });
        expect({ name, status: r.status, stderr: r.stderr }).toEqual({ name, status: 0, stderr: '' });
        // The validator writes its findings as SARIF; a result without a level is a warning.
        const results: Json[] = JSON.parse(fs.readFileSync(out, 'utf8')).runs.flatMap((run: Json) => run.results ?? []);
        const serious = results.filter((x) => (x.level ?? 'warning') === 'error' || (x.level ?? 'warning') === 'warning');
        expect({ name, serious: serious.map((x) => `${x.ruleId}: ${x.message.text ?? JSON.stringify(x.message.arguments)}`) }).toEqual({ name, serious: [] });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

