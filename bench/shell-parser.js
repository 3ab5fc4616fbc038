#!/usr/bin/env node
// Compares tree-sitter-bash through web-tree-sitter (WebAssembly, what plimsoll uses) and through
// the native `tree-sitter` binding, on every RUN body of the corpus: parse + full cursor walk.
// The native binding is not a dependency: `npm i --no-save tree-sitter@0.25.0` first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { DockerfileParser } = require('dockerfile-ast');

const { corpusDir: corpus, corpusFiles } = require('../scripts/corpus');
const files = corpusFiles();
if (files.length === 0) {
  console.error(`corpus not found at ${corpus}`);
  process.exit(2);
}
const bodies = [];
for (const f of files) {
  for (const i of DockerfileParser.parse(fs.readFileSync(f, 'utf8')).getInstructions()) {
    if (i.getKeyword() === 'RUN' && i.getArgumentsContent()) bodies.push(i.getArgumentsContent());
  }
}

function walk(tree) {
  const c = tree.walk();
  let n = 0;
  for (let down = true; ; ) {
    if (down && c.gotoFirstChild()) continue;
    n++;
    if (c.gotoNextSibling()) { down = true; continue; }
    down = false;
    if (!c.gotoParent()) break;
  }
  return n;
}

async function load(kind) {
  const t0 = performance.now();
  if (kind === 'native') {
    const Parser = require('tree-sitter');
    const p = new Parser();
    p.setLanguage(require('tree-sitter-bash'));
    return { init: performance.now() - t0, parse: (s) => p.parse(s), free: () => {} };
  }
  const { Parser, Language } = require('web-tree-sitter');
  await Parser.init();
  const wasm = path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm');
  const p = new Parser();
  p.setLanguage(await Language.load(fs.readFileSync(wasm)));
  return { init: performance.now() - t0, parse: (s) => p.parse(s), free: (t) => t.delete() };
}

(async () => {
  const kind = process.argv[2];
  if (!kind) {
    // Each binding in its own process so peak RSS is its own.
    const { execFileSync } = require('node:child_process');
    for (const k of ['wasm', 'native']) {
      try {
        process.stdout.write(execFileSync(process.execPath, [__filename, k], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      } catch {
        console.log(`${k}: not available (npm i --no-save tree-sitter@0.25.0 for the native binding)`);
      }
    }
    return;
  }
  const b = await load(kind);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const s of bodies) {
      const t = b.parse(s);
      walk(t);
      b.free(t);
    }
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  console.log(`${kind}: ${bodies.length} scripts, init ${b.init.toFixed(0)} ms, parse+walk median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
})();
