#!/usr/bin/env node
// Long fuzzing run: the fuzz suite in test/fuzz with many more runs per property (FUZZ_RUNS,
// default 20,000) or for FUZZ_MINUTES in all. The properties live in the jest suite (TypeScript
// sources) so that CI and long runs check exactly the same thing; jest compiles them, so no build
// is needed. Unless FUZZ_SEED is given, each run takes a fresh seed (printed) to explore new inputs.
// Extra arguments go to jest, e.g. `npm run fuzz -- -t 'fixing'`.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
if (!env.FUZZ_RUNS && !env.FUZZ_MINUTES) env.FUZZ_RUNS = '20000';
if (!env.FUZZ_SEED) env.FUZZ_SEED = String((Math.random() * 2 ** 31) | 0);

const budget = env.FUZZ_MINUTES ? `${env.FUZZ_MINUTES} minutes${env.FUZZ_RUNS ? ` (at most ${env.FUZZ_RUNS} runs per property)` : ''}` : `${env.FUZZ_RUNS} runs per property`;
console.log(`fuzz: seed ${env.FUZZ_SEED}, ${budget}`);

const root = path.resolve(__dirname, '..');
const jest = require.resolve('jest/bin/jest', { paths: [root] });
const result = spawnSync(process.execPath, [jest, 'test/fuzz', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0) console.log(`fuzz: failed with seed ${env.FUZZ_SEED}; each failure above ends with the command that replays it`);
process.exit(result.status ?? 1);
