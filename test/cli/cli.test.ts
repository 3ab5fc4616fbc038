import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempTree } from '../helpers/cli';

const CLEAN = 'FROM alpine:3.20\nCMD ["true"]\n';
const UNTAGGED = 'FROM alpine\nCMD ["true"]\n';

const dirs: string[] = [];
const tree = (files: Record<string, string | Buffer>) => {
  const d = tempTree(files);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('exit codes', () => {
  it('is 0 for a clean file and prints nothing', () => {
    const cwd = tree({ Dockerfile: CLEAN });
    const r = cli(['Dockerfile'], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('is 1 when a finding reaches the failure threshold, 0 when it does not', () => {
    const cwd = tree({ Dockerfile: UNTAGGED });
    expect(cli(['Dockerfile'], { cwd }).code).toBe(1);
    expect(cli(['--failure-threshold', 'error', 'Dockerfile'], { cwd }).code).toBe(0);
    expect(cli(['--failure-threshold', 'none', 'Dockerfile'], { cwd }).code).toBe(0);
  });

  it('is 2 for a usage error, naming the problem', () => {
    const r = cli(['--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "xml"');
    expect(cli(['--no-such-option']).code).toBe(2);
    expect(cli(['--failure-threshold', 'fatal']).stderr).toContain('unknown failure threshold');
    expect(cli(['--build-arg', 'NOVALUE', 'x']).stderr).toContain('NAME=VALUE');
  });

  it('is 2 for an unreadable file but still reports the other files', () => {
    const cwd = tree({ Dockerfile: UNTAGGED });
    const r = cli(['--format', 'json', 'missing.Dockerfile', 'Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([{ file: 'missing.Dockerfile', message: 'no such file or directory' }]);
    expect(out.results.map((f: { rule: string }) => f.rule)).toContain('pin/base-image-tag');
  });
});

describe('bad input gets a clear per-file error', () => {
  it.each([
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'binary file'],
    ['invalid UTF-8', Buffer.from('FROM alpine:3\nRUN echo \xff\xfe\n', 'latin1'), 'invalid UTF-8 at byte 23'],
  ])('%s', (_name, content, message) => {
    const cwd = tree({ Dockerfile: content as Buffer, 'good.Dockerfile': CLEAN });
    const r = cli(['--format', 'json', 'Dockerfile', 'good.Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors).toEqual([{ file: 'Dockerfile', message: expect.stringContaining(message) }]);
  });

  it('a directory named Dockerfile given explicitly is searched, not read', () => {
    const cwd = tree({ 'Dockerfile/readme.txt': 'x' });
    const r = cli(['--format', 'json', 'Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].message).toBe('no Dockerfiles found in this directory');
  });

  it('a BOM and CRLF line endings lint with the same columns as plain text', () => {
    const cwd = tree({ 'a.Dockerfile': '\ufeffFROM alpine\r\nRUN true\r\n', 'b.Dockerfile': 'FROM alpine\nRUN true\n' });
    const r = cli(['--format', 'json', 'a.Dockerfile', 'b.Dockerfile'], { cwd });
    const [a, b] = JSON.parse(r.stdout).results;
    expect({ ...a, file: '' }).toEqual({ ...b, file: '' });
    expect(a).toMatchObject({ line: 1, column: 6, endColumn: 12 });
  });
});

describe('input discovery', () => {
  it('finds Dockerfiles in directories by name and honours .gitignore', () => {
    const cwd = tree({
      '.gitignore': 'ignored/\n',
      'Dockerfile': UNTAGGED,
      'svc/api.Dockerfile': UNTAGGED,
      'svc/Containerfile': UNTAGGED,
      'svc/Dockerfile.dev': UNTAGGED,
      'svc/Dockerfile.dockerignore': 'node_modules\n',
      'svc/README.md': '# not a Dockerfile',
      'ignored/Dockerfile': UNTAGGED,
      'node_modules/x/Dockerfile': UNTAGGED,
    });
    const files = [...new Set(JSON.parse(cli(['--format', 'json', '.'], { cwd }).stdout).results.map((f: { file: string }) => f.file))];
    expect(files).toEqual(['Dockerfile', 'svc/Containerfile', 'svc/Dockerfile.dev', 'svc/api.Dockerfile']);
  });

  it('a symlink loop, a link to itself and a dangling link do not trap or stop discovery', () => {
    const cwd = tree({ 'svc/Dockerfile': UNTAGGED });
    fs.symlinkSync('..', path.join(cwd, 'svc/loop'));
    const links = tree({});
    fs.symlinkSync('self.Dockerfile', path.join(links, 'self.Dockerfile'));
    fs.symlinkSync('missing', path.join(links, 'gone.Dockerfile'));
    const r = cli(['--format', 'json', '.', path.join(links, 'self.Dockerfile'), path.join(links, 'gone.Dockerfile')], { cwd });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.results.map((f: { file: string }) => f.file)).toEqual(['svc/Dockerfile']);
    expect(out.errors).toEqual([
      { file: path.join(links, 'self.Dockerfile'), message: 'too many levels of symbolic links' },
      { file: path.join(links, 'gone.Dockerfile'), message: 'no such file or directory' },
    ]);
  });

  it('an unreadable file is reported by name and the others are still linted', () => {
    const cwd = tree({ 'good.Dockerfile': UNTAGGED, 'locked.Dockerfile': UNTAGGED });
    fs.chmodSync(path.join(cwd, 'locked.Dockerfile'), 0o000);
    // Root reads whatever the mode says, so as root the CLI runs as nobody.
    fs.chmodSync(cwd, 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, env: { HOME: cwd } } : {};
    const r = cli(['--format', 'json', 'locked.Dockerfile', 'good.Dockerfile'], { cwd, ...asNobody });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([{ file: 'locked.Dockerfile', message: 'permission denied' }]);
    expect(out.results.map((f: { file: string }) => f.file)).toEqual(['good.Dockerfile']);
  });

  it('expands globs and reads standard input', () => {
    const cwd = tree({ 'a/Dockerfile': UNTAGGED, 'b/Dockerfile': CLEAN });
    const files = JSON.parse(cli(['--format', 'json', '*/Dockerfile'], { cwd }).stdout).results.map((f: { file: string }) => f.file);
    expect(files).toEqual(['a/Dockerfile']);
    const stdin = cli(['--format', 'json', '--stdin-filename', 'web/Dockerfile', '-'], { cwd, input: UNTAGGED });
    expect(JSON.parse(stdin.stdout).results[0].file).toBe('web/Dockerfile');
  });
});

describe('build inputs', () => {
  it('--build-arg feeds ARG resolution in FROM', () => {
    const cwd = tree({ Dockerfile: 'ARG BASE=alpine:3.20\nFROM ${BASE}\n' });
    expect(cli(['Dockerfile'], { cwd }).code).toBe(0);
    const r = cli(['--format', 'json', '--build-arg', 'BASE=ubuntu:latest', 'Dockerfile'], { cwd });
    expect(JSON.parse(r.stdout).results.map((f: { rule: string }) => f.rule)).toEqual(['pin/base-image-latest']);
  });

  it('--target of a missing stage is an error naming the stages', () => {
    const cwd = tree({ Dockerfile: 'FROM alpine:3 AS build\nFROM alpine:3 AS final\n' });
    const r = cli(['--format', 'json', '--target', 'nope', 'Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0].message).toBe('--target nope: no such stage (stages: build, final)');
  });
});

describe('output', () => {
  it('stylish output has the position, severity, rule, a code frame and a summary; no colour unless asked', () => {
    const cwd = tree({ Dockerfile: UNTAGGED });
    const plain = cli(['Dockerfile'], { cwd }).stdout;
    expect(plain).toContain('Dockerfile\n');
    expect(plain).toMatch(/1:6\s+warning\s+Base image `alpine` has no tag.*pin\/base-image-tag/);
    expect(plain).toContain('    1 | FROM alpine\n');
    expect(plain).toContain('      |      ^^^^^^\n');
    expect(plain).toContain('✖ 1 problem (1 warning)');
    expect(plain).not.toContain('\u001b[');
    expect(cli(['--color', 'Dockerfile'], { cwd }).stdout).toContain('\u001b[');
  });

  it('--list-rules --format json lists every rule with its metadata', () => {
    const listed = JSON.parse(cli(['--list-rules', '--format', 'json']).stdout);
    expect(typeof listed.shellcheck.available).toBe('boolean');
    const rules = listed.rules;
    const tag = rules.find((r: { id: string }) => r.id === 'pin/base-image-tag');
    expect(tag).toEqual(expect.objectContaining({ category: 'pin', severity: 'warning', aliases: ['DL3006'], fixable: false, enabledByDefault: true }));
  });

  it('--version and --help', () => {
    expect(cli(['--version']).stdout.trim()).toBe(require('../../package.json').version);
    expect(cli(['--help']).stdout).toContain('Usage: plimsoll');
  });
});

describe('json format', () => {
  it('has exactly the documented shape', () => {
    const cwd = tree({ Dockerfile: 'FROM debian:12\nRUN apt-get install -y curl\n' });
    const out = JSON.parse(cli(['--format', 'json', 'Dockerfile', 'gone'], { cwd }).stdout);
    expect(Object.keys(out).sort()).toEqual(['errors', 'results', 'version']);
    expect(out.version).toBe(1);
    expect(out.errors).toEqual([{ file: 'gone', message: 'no such file or directory' }]);
    const fixable = out.results.find((r: { rule: string }) => r.rule === 'bloat/apt-no-install-recommends');
    expect(fixable).toEqual({
      file: 'Dockerfile',
      rule: 'bloat/apt-no-install-recommends',
      aliases: ['DL3015'],
      category: 'bloat',
      severity: 'warning',
      message: expect.any(String),
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 20,
      fix: {
        description: 'Add --no-install-recommends',
        edits: [{ line: 2, column: 20, endLine: 2, endColumn: 20, text: ' --no-install-recommends' }],
      },
    });
    for (const r of out.results) {
      expect(Object.keys(r).filter((k) => k !== 'fix').sort()).toEqual(
        ['aliases', 'category', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'],
      );
      expect(['error', 'warning', 'info', 'style']).toContain(r.severity);
    }
  });
});

describe('shellcheck', () => {
  it('is skipped silently when the binary is missing, and --list-rules says so', () => {
    const cwd = tree({ Dockerfile: 'FROM debian:12\nRUN echo $X\n' });
    const env = { PATH: '/nonexistent' };
    const r = cli(['--format', 'json', 'Dockerfile'], { cwd, env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ version: 1, results: [], errors: [] });
    expect(cli(['--list-rules'], { env }).stdout).toContain('not available, shellcheck is not on PATH');
  });

  it('--no-shellcheck turns it off', () => {
    const cwd = tree({ Dockerfile: 'FROM debian:12\nRUN echo $X\n' });
    expect(JSON.parse(cli(['--format', 'json', '--no-shellcheck', 'Dockerfile'], { cwd }).stdout).results).toEqual([]);
  });
});

describe('--report-unused-pragmas', () => {
  it('lists pragmas that suppress nothing', () => {
    const cwd = tree({ Dockerfile: '# hadolint ignore=DL3006\nFROM alpine:3.20\n' });
    const r = cli(['--format', 'json', '--report-unused-pragmas', 'Dockerfile'], { cwd });
    expect(JSON.parse(r.stdout).results.map((f: { rule: string; line: number }) => `${f.line}:${f.rule}`)).toEqual(['1:style/unused-pragma']);
  });
});
