import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter } from '../../src/index';
import { lintFiles } from '../../src/lint-files';
import { cli, tempTree } from '../helpers/cli';

const dirs: string[] = [];
const tree = (files: Record<string, string>) => {
  const d = tempTree(files);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const UNTAGGED = 'FROM alpine\nCMD ["true"]\n';
const rulesOf = (cwd: string, args: string[] = []) => {
  const r = cli(['--format', 'json', '--no-shellcheck', ...args], { cwd });
  return { code: r.code, rules: JSON.parse(r.stdout || '{"results":[]}').results.map((f: { file: string; rule: string }) => `${f.file}:${f.rule}`), stderr: r.stderr };
};

describe('configuration files', () => {
  it('are found from the linted file upward, in every supported form', () => {
    for (const [name, content] of [
      ['.plimsollrc', 'rules:\n  DL3006: off\n'],
      ['.plimsollrc.json', '{"rules": {"pin/base-image-tag": "off"}}'],
      ['.plimsollrc.yaml', 'rules:\n  pin/base-image-tag: off\n'],
      ['.plimsollrc.yml', 'rules: {pin/base-image-tag: "off"}\n'],
      ['.plimsollrc.cjs', 'module.exports = { rules: { "pin/base-image-tag": "off" } };\n'],
      ['plimsoll.config.mjs', 'export default { rules: { "pin/base-image-tag": "off" } };\n'],
      ['package.json', '{"name": "x", "plimsoll": {"rules": {"pin/base-image-tag": "off"}}}'],
    ]) {
      const cwd = tree({ [name]: content, 'svc/deep/Dockerfile': UNTAGGED });
      expect({ name, ...rulesOf(cwd, ['svc']) }).toEqual({ name, code: 0, rules: [], stderr: '' });
    }
  });

  it('extend presets and other files, and apply overrides by glob', () => {
    const cwd = tree({
      'base.yaml': 'rules:\n  DL3006: error\n',
      '.plimsollrc.yaml': 'extends: [plimsoll:strict, ./base.yaml]\noverrides:\n  - files: "dev/**"\n    rules: { DL3006: off }\n',
      'Dockerfile': 'FROM alpine:3.20\n',
      'dev/Dockerfile': UNTAGGED,
      'prod/Dockerfile': UNTAGGED,
    });
    const out = JSON.parse(cli(['--format', 'json', '--no-shellcheck', '.'], { cwd }).stdout).results;
    expect(out.filter((f: { rule: string }) => f.rule === 'pin/base-image-tag').map((f: { file: string; severity: string }) => `${f.file}:${f.severity}`)).toEqual(['prod/Dockerfile:error']);
    expect(out.some((f: { rule: string }) => f.rule === 'pin/base-image-digest')).toBe(true);
  });

  it('set the failure threshold and ignore patterns', () => {
    const cwd = tree({ '.plimsollrc.json': '{"failureThreshold": "error", "ignorePatterns": ["vendor/**"]}', 'Dockerfile': UNTAGGED, 'vendor/Dockerfile': 'FROB\n' });
    expect(rulesOf(cwd, ['.'])).toEqual({ code: 0, rules: ['Dockerfile:pin/base-image-tag'], stderr: '' });
    expect(rulesOf(cwd, ['--failure-threshold', 'warning', '.']).code).toBe(1);
  });

  it('--config picks a file and --no-config ignores them all', () => {
    const cwd = tree({ '.plimsollrc.json': '{"rules": {"DL3006": "off"}}', 'other.json': '{"rules": {"DL3006": "error"}}', 'Dockerfile': UNTAGGED });
    expect(rulesOf(cwd, ['Dockerfile']).rules).toEqual([]);
    expect(rulesOf(cwd, ['--no-config', 'Dockerfile']).rules).toEqual(['Dockerfile:pin/base-image-tag']);
    expect(rulesOf(cwd, ['--config', 'other.json', 'Dockerfile']).rules).toEqual(['Dockerfile:pin/base-image-tag']);
  });
});

describe('.hadolint.yaml', () => {
  const HADOLINT = 'ignored:\n  - DL3006\noverride:\n  error:\n    - DL3015\nfailure-threshold: error\n';
  const FILE = 'FROM debian\nRUN apt-get install -y curl\n';

  it('is read when no plimsoll configuration exists', () => {
    const cwd = tree({ '.hadolint.yaml': HADOLINT, Dockerfile: FILE });
    const r = cli(['--format', 'json', '--no-shellcheck', 'Dockerfile'], { cwd });
    const results = JSON.parse(r.stdout).results;
    expect(results.find((f: { rule: string }) => f.rule === 'pin/base-image-tag')).toBeUndefined();
    expect(results.find((f: { rule: string }) => f.rule === 'bloat/apt-no-install-recommends').severity).toBe('error');
    expect(r.code).toBe(1);
  });

  it('init --from-hadolint writes the equivalent plimsoll configuration', () => {
    const cwd = tree({ '.hadolint.yaml': HADOLINT + 'disable-ignore-pragma: true\n', Dockerfile: FILE });
    const r = cli(['init', '--from-hadolint'], { cwd });
    expect(r).toMatchObject({ code: 0, stdout: 'wrote .plimsollrc.json from .hadolint.yaml\n' });
    expect(JSON.parse(fs.readFileSync(path.join(cwd, '.plimsollrc.json'), 'utf8'))).toEqual({
      rules: { DL3006: 'off', DL3015: 'error' },
      failureThreshold: 'error',
      inlinePragmas: false,
    });
    expect(cli(['init', '--from-hadolint'], { cwd }).code).toBe(2);
  });
});

describe('configuration errors exit 2 with the file, the key and a suggestion', () => {
  it.each([
    ['an unknown key', '.plimsollrc.json', '{"rulez": {}}', '.plimsollrc.json: rulez: unknown key (did you mean "rules"?)'],
    ['an unknown rule', '.plimsollrc.json', '{"rules": {"pin/base-image-tga": "off"}}', 'rules.pin/base-image-tga: unknown rule (did you mean "pin/base-image-tag"?)'],
    ['a bad severity', '.plimsollrc.yaml', 'rules:\n  DL3006: warn\n', 'rules.DL3006: expected one of off, error, warning, info, style, got string "warn" (did you mean "warning"?)'],
    ['an option of the wrong type', '.plimsollrc.json', '{"rules": {"pin/base-image-tag": ["warning", {"x": 1}]}}', 'rules.pin/base-image-tag.x: pin/base-image-tag takes no options'],
    ['a bad threshold', '.plimsollrc.json', '{"failureThreshold": "errors"}', 'failureThreshold: expected one of error, warning, info, style, none, got string "errors" (did you mean "error"?)'],
    ['an unknown preset', '.plimsollrc.json', '{"extends": "plimsoll:strikt"}', 'extends: unknown preset "plimsoll:strikt" (did you mean "plimsoll:strict"?)'],
    ['broken YAML', '.plimsollrc.yaml', 'rules: [unclosed\n', '.plimsollrc.yaml'],
    ['broken JSON', '.plimsollrc.json', '{"rules": ', '.plimsollrc.json'],
    ['a circular extends', '.plimsollrc.json', '{"extends": "./.plimsollrc.json"}', 'extends: circular'],
    ['an unknown hadolint key', '.hadolint.yaml', 'ignore:\n  - DL3006\n', '.hadolint.yaml: ignore: unknown hadolint key (did you mean "ignored"?)'],
  ])('%s', (_name, file, content, message) => {
    const cwd = tree({ [file]: content, Dockerfile: UNTAGGED });
    const r = cli(['Dockerfile'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('--fix', () => {
  const FIXABLE = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n';

  it('rewrites the file in place, and a second run changes nothing', () => {
    const cwd = tree({ Dockerfile: FIXABLE });
    const first = cli(['--fix', '--no-shellcheck', 'Dockerfile'], { cwd });
    const fixed = fs.readFileSync(path.join(cwd, 'Dockerfile'), 'utf8');
    expect(fixed).toContain('apt-get install --no-install-recommends -y curl');
    expect(first.stdout).not.toContain('apt-no-install-recommends');
    cli(['--fix', '--no-shellcheck', 'Dockerfile'], { cwd });
    expect(fs.readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(fixed);
    expect(fs.readdirSync(cwd)).toEqual(['Dockerfile']);
  });

  it('--fix-dry-run prints a unified diff and changes nothing; --rule limits the fixes', () => {
    const cwd = tree({ Dockerfile: FIXABLE });
    const r = cli(['--fix-dry-run', '--no-shellcheck', 'Dockerfile'], { cwd });
    expect(r.stdout).toContain('--- a/Dockerfile');
    expect(r.stdout).toContain('+RUN apt-get update && apt-get install --no-install-recommends -y curl \\');
    expect(fs.readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toBe(FIXABLE);
    expect(cli(['--fix-dry-run', '--rule', 'DL3006', 'Dockerfile'], { cwd }).stdout).not.toContain('--- a/Dockerfile');
  });

  it('refuses standard input', () => {
    expect(cli(['--fix', '-'], { input: FIXABLE }).stderr).toContain('--fix cannot rewrite standard input');
  });
});

describe('--output and --explain', () => {
  it('--output writes the report to a file', () => {
    const cwd = tree({ Dockerfile: UNTAGGED });
    const r = cli(['--format', 'json', '--output', 'report.json', 'Dockerfile'], { cwd });
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'report.json'), 'utf8')).results[0].rule).toBe('pin/base-image-tag');
  });

  it('--explain prints the docs page of a rule named by id or alias', () => {
    const r = cli(['--explain', 'DL3006']);
    expect(r.stdout.startsWith('# pin/base-image-tag\n')).toBe(true);
    expect(r.stdout).toContain('## Why it matters');
    expect(cli(['--explain', 'nope']).code).toBe(2);
  });
});

describe('resolved settings', () => {
  // The engine resolves a settings object once (it caches by identity), so files under the same
  // configuration and overrides must share one; a fresh object per file costs CPU and memory.
  it('are one object per configuration and set of applying overrides', async () => {
    const cwd = tree({
      '.plimsollrc.yaml': 'rules: { DL3006: error }\noverrides:\n  - files: "dev/**"\n    rules: { DL3006: off }\n',
      'a/Dockerfile': UNTAGGED,
      'b/Dockerfile': UNTAGGED,
      'dev/x/Dockerfile': UNTAGGED,
      'dev/y/Dockerfile': UNTAGGED,
    });
    const results = await lintFiles(await createLinter(), ['.'], { cwd, shellcheck: false, jobs: 1 });
    const rules = (file: string) => results.find((r) => r.file === file)!.options!.rules;
    expect(rules('a/Dockerfile')).toBe(rules('b/Dockerfile'));
    expect(rules('dev/x/Dockerfile')).toBe(rules('dev/y/Dockerfile'));
    expect(rules('a/Dockerfile')).not.toBe(rules('dev/x/Dockerfile'));
    expect(rules('dev/x/Dockerfile')).toEqual({ DL3006: 'off' });
  });

  it('are resolved once for equal settings objects', async () => {
    const linter = await createLinter();
    const a = linter.activeRules({ DL3006: 'off' });
    expect(linter.activeRules({ DL3006: 'off' })).toBe(a);
    expect(linter.activeRules({ DL3006: 'error' })).not.toBe(a);
  });
});

describe('an unreadable home directory', () => {
  // `docker run -u 1000` with HOME=/root: the global configuration directory cannot even be
  // looked at. Nothing can be found there, which is no error. Root reads any directory, so as root
  // the CLI runs as nobody.
  it('is searched as empty, and nearer configuration still applies', () => {
    const cwd = tree({ 'home/.config/plimsoll/config.yaml': 'rules: {}\n', 'a/Dockerfile': UNTAGGED, 'b/.plimsollrc.yaml': 'rules: { DL3006: off }\n', 'b/Dockerfile': UNTAGGED });
    fs.chmodSync(cwd, 0o755);
    for (const d of ['a', 'b']) fs.chmodSync(path.join(cwd, d), 0o755);
    const home = path.join(cwd, 'home');
    fs.chmodSync(home, 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534 } : {};
    try {
      const r = cli(['--format', 'json', '--no-shellcheck', 'a/Dockerfile', 'b/Dockerfile'], { cwd, env: { HOME: home }, ...asNobody });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).results.map((f: { file: string; rule: string }) => `${f.file}:${f.rule}`)).toEqual(['a/Dockerfile:pin/base-image-tag']);
    } finally {
      fs.chmodSync(home, 0o755);
    }
  });
});
