#!/usr/bin/env node
// `npm run bench`: plimsoll's throughput, memory, cold start and scaling on the shared corpus,
// side by side with its peers (tally, dockerfile-utils) measured in the same run, reported as
// medians with min–max and as ratios. Writes a Markdown table to stdout and bench/RESULTS.md.
//
//   node bench/run.js [--runs N] [--quick]
//
// --quick runs each figure once on a 500-file sample (a smoke test of the harness itself).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/plimsoll.js');
const corpus = process.env.PLIMSOLL_CORPUS ?? path.resolve(root, '../shared/corpus/files');
const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 1 : 3;
const TALLY = path.join(root, 'node_modules/@wharflab/tally-linux-x64/bin/tally');

if (!fs.existsSync(corpus)) {
  console.error(`corpus not found at ${corpus} (set PLIMSOLL_CORPUS)`);
  process.exit(2);
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

const allFiles = listFiles(corpus).sort();
const files = quick ? allFiles.slice(0, 500) : allFiles;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-bench-'));

/** A directory holding `copies` copies of the files, so every tool gets the same plain paths. */
function tree(name, copies) {
  const dir = path.join(work, name);
  files.forEach((f, i) => {
    for (let c = 0; c < copies; c++) {
      const target = path.join(dir, String(c), `${String(i).padStart(5, '0')}.Dockerfile`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(f, target);
    }
  });
  return dir;
}

/** Wall time (s) and peak RSS (MB) of a command, via GNU time. */
function measure(cmd, args, opts = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const last = r.stderr.trim().split('\n').pop();
  const [secs, kb] = last.split(' ').map(Number);
  if (!Number.isFinite(secs)) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.slice(-500)}`);
  return { secs, mb: kb / 1024, status: r.status };
}

function repeat(n, fn) {
  const samples = Array.from({ length: n }, fn);
  const secs = samples.map((s) => s.secs).sort((a, b) => a - b);
  const mb = samples.map((s) => s.mb).sort((a, b) => a - b);
  return { secs: secs[secs.length >> 1], min: secs[0], max: secs[secs.length - 1], mb: mb[mb.length - 1] };
}

const one = tree('one', 1);
const four = quick ? undefined : tree('four', 4);
const n = files.length;
const rows = [];
const fmt = (x, d = 2) => x.toFixed(d);
const row = (what, r, count, note = '') =>
  rows.push({ what, median: r.secs, range: `${fmt(r.min)}–${fmt(r.max)}`, rate: count ? count / r.secs : undefined, mb: r.mb, note });

const plimsoll = (args, dir) => measure(process.execPath, [bin, '--format', 'compact', '--output', '/dev/null', '--no-config', ...args, dir]);

const base = repeat(RUNS, () => plimsoll(['--no-shellcheck'], one));
row('plimsoll, corpus, ShellCheck off', base, n);
if (four) {
  const x4 = repeat(RUNS, () => plimsoll(['--no-shellcheck'], four));
  row('plimsoll, corpus ×4, ShellCheck off', x4, 4 * n, `${fmt(x4.secs / base.secs)}× the single pass`);
}
const single = path.join(work, 'single');
fs.mkdirSync(single);
fs.writeFileSync(path.join(single, 'Dockerfile'), 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n');
const cold = repeat(Math.max(5, RUNS), () => plimsoll(['--no-shellcheck'], path.join(single, 'Dockerfile')));
row('plimsoll, one small file, cold start', cold, 0);
if (spawnSync('shellcheck', ['--version']).status === 0) {
  row('plimsoll, corpus, ShellCheck on', repeat(1, () => plimsoll([], one)), n, 'one run: it is the slow one');
  const cacheDir = path.join(work, 'cache');
  plimsoll(['--cache', '--cache-location', path.join(cacheDir, 'c')], one);
  row('plimsoll, corpus, ShellCheck on, warm --cache', repeat(RUNS, () => plimsoll(['--cache', '--cache-location', path.join(cacheDir, 'c')], one)), n);
}
if (fs.existsSync(TALLY)) {
  const tally = (extra) => measure(TALLY, ['lint', '--no-config', '--slow-checks', 'off', '--format', 'json', '--output', '/dev/null', ...extra, one]);
  const t = repeat(RUNS, () => tally(['--ignore', 'shellcheck/*']));
  row('tally, corpus, ShellCheck off', t, n, `plimsoll is ${fmt(t.secs / base.secs, 1)}× faster`);
  const tColdOne = repeat(Math.max(5, RUNS), () => measure(TALLY, ['lint', '--no-config', '--slow-checks', 'off', path.join(single, 'Dockerfile')]));
  row('tally, one small file, cold start', tColdOne, 0, `plimsoll is ${fmt(tColdOne.secs / cold.secs, 1)}× faster`);
  if (!quick) row('tally, corpus, ShellCheck on', repeat(1, () => tally([])), n, 'one run');
}
const utilsScript = `
  const fs = require('fs'); const { validate } = require('dockerfile-utils');
  const files = fs.readFileSync(0, 'utf8').split('\\n').filter(Boolean);
  for (const f of files) validate(fs.readFileSync(f, 'utf8'));`;
if (fs.existsSync(path.join(root, 'node_modules/dockerfile-utils'))) {
  const list = listFiles(one).join('\n');
  const u = repeat(RUNS, () => measure(process.execPath, ['-e', utilsScript], { input: list, cwd: root }));
  row('dockerfile-utils (in-process validate), corpus', u, n, `plimsoll is ${fmt(u.secs / base.secs, 1)}× faster`);
}

const lines = [
  `# Benchmarks`,
  '',
  `\`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${n} corpus files, ${RUNS} run(s) per figure (median, min–max; peak RSS is the largest seen).`,
  '',
  '| Measurement | Median (s) | Range (s) | Files/s | Peak RSS (MB) | Note |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.median)} | ${r.range} | ${r.rate ? Math.round(r.rate) : '—'} | ${Math.round(r.mb)} | ${r.note} |`),
];
const md = lines.join('\n') + '\n';
process.stdout.write(md);
if (!quick) fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), md);
fs.rmSync(work, { recursive: true, force: true });
