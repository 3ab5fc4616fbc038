/** The server's parts on their own: scheduling, the worker client, pragma ids, settings. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter } from '../../src/engine/linter';
import { allRules } from '../../src/rules';
import { isDockerfileDocument } from '../../src/lsp/documents';
import { pragmaIdAt } from '../../src/lsp/hover';
import type { LintOutput } from '../../src/lsp/protocol';
import { LintScheduler, type Outcome, type SchedulerHost } from '../../src/lsp/scheduler';
import { loadConfigFor, normaliseSettings } from '../../src/lsp/settings';
import { CancelledError, LintWorkerClient } from '../../src/lsp/worker-client';

const EMPTY: LintOutput = { findings: [], errors: [], anchors: [], headerEnd: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeHost(lint: (doc: TextDocument) => Promise<LintOutput>) {
  const docs = new Map<string, TextDocument>();
  const logs: string[] = [];
  const outcomes: Outcome[] = [];
  const linted: number[] = [];
  const host: SchedulerHost = {
    document: (uri) => docs.get(uri),
    lint(doc) {
      const version = doc.version;
      linted.push(version);
      return { promise: lint(doc).then((output) => ({ version, output })), cancel() {} };
    },
    onOutcome: (o) => outcomes.push(o),
    log: (m) => logs.push(m),
  };
  return { docs, logs, outcomes, linted, host };
}

describe('LintScheduler', () => {
  test('a newer version replaces the pending lint of an older one', async () => {
    const h = fakeHost(async () => EMPTY);
    const s = new LintScheduler(h.host);
    let doc = TextDocument.create('file:///a/Dockerfile', 'dockerfile', 1, 'FROM a\n');
    h.docs.set(doc.uri, doc);
    s.schedule(doc.uri, 30);
    doc = TextDocument.update(doc, [{ text: 'FROM b\n' }], 2);
    s.schedule(doc.uri, 30);
    await sleep(100);
    expect(h.linted).toEqual([2]);
    expect(h.outcomes.map((o) => o.version)).toEqual([2]);
  });

  test('a failing lint is logged; the next change is linted again', async () => {
    let fail = true;
    const h = fakeHost(async () => {
      if (fail) throw new Error('boom');
      return EMPTY;
    });
    const s = new LintScheduler(h.host);
    let doc = TextDocument.create('file:///b/Dockerfile', 'dockerfile', 1, 'FROM a\n');
    h.docs.set(doc.uri, doc);
    const failed = await s.current(doc.uri);
    expect(failed?.output).toBeUndefined();
    expect(h.logs.join('\n')).toMatch(/linting file:\/\/\/b\/Dockerfile failed: Error: boom/);
    fail = false;
    doc = TextDocument.update(doc, [{ text: 'FROM b\n' }], 2);
    h.docs.set(doc.uri, doc);
    s.schedule(doc.uri, 0);
    await sleep(20);
    expect(h.outcomes.map((o) => [o.version, !!o.output])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  test('current() skips the debounce, and settings changes make outcomes stale', async () => {
    const h = fakeHost(async () => EMPTY);
    const s = new LintScheduler(h.host);
    const doc = TextDocument.create('file:///c/Dockerfile', 'dockerfile', 1, 'FROM a\n');
    h.docs.set(doc.uri, doc);
    s.schedule(doc.uri, 10_000);
    const started = Date.now();
    expect((await s.current(doc.uri))?.version).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await s.current(doc.uri)).toBe(h.outcomes[0]);
    s.invalidate();
    expect((await s.current(doc.uri))?.generation).toBe(1);
    expect(h.linted).toEqual([1, 1]);
    s.forget(doc.uri);
  });
});

describe('LintWorkerClient', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-worker-'));
    // Echoes the text's length; "crash" kills the worker, "slow" never answers.
    fs.writeFileSync(
      path.join(dir, 'worker.js'),
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', ({ id, job }) => {
         if (job.text === 'crash') process.exit(3);
         if (job.text === 'slow') return;
         if (job.text === 'throw') return parentPort.postMessage({ id, ok: false, error: 'bad input' });
         parentPort.postMessage({ id, ok: true, output: { text: String(job.text.length), applied: 0 } });
       });`,
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('runs jobs in order, survives a crashed worker and stops a long job on cancel', async () => {
    const logs: string[] = [];
    const client = new LintWorkerClient(path.join(dir, 'worker.js'), (m) => logs.push(m));
    const job = (text: string) => client.submit({ kind: 'fixAll', text, options: {} });
    expect((await job('abc').promise).text).toBe('3');
    await expect(job('throw').promise).rejects.toThrow('bad input');
    await expect(job('crash').promise).rejects.toThrow(/exit code 3/);
    expect(logs.join('\n')).toMatch(/lint worker stopped/);
    expect((await job('abcd').promise).text).toBe('4');
    const slow = job('slow');
    const after = job('ab');
    await sleep(50);
    slow.cancel(100);
    await expect(slow.promise).rejects.toBeInstanceOf(CancelledError);
    expect((await after.promise).text).toBe('2');
    const queued = job('slow');
    const dropped = job('x');
    dropped.cancel();
    await expect(dropped.promise).rejects.toBeInstanceOf(CancelledError);
    client.dispose();
    await expect(queued.promise).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('pragmaIdAt', () => {
  test.each([
    ['# plimsoll ignore=pin/apt-packages', 20, 'pin/apt-packages'],
    ['  # hadolint global ignore=DL3008,DL3015 reason', 39, 'DL3015'],
    ['# tally stage ignore=DL3008', 22, 'DL3008'],
    ['# check=error=true;skip=JSONArgsRecommended', 30, 'JSONArgsRecommended'],
    ['# trivy:ignore:DS-0002', 17, 'DS-0002'],
    ['#checkov:skip=CKV_DOCKER_3:why', 16, 'CKV_DOCKER_3'],
  ])('%s at %i is %s', (line, character, id) => {
    expect(pragmaIdAt(line, character)?.id).toBe(id);
  });

  test.each([
    ['# plimsoll ignore=DL3008 reason', 27],
    ['# just a comment with ignore=DL3008', 30],
    ['RUN echo ignore=DL3008', 18],
    ['# plimsoll ignore=DL3008', 3],
  ])('nothing in %s at %i', (line, character) => {
    expect(pragmaIdAt(line, character)).toBeUndefined();
  });
});

describe('settings', () => {
  const rules = new Linter(allRules);
  test('keeps valid rule settings, warns about the others', () => {
    const warnings: string[] = [];
    const s = normaliseSettings(
      { rules: { DL3006: 'off', 'pin/apt-packages': ['error', {}], 'x/y': 'warning', 'style/unused-pragma': 'loud' }, shellcheck: false, trustWorkspaceConfig: 'yes' },
      rules,
      (m) => warnings.push(m),
    );
    expect(s).toEqual({ rules: { DL3006: 'off', 'pin/apt-packages': ['error', {}] }, shellcheck: false, trustWorkspaceConfig: false });
    expect(warnings).toHaveLength(3);
    expect(normaliseSettings(null, rules, () => {})).toEqual({ rules: {}, shellcheck: true, trustWorkspaceConfig: false });
  });

  test('the configuration file seam returns nothing yet', async () => {
    expect(await loadConfigFor('file:///w/Dockerfile', { trustWorkspaceConfig: true })).toEqual({});
  });

  test('Dockerfile documents', () => {
    expect(isDockerfileDocument('dockerfile', 'untitled:Untitled-1')).toBe(true);
    expect(isDockerfileDocument('plaintext', 'file:///w/Containerfile.dev')).toBe(true);
    expect(isDockerfileDocument('plaintext', 'file:///w/my%20app.Dockerfile')).toBe(true);
    expect(isDockerfileDocument('plaintext', 'file:///w/Dockerfile.dockerignore')).toBe(false);
    expect(isDockerfileDocument('yaml', 'file:///w/compose.yaml')).toBe(false);
  });
});
