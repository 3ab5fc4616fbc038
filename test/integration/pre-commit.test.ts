/**
 * The pre-commit hook, run by the real `pre-commit` (CI installs Debian's) against this checkout:
 * `pre-commit try-repo` installs the package from git (building it through npm's `prepare`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const present = spawnSync('pre-commit', ['--version']).status === 0;
if (!present) console.warn('pre-commit not on PATH: the pre-commit hook test is skipped');

(present ? describe : describe.skip)('pre-commit hook', () => {
  let repo: string;
  let home: string;

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-precommit-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-precommit-home-'));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    fs.mkdirSync(path.join(repo, 'bad'));
    fs.mkdirSync(path.join(repo, 'good'));
    fs.writeFileSync(path.join(repo, 'bad/Dockerfile'), 'FROM alpine\nRUN apk add curl\n');
    fs.writeFileSync(path.join(repo, 'good/Containerfile'), 'FROM alpine:3.20\nCMD ["true"]\n');
    git('add', '.');
  });

  afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  const tryRepo = (file: string) =>
    spawnSync('pre-commit', ['try-repo', root, 'plimsoll', '--files', file], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
      timeout: 900_000,
    });

  it('fails on a bad Dockerfile, naming the rule', () => {
    const r = tryRepo('bad/Dockerfile');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('pin/base-image-tag');
  }, 900_000);

  it('passes on a good one (a Containerfile: matched by name)', () => {
    const r = tryRepo('good/Containerfile');
    expect(r.stdout).toMatch(/plimsoll\.+Passed/);
    expect(r.status).toBe(0);
  }, 900_000);
});
