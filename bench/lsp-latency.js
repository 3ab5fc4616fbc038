#!/usr/bin/env node
// Latency of the language server: from a didChange to the publishDiagnostics for that version,
// for a 300-line and a 3,000-line Dockerfile made of RUN-heavy files of the shared corpus.
// Needs a build (`npx tsc -p .`). Usage:
//   node bench/lsp-latency.js [--edits N] [--debounce MS] [--no-shellcheck]
// PLIMSOLL_CORPUS points elsewhere than ../shared/corpus/files; without a corpus it skips.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const { values: opts } = parseArgs({
  options: {
    edits: { type: 'string', default: '30' },
    debounce: { type: 'string', default: '50' },
    'no-shellcheck': { type: 'boolean', default: false },
  },
});
const EDITS = Number(opts.edits);
const DEBOUNCE = Number(opts.debounce);
const SIZES = [300, 3000];

const { corpusDir, corpusFiles } = require('../scripts/corpus');
if (corpusFiles().length === 0) {
  console.log(`lsp-latency: skipped, no corpus at ${corpusDir} (set PLIMSOLL_CORPUS)`);
  process.exit(0);
}
const server = path.resolve(__dirname, '../bin/plimsoll-lsp.js');
if (!fs.existsSync(path.resolve(__dirname, '../dist/lsp/main.js'))) {
  console.error('lsp-latency: build first (npx tsc -p .)');
  process.exit(2);
}

/** Corpus files, in a stable order, where RUN instructions are at least a tenth of the lines. */
function runHeavyFiles() {
  const files = corpusFiles();
  return files.filter((f) => {
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    const runs = lines.filter((l) => /^\s*RUN\b/i.test(l)).length;
    return runs >= 3 && runs / lines.length >= 0.1;
  });
}

/** About `n` lines: whole corpus files concatenated, cut at `n` lines but not inside a continuation. */
function dockerfileOf(n, files) {
  const out = [];
  for (const f of files) {
    out.push(...fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n'));
    if (out.length >= n) break;
  }
  let k = Math.min(n, out.length);
  while (k > 0 && /\\\s*$/.test(out[k - 1])) k--;
  return out.slice(0, k).join('\n') + '\n';
}

class Client {
  constructor() {
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.waiters = [];
    this.proc.stdout.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, end).toString())[1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.onMessage(message);
      }
    });
  }
  onMessage(m) {
    if (m.method === 'workspace/configuration') {
      this.send({ id: m.id, result: m.params.items.map(() => ({ shellcheck: !opts['no-shellcheck'] })) });
      return;
    }
    if (m.method && m.id !== undefined) this.send({ id: m.id, result: null });
    const i = this.waiters.findIndex((w) => w.match(m));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
  }
  send(m) {
    const body = JSON.stringify({ jsonrpc: '2.0', ...m });
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  wait(match) {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.wait((m) => m.id === id && !m.method);
  }
  published(uri, version) {
    return this.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const files = runHeavyFiles();
  const client = new Client();
  await client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { debounceMs: DEBOUNCE },
  });
  client.send({ method: 'initialized', params: {} });
  console.log(`didChange → publishDiagnostics, ${EDITS} edits per size, debounce ${DEBOUNCE} ms, ShellCheck ${opts['no-shellcheck'] ? 'off' : 'on when installed'}`);
  for (const size of SIZES) {
    const text = dockerfileOf(size, files);
    const lines = text.split('\n').length - 1;
    const uri = `file:///bench-lsp/${size}/Dockerfile`;
    let version = 1;
    const opened = client.published(uri, version);
    client.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version, text } } });
    const first = await opened;
    // Edit the end of a line in the middle: type a character, delete it, and so on.
    const line = Math.floor(lines / 2);
    const column = text.split('\n')[line].length;
    const times = [];
    for (let i = 0; i < EDITS; i++) {
      version++;
      const insert = i % 2 === 0;
      const range = { start: { line, character: column }, end: { line, character: insert ? column : column + 1 } };
      const done = client.published(uri, version);
      const t0 = process.hrtime.bigint();
      client.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? ' ' : '' }] } });
      await done;
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${String(lines).padStart(5)} lines (${(text.length / 1024).toFixed(0)} KB, ${first.params.diagnostics.length} diagnostics): ` +
        `p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`,
    );
    client.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
  }
  await client.request('shutdown', null);
  client.send({ method: 'exit', params: null });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
