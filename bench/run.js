#!/usr/bin/env node
// `npm run bench`: plimsoll's throughput, memory, cold start, scaling and editor latency on the
// shared corpus, side by side with its peers (tally, dockerfile-utils) and with a bare `node`
// start, all measured in the same run on the same files. Each figure is run several times and
// reported as the median with min–max; comparisons are ratios of medians, so the machine's speed
// cancels out. Writes a Markdown table to stdout and bench/RESULTS.md.
//
//   node bench/run.js [--runs N] [--quick]
//
// --quick runs each figure once on a 500-file sample (a smoke test of the harness itself).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { corpusDir, corpusFiles } = require('../scripts/corpus');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/plimsoll.js');
const quick = process.argv.includes('--quick');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : quick ? 1 : 3;
const TALLY = path.join(root, 'node_modules/@wharflab/tally-linux-x64/bin/tally');
/** tally with its ShellCheck pass lints about 10 files/s: a sample keeps that row to a minute. */
const TALLY_SHELLCHECK_SAMPLE = 500;

const allFiles = corpusFiles();
if (allFiles.length === 0) {
  console.error(`corpus not found at ${corpusDir} (set PLIMSOLL_CORPUS)`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist/cli/run.js'))) {
  console.error('build first: npm run build');
  process.exit(2);
}
const files = quick ? allFiles.slice(0, 500) : allFiles;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-bench-'));

/** A directory holding `copies` copies of `list`, so every tool gets the same plain paths. */
function tree(name, copies, list = files) {
  const dir = path.join(work, name);
  list.forEach((f, i) => {
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
  return { secs, mb: kb / 1024, status: r.status, stderr: r.stderr };
}

function repeat(n, fn) {
  const samples = Array.from({ length: n }, fn);
  const secs = samples.map((s) => s.secs).sort((a, b) => a - b);
  const mb = samples.map((s) => s.mb).sort((a, b) => a - b);
  return { secs: secs[(secs.length - 1) >> 1], min: secs[0], max: secs[secs.length - 1], mb: mb[mb.length - 1] };
}

const n = files.length;
const one = tree('one', 1);
const single = path.join(work, 'single', 'Dockerfile');
fs.mkdirSync(path.dirname(single));
fs.writeFileSync(single, 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["curl", "--version"]\n');
const haveShellcheck = spawnSync('shellcheck', ['--version']).status === 0;

const rows = [];
/** The targets, each judged from this run's figures: [target, measured, met]. */
const targets = [];
const target = (what, measured, met) => targets.push({ what, measured, met });
const fmt = (x, d = 2) => x.toFixed(d);
const row = (what, r, count, note = '') =>
  rows.push({ what, median: r.secs, range: `${fmt(r.min)}–${fmt(r.max)}`, rate: count ? count / r.secs : undefined, mb: r.mb, note });
const ratio = (slow, fast) => `${fmt(slow / fast, 1)}×`;
const plimsoll = (args, target) =>
  measure(process.execPath, [bin, '--format', 'compact', '--output', '/dev/null', '--no-config', ...args, target]);

// Bare Node start: the floor under any cold start of a Node tool on this machine.
const node = repeat(Math.max(5, RUNS), () => measure(process.execPath, ['-e', '0']));
row('node -e 0 (start-up floor)', node, 0);
const cold = repeat(Math.max(5, RUNS), () => plimsoll(['--no-shellcheck'], single));
row('plimsoll, one small file, cold start', cold, 0, `${ratio(cold.secs, node.secs)} a bare node start; target 0.15 s`);
target('cold start of one small file < 0.15 s', `${fmt(cold.secs)} s (bare node: ${fmt(node.secs)} s)`, cold.secs < 0.15);
const coldConfig = repeat(Math.max(5, RUNS), () => measure(process.execPath, [bin, single], { cwd: path.dirname(single) }));
row('plimsoll, one small file, cold start, config search and ShellCheck on', coldConfig, 0, 'the default invocation');

const base = repeat(RUNS, () => plimsoll(['--no-shellcheck'], one));
row('plimsoll, corpus, ShellCheck off', base, n, 'target ≥ 2,000 files/s and < 200 MB');
target('corpus ≥ 2,000 files/s', `${Math.round(n / base.secs)} files/s`, n / base.secs >= 2000);
target('corpus peak RSS < 200 MB', `${Math.round(base.mb)} MB`, base.mb < 200);
const oneThread = repeat(RUNS, () => plimsoll(['--no-shellcheck', '--jobs', '1'], one));
row('plimsoll, corpus, ShellCheck off, --jobs 1', oneThread, n, `${ratio(oneThread.secs, base.secs)} the default --jobs ${os.availableParallelism?.() ?? os.cpus().length}`);
if (!quick) {
  const four = tree('four', 4);
  const x4 = repeat(RUNS, () => plimsoll(['--no-shellcheck'], four));
  target('corpus ×4 ≤ 4.2× the single pass', `${fmt(x4.secs / base.secs)}×`, x4.secs / base.secs <= 4.2);
  row('plimsoll, corpus ×4, ShellCheck off', x4, 4 * n, `${fmt(x4.secs / base.secs)}× the single pass (target ≤ 4.2×)`);
  fs.rmSync(four, { recursive: true, force: true });
}
let scOn;
if (haveShellcheck) {
  scOn = repeat(quick ? 1 : Math.min(RUNS, 2), () => plimsoll([], one));
  row('plimsoll, corpus, ShellCheck on', scOn, n, 'target well under 60 s');
  target('corpus with ShellCheck on well under 60 s', `${fmt(scOn.secs, 1)} s`, scOn.secs < 60);
  const cache = path.join(work, 'cache', 'c');
  plimsoll(['--cache', '--cache-location', cache], one);
  row('plimsoll, corpus, ShellCheck on, warm --cache', repeat(RUNS, () => plimsoll(['--cache', '--cache-location', cache], one)), n);
}

if (fs.existsSync(TALLY)) {
  // tally stops at the first file its parser refuses (`ADD --checksum` without a value, say):
  // find those once, in chunks so each rerun after a refusal costs a chunk rather than the corpus,
  // and give it the rest.
  const refused = [];
  const tallyTree = path.join(work, 'tally');
  const CHUNK = 200;
  const names = fs.readdirSync(path.join(one, '0')).sort();
  for (let c = 0; c * CHUNK < names.length; c++) {
    const dir = path.join(work, 'tally-probe', String(c));
    fs.mkdirSync(dir, { recursive: true });
    for (const f of names.slice(c * CHUNK, (c + 1) * CHUNK)) fs.copyFileSync(path.join(one, '0', f), path.join(dir, f));
    for (;;) {
      const r = spawnSync(TALLY, ['lint', '--no-config', '--slow-checks', 'off', '--ignore', '*', '--output', '/dev/null', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const bad = /failed to lint (\S+?):/.exec(r.stderr ?? '');
      if (!bad || !fs.existsSync(bad[1])) break;
      refused.push(path.basename(bad[1]));
      fs.rmSync(bad[1]);
    }
  }
  fs.cpSync(one, tallyTree, { recursive: true });
  for (const f of refused) fs.rmSync(path.join(tallyTree, '0', f));
  const tn = n - refused.length;
  const tally = (extra, dir = tallyTree) => measure(TALLY, ['lint', '--no-config', '--slow-checks', 'off', '--format', 'json', '--output', '/dev/null', ...extra, dir]);
  const t = repeat(RUNS, () => tally(['--ignore', 'shellcheck/*']));
  const skipped = refused.length ? `; the ${refused.length} files its parser refuses left out` : '';
  row('tally 0.45, corpus, ShellCheck off', t, tn, `plimsoll lints ${ratio(n / base.secs, tn / t.secs)} its files/s${skipped}`);
  target('≥ 5× tally\'s files/s, ShellCheck off', ratio(n / base.secs, tn / t.secs), n / base.secs >= 5 * (tn / t.secs));
  const tCold = repeat(Math.max(5, RUNS), () => measure(TALLY, ['lint', '--no-config', '--slow-checks', 'off', single]));
  row('tally 0.45, one small file, cold start', tCold, 0, `plimsoll takes ${ratio(cold.secs, tCold.secs)} its time`);
  target('cold start ≥ 5× faster than tally\'s', `${ratio(tCold.secs, cold.secs)} faster`, tCold.secs >= 5 * cold.secs);
  if (haveShellcheck) {
    const sample = path.join(work, 'tally-sc');
    fs.mkdirSync(sample);
    const kept = fs.readdirSync(path.join(tallyTree, '0')).sort().slice(0, quick ? 50 : TALLY_SHELLCHECK_SAMPLE);
    for (const f of kept) fs.copyFileSync(path.join(tallyTree, '0', f), path.join(sample, f));
    const ts = repeat(1, () => tally([], sample));
    if (scOn) target('≥ 5× tally\'s files/s, ShellCheck on', ratio(n / scOn.secs, kept.length / ts.secs), n / scOn.secs >= 5 * (kept.length / ts.secs));
    row(`tally 0.45, ${kept.length}-file sample, ShellCheck on`, ts, kept.length, `plimsoll (ShellCheck on) lints ${ratio(n / scOn.secs, kept.length / ts.secs)} its files/s (one run)`);
  }
}

if (fs.existsSync(path.join(root, 'node_modules/dockerfile-utils'))) {
  const utilsScript = `
    const fs = require('fs'); const { validate } = require('dockerfile-utils');
    const files = fs.readFileSync(0, 'utf8').split('\\n').filter(Boolean);
    for (const f of files) validate(fs.readFileSync(f, 'utf8'));`;
  const list = corpusFiles(one).join('\n');
  const u = repeat(RUNS, () => measure(process.execPath, ['-e', utilsScript], { input: list, cwd: root }));
  row('dockerfile-utils 0.16 (in-process validate), corpus', u, n, `plimsoll takes ${ratio(base.secs, u.secs)} its time`);
}

// Editor latency, from a didChange to its diagnostics, debounce 0 so the figure is the server's work.
const lsp = [];
for (const extra of [['--no-shellcheck'], ...(haveShellcheck ? [[]] : [])]) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'lsp-latency.js'), '--debounce', '0', '--edits', quick ? '10' : '40', ...extra], { encoding: 'utf8' });
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*(\d+) lines .*p50 (\d+) ms, p95 (\d+) ms/.exec(line);
    if (!m) continue;
    lsp.push(`| ${m[1]} | ${extra.length ? 'off' : 'on'} | ${m[2]} | ${m[3]} |`);
    if (m[1] === '300') target(`editor p95 < 10 ms at 300 lines, ShellCheck ${extra.length ? 'off' : 'on'}`, `${m[3]} ms`, Number(m[3]) < 10);
  }
}

const lines = [
  `# Benchmarks`,
  '',
  `\`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${n} corpus files, ${RUNS} run(s) per figure (median, min–max; peak RSS is the largest seen), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
  '',
  '| Measurement | Median (s) | Range (s) | Files/s | Peak RSS (MB) | Note |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.what} | ${fmt(r.median)} | ${r.range} | ${r.rate ? Math.round(r.rate) : '—'} | ${Math.round(r.mb)} | ${r.note} |`),
  '',
  'Language server, didChange → publishDiagnostics (`bench/lsp-latency.js --debounce 0`; target p95 < 10 ms at 300 lines):',
  '',
  '| Lines | ShellCheck | p50 (ms) | p95 (ms) |',
  '| ---: | --- | ---: | ---: |',
  ...lsp,
  '',
  "The issue's targets, judged from the figures above (README, Performance, says why those short are short):",
  '',
  '| Target | Measured | |',
  '| --- | --- | --- |',
  ...targets.map((t) => `| ${t.what} | ${t.measured} | ${t.met ? 'met' : 'short'} |`),
];
const md = lines.join('\n') + '\n';
process.stdout.write(md);
if (!quick) fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), md);
fs.rmSync(work, { recursive: true, force: true });
