/**
 * The npm package as users get it: `npm pack`, install the tarball into an empty project, run the
 * installed binaries and the programmatic API.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
let dir: string;
let tarball: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = path.join(dir, JSON.parse(out.slice(out.indexOf('[')))[0].filename);
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app/package.json'), '{"name": "app", "private": true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: path.join(dir, 'app'), stdio: 'ignore' });
  fs.writeFileSync(path.join(dir, 'app/Dockerfile'), 'FROM alpine\nRUN apk add curl\n');
}, 600_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the packed npm package', () => {
  it('ships only what runs: no sources, tests or fixtures', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/dist/cli/run.js');
    expect(listing).toContain('package/rules-docs/pin/base-image-tag.md');
    expect(listing.filter((f) => /^package\/(src|test|fixtures|bench)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('runs through npx: --version and a lint', () => {
    const app = path.join(dir, 'app');
    const version = spawnSync('npx', ['--no-install', 'plimsoll', '--version'], { cwd: app, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(require('../../package.json').version);
    const lint = spawnSync('npx', ['--no-install', 'plimsoll', '--format', 'json', '--no-shellcheck', 'Dockerfile'], { cwd: app, encoding: 'utf8' });
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout).results.map((f: { rule: string }) => f.rule)).toContain('pin/base-image-tag');
  });

  it('exposes lint() and lintFiles() with their types', () => {
    const app = path.join(dir, 'app');
    const script = `
      const { lint, lintFiles } = require('plimsoll');
      (async () => {
        const one = await lint('FROM alpine\\n', { shellcheck: false });
        const files = await lintFiles(['Dockerfile'], { cwd: ${JSON.stringify(app)}, shellcheck: false });
        console.log(JSON.stringify([one.findings[0].rule, files[0].file, files[0].findings.length > 0]));
      })();`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['pin/base-image-tag', 'Dockerfile', true]);
    expect(fs.existsSync(path.join(app, 'node_modules/plimsoll/dist/index.d.ts'))).toBe(true);
  });
});
