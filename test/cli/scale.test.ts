import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempTree } from '../helpers/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Forty Dockerfiles with different findings, enough to spread over workers. */
function manyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    files[`svc${String(i).padStart(2, '0')}/Dockerfile`] = i % 3 === 0 ? 'FROM alpine\n' : `FROM debian:12\nRUN apt-get install -y pkg${i}\n`;
  }
  return files;
}

describe('--jobs', () => {
  it('gives the same output, in the same order, on one thread or several', () => {
    const cwd = tempTree(manyFiles());
    dirs.push(cwd);
    const one = cli(['--format', 'json', '--no-shellcheck', '--jobs', '1', '.'], { cwd });
    const two = cli(['--format', 'json', '--no-shellcheck', '--jobs', '2', '.'], { cwd });
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).results.length).toBeGreaterThan(40);
    expect(cli(['--jobs', '0', '.'], { cwd }).stderr).toContain('--jobs expects a positive whole number');
  });
});

describe('--cache', () => {
  it('reuses results of unchanged files and relints changed ones', () => {
    const cwd = tempTree({ 'a/Dockerfile': 'FROM alpine\n', 'b/Dockerfile': 'FROM alpine:3.20\n' });
    dirs.push(cwd);
    const args = ['--format', 'json', '--no-shellcheck', '--cache', '--cache-location', 'cache/plimsoll.json', '.'];
    const first = cli(args, { cwd });
    const cacheFile = path.join(cwd, 'cache/plimsoll.json');
    expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries)).toHaveLength(2);
    // A cached result is served as stored: plant a marker to prove the lint was skipped.
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    const aKey = Object.keys(data.entries).find((k) => k.endsWith(path.join('a', 'Dockerfile')))!;
    data.entries[aKey].output.findings[0].message = 'served from the cache';
    fs.writeFileSync(cacheFile, JSON.stringify(data));
    expect(cli(args, { cwd }).stdout).toContain('served from the cache');
    fs.writeFileSync(path.join(cwd, 'a/Dockerfile'), 'FROM alpine\n# edited\n');
    const third = cli(args, { cwd });
    expect(third.stdout).not.toContain('served from the cache');
    expect(JSON.parse(third.stdout).results).toEqual(JSON.parse(first.stdout).results);
  });
  it('stores results whatever a rule reported them with (a parse problem spans a model object)', () => {
    const cwd = tempTree({ Dockerfile: 'FROM alpine:3.20\nRUN\n' });
    dirs.push(cwd);
    const args = ['--format', 'json', '--no-shellcheck', '--cache', '--cache-location', 'c.json', 'Dockerfile'];
    const first = cli(args, { cwd });
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout).results.map((f: { rule: string }) => f.rule)).toContain('correctness/empty-instruction');
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(cwd, 'c.json'), 'utf8')).entries)).toHaveLength(1);
    expect(cli(args, { cwd }).stdout).toBe(first.stdout);
  });
});

describe('--changed-since', () => {
  it('lints only files git reports changed since the ref, and untracked ones', () => {
    const cwd = tempTree({ 'old/Dockerfile': 'FROM alpine\n', 'edited/Dockerfile': 'FROM alpine\n' });
    dirs.push(cwd);
    const git = (...args: string[]) => spawnSync('git', args, { cwd, stdio: 'ignore' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'root');
    git('add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '-m', 'files');
    fs.writeFileSync(path.join(cwd, 'edited/Dockerfile'), 'FROM alpine\nRUN true\n');
    fs.mkdirSync(path.join(cwd, 'new'));
    fs.writeFileSync(path.join(cwd, 'new/Dockerfile'), 'FROM alpine\n');
    const files = (ref: string) =>
      [...new Set(JSON.parse(cli(['--format', 'json', '--no-shellcheck', '--changed-since', ref, '.'], { cwd }).stdout).results.map((f: { file: string }) => f.file))];
    expect(files('HEAD')).toEqual(['edited/Dockerfile', 'new/Dockerfile']);
    expect(files('HEAD~1')).toEqual(['edited/Dockerfile', 'new/Dockerfile', 'old/Dockerfile']);
    expect(cli(['--changed-since', 'no-such-ref', '.'], { cwd }).code).toBe(2);
  });
});

describe('workers', () => {
  // Run against the build, as the CLI is: worker threads load compiled JavaScript.
  const dist = path.resolve(__dirname, '../../dist');
  const run = (limits: string) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `const { lintInWorkers, lintTexts } = require(${JSON.stringify(dist + '/lint-text')});
         const { createLinter } = require(${JSON.stringify(dist + '/index')});
         (async () => {
           const linter = await createLinter();
           const tasks = Array.from({ length: 40 }, (_, i) => ({ text: 'FROM debian:12\\nRUN apt-get install -y pkg' + i + '\\n', options: { shellcheck: false } }));
           let here = 0;
           const out = await lintInWorkers(tasks, 2, (some) => { here += some.length; return lintTexts(linter, some); }, ${limits});
           const expected = lintTexts(linter, tasks);
           console.log(JSON.stringify({ here, same: JSON.stringify(out) === JSON.stringify(expected), findings: out.reduce((n, o) => n + o.findings.length, 0) }));
         })();`,
      ],
      { encoding: 'utf8' },
    );

  it('lint on the calling thread what a dying worker leaves unfinished (out of memory here)', () => {
    // An old generation too small for the engine itself: every worker dies at start-up.
    const r = run('{ maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 }');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ here: 40, same: true, findings: out.findings });
    expect(out.findings).toBeGreaterThanOrEqual(40);
  });

  it('leave nothing to the calling thread when they live', () => {
    const r = run('undefined');
    expect(JSON.parse(r.stdout)).toMatchObject({ here: 0, same: true });
  });
});
