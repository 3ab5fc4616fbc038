/**
 * The language server over the real protocol: `node bin/plimsoll-lsp.js --stdio` (built by
 * `npm test`'s pretest), driven by a hand-written JSON-RPC client.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLinter } from '../../src';
import { fixText } from '../../src/engine/fix-loop';
import { applyEdits, editsFor, LspClient, where } from './client';

jest.setTimeout(60_000);

const FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures/Dockerfile'), 'utf8');
/** Where the fixture's findings are (0-based, end exclusive), without ShellCheck. */
const EXPECTED = [
  'pin/base-image-tag@1:5-1:11',
  'deprecated/maintainer@2:0-2:10',
  'bloat/apt-no-install-recommends@3:22-3:37',
  'bloat/package-manager-cache@3:22-3:37',
  'cache/mount-opportunity@3:22-3:37',
  'bloat/consecutive-run@4:2-4:5',
  'bloat/apt-no-install-recommends@4:6-4:21',
  'bloat/package-manager-cache@4:6-4:21',
  'cache/mount-opportunity@4:6-4:21',
  'bloat/consecutive-run@6:0-6:3',
  'cache/mount-opportunity@6:22-6:37',
];
/** No such directory: no .dockerignore is found beside these documents. */
const uri = (name: string) => `file:///nonexistent-plimsoll-lsp-test/${name}`;
const NO_SHELLCHECK = { shellcheck: false };

const clients: LspClient[] = [];
function client(): LspClient {
  const c = new LspClient();
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

describe('push diagnostics (client without textDocument.diagnostic)', () => {
  test('didOpen publishes the findings with codes, ranges, severities, docs links and tags', async () => {
    const c = client();
    const init = await c.initialize({ settings: NO_SHELLCHECK });
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    expect(init.capabilities.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(init.serverInfo.name).toBe('plimsoll');
    const u = uri('push/Dockerfile');
    c.open(u, FIXTURE);
    const diags = await c.diagnostics(u, 1);
    expect(diags.map(where)).toEqual(EXPECTED);
    const byCode = (code: string) => diags.find((d) => d.code === code);
    expect(byCode('pin/base-image-tag')).toMatchObject({
      source: 'plimsoll',
      severity: 2,
      codeDescription: { href: expect.stringMatching(/rules-docs\/pin\/base-image-tag\.md$/) },
    });
    expect(byCode('pin/base-image-tag').tags).toBeUndefined();
    expect(byCode('deprecated/maintainer').tags).toEqual([2]); // DiagnosticTag.Deprecated
    expect(byCode('cache/mount-opportunity').severity).toBe(3);
    expect(await c.shutdown()).toBe(0);
  });

  test('incremental didChange relints; a newer version replaces the pending lint of an older one', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK, initializationOptions: { debounceMs: 100 } });
    const u = uri('change/Dockerfile');
    c.open(u, FIXTURE);
    await c.diagnostics(u, 1);
    // `FROM ubuntu` → `FROM ubuntu:24.04`, then the MAINTAINER line goes, in two quick edits.
    c.change(u, 2, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: ':24.04' }]);
    c.change(u, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    const diags = await c.diagnostics(u, 3);
    expect(diags.map(where)).toEqual([
      'bloat/apt-no-install-recommends@2:22-2:37',
      'bloat/package-manager-cache@2:22-2:37',
      'cache/mount-opportunity@2:22-2:37',
      'bloat/consecutive-run@3:2-3:5',
      'bloat/apt-no-install-recommends@3:6-3:21',
      'bloat/package-manager-cache@3:6-3:21',
      'cache/mount-opportunity@3:6-3:21',
      'bloat/consecutive-run@5:0-5:3',
      'cache/mount-opportunity@5:22-5:37',
    ]);
    expect(c.published(u).map((m) => m.params.version)).toEqual([1, 3]);
  });

  test('documents by file name are linted whatever their language id; others are not', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    for (const name of ['Containerfile', 'api.Dockerfile', 'Dockerfile.prod', 'x.dockerfile']) {
      c.open(uri(`names/${name}`), 'FROM ubuntu\n', 'plaintext');
      expect((await c.diagnostics(uri(`names/${name}`), 1)).map((d) => d.code)).toEqual(['pin/base-image-tag']);
    }
    c.open(uri('names/notes.txt'), 'FROM ubuntu\n', 'plaintext');
    c.open(uri('names/Dockerfile.md'), 'FROM ubuntu\n', 'markdown');
    c.open(uri('names/last/Dockerfile'), 'FROM ubuntu\n', 'dockerfile');
    await c.diagnostics(uri('names/last/Dockerfile'), 1);
    expect(c.published(uri('names/notes.txt'))).toEqual([]);
    expect(c.published(uri('names/Dockerfile.md'))).toEqual([]);
  });

  test('didClose clears the diagnostics', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const u = uri('close/Dockerfile');
    c.open(u, 'FROM ubuntu\n');
    await c.diagnostics(u, 1);
    c.notify('textDocument/didClose', { textDocument: { uri: u } });
    await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === u && m.params.diagnostics.length === 0);
  });
});

describe('settings', () => {
  test('plimsoll.rules turns rules off and changes severities; didChangeConfiguration relints', async () => {
    const c = client();
    let settings: any = { shellcheck: false, rules: { DL3006: 'off', 'bloat/consecutive-run': 'error', 'no/such-rule': 'warning' } };
    c.handlers.set('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    await c.initialize({ settings });
    c.handlers.set('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    const u = uri('settings/Dockerfile');
    c.open(u, FIXTURE);
    const diags = await c.diagnostics(u, 1);
    expect(diags.map((d) => d.code)).not.toContain('pin/base-image-tag');
    expect(diags.filter((d) => d.code === 'bloat/consecutive-run').map((d) => d.severity)).toEqual([1, 1]);
    expect(c.logs().some((l) => l.type === 2 && l.message.includes('unknown rule "no/such-rule"'))).toBe(true);

    settings = { shellcheck: false, rules: { 'cache/mount-opportunity': 'off' } };
    const before = c.published(u).length;
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const next = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === u && c.published(u).indexOf(m) >= before);
    const codes = next.params.diagnostics.map((d: any) => d.code);
    expect(codes).toContain('pin/base-image-tag');
    expect(codes).not.toContain('cache/mount-opportunity');
  });

  test('a client without workspace/configuration sends settings with didChangeConfiguration', async () => {
    const c = client();
    await c.initialize({ extraCapabilities: { workspace: { configuration: false } } });
    c.notify('workspace/didChangeConfiguration', { settings: { plimsoll: { shellcheck: false, rules: { 'pin/base-image-tag': 'off' } } } });
    const u = uri('pushed-settings/Dockerfile');
    c.open(u, 'FROM ubuntu\nMAINTAINER me\n');
    expect((await c.diagnostics(u, 1)).map((d) => d.code)).toEqual(['deprecated/maintainer']);
    expect(c.received.some((m) => m.method === 'workspace/configuration')).toBe(false);
  });
});

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  test('textDocument/diagnostic answers full and unchanged reports, nothing is pushed', async () => {
    const c = client();
    const init = await c.initialize({ pull: true, settings: NO_SHELLCHECK });
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const u = uri('pull/Dockerfile');
    c.open(u, FIXTURE);
    const report = await c.request('textDocument/diagnostic', { textDocument: { uri: u } });
    expect(report.kind).toBe('full');
    expect(report.items.map(where)).toEqual(EXPECTED);
    const again = await c.request('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId: report.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: report.resultId });

    c.change(u, 2, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 11 } }, text: ':24.04' }]);
    const changed = await c.request('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId: report.resultId });
    expect(changed.kind).toBe('full');
    expect(changed.items.map((d: any) => d.code)).not.toContain('pin/base-image-tag');
    expect(changed.items).toHaveLength(EXPECTED.length - 1);
    expect(c.published(u)).toEqual([]);
  });

  test('a settings change asks the client to refresh', async () => {
    const c = client();
    await c.initialize({ pull: true, settings: NO_SHELLCHECK });
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.waitFor((m) => m.method === 'workspace/diagnostic/refresh');
  });
});

describe('code actions', () => {
  async function setup(text: string, name: string) {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const u = uri(`actions/${name}/Dockerfile`);
    c.open(u, text);
    const diags = await c.diagnostics(u, 1);
    return { c, u, diags };
  }

  test('the rule fix as a preferred quickfix, and ignore pragmas for the instruction and the file', async () => {
    const { c, u, diags } = await setup(FIXTURE, 'fix');
    const diag = diags.find((d) => d.code === 'bloat/apt-no-install-recommends' && d.range.start.line === 3);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: diag.range, context: { diagnostics: [diag] } });
    const titles = actions.map((a: any) => a.title);
    expect(titles).toEqual([
      'Add --no-install-recommends (bloat/apt-no-install-recommends)',
      'Ignore bloat/apt-no-install-recommends for this instruction',
      'Ignore bloat/apt-no-install-recommends in this file',
      'Fix all auto-fixable plimsoll problems',
    ]);
    const [fix, ignoreHere, ignoreFile] = actions;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [diag] });
    expect(fix.edit.documentChanges[0].textDocument).toEqual({ uri: u, version: 1 });
    expect(editsFor(fix.edit, u)).toEqual([{ range: { start: { line: 3, character: 37 }, end: { line: 3, character: 37 } }, newText: ' --no-install-recommends' }]);
    expect(editsFor(ignoreHere.edit, u)).toEqual([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '# plimsoll ignore=bloat/apt-no-install-recommends\n' }]);
    // After the `# syntax=` parser directive.
    expect(editsFor(ignoreFile.edit, u)).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# plimsoll global ignore=bloat/apt-no-install-recommends\n' }]);
    expect(ignoreHere.kind).toBe('quickfix');
    expect(ignoreFile.kind).toBe('quickfix');

    // Each pragma, applied, silences the rule where it should.
    let version = 1;
    const applied = async (edits: any[]) => {
      version++;
      c.change(u, version, [{ text: applyEdits(FIXTURE, edits) }]);
      return (await c.diagnostics(u, version)).filter((d) => d.code === 'bloat/apt-no-install-recommends');
    };
    expect((await applied(editsFor(ignoreHere.edit, u))).map((d) => d.range.start.line)).toEqual([5]);
    expect(await applied(editsFor(ignoreFile.edit, u))).toEqual([]);
    expect((await applied(editsFor(fix.edit, u))).map((d) => d.range.start.line)).toEqual([4]);
  });

  test('ignoring for an indented instruction keeps its indentation', async () => {
    const { c, u, diags } = await setup(FIXTURE, 'indent');
    const diag = diags.find((d) => d.code === 'bloat/apt-no-install-recommends' && d.range.start.line === 4);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });
    const ignore = actions.find((a: any) => a.title === 'Ignore bloat/apt-no-install-recommends for this instruction');
    expect(editsFor(ignore.edit, u)).toEqual([{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '  # plimsoll ignore=bloat/apt-no-install-recommends\n' }]);
    expect(actions.some((a: any) => a.kind === 'source.fixAll.plimsoll')).toBe(false);
  });

  test('a file without directives gets the file pragma on its first line', async () => {
    const { c, u, diags } = await setup('FROM ubuntu', 'top');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: diags[0].range, context: { diagnostics: diags } });
    const ignore = actions.find((a: any) => a.title === 'Ignore pin/base-image-tag in this file');
    expect(editsFor(ignore.edit, u)).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# plimsoll global ignore=pin/base-image-tag\n' }]);
  });

  test('source.fixAll.plimsoll applies every fix, as fixText does', async () => {
    const { c, u } = await setup(FIXTURE, 'fixall');
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.plimsoll'] },
    });
    expect(actions.map((a: any) => a.kind)).toEqual(['source.fixAll.plimsoll']);
    const fixed = applyEdits(FIXTURE, editsFor(actions[0].edit, u));
    const expected = fixText(await createLinter(), FIXTURE, { shellcheck: false }).text;
    expect(fixed).toBe(expected);
    expect(fixed).toContain('apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*');
    expect(fixed).toContain('LABEL org.opencontainers.image.authors="someone@example.com"');
    // `only: ['source']` includes it too; `only: ['quickfix']` does not.
    const source = await c.request('textDocument/codeAction', { textDocument: { uri: u }, range: actions[0].edit.documentChanges[0].edits[0].range, context: { diagnostics: [], only: ['source'] } });
    expect(source.map((a: any) => a.kind)).toEqual(['source.fixAll.plimsoll']);
  });

  test('a document with nothing to fix offers no fix-all', async () => {
    const { c, u } = await setup('FROM ubuntu\n', 'nofix');
    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri: u },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions).toEqual([]);
  });
});

describe('hover', () => {
  test('over a diagnostic shows its rule docs page', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const u = uri('hover/Dockerfile');
    c.open(u, FIXTURE);
    await c.diagnostics(u, 1);
    const hover = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 1, character: 7 } });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toMatch(/^# pin\/base-image-tag\n/);
    expect(hover.contents.value).toContain('rules-docs/pin/base-image-tag.md');
    expect(hover.range).toEqual({ start: { line: 1, character: 5 }, end: { line: 1, character: 11 } });
    // Two rules on one range: both pages.
    const both = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 3, character: 25 } });
    expect(both.contents.value).toContain('# bloat/apt-no-install-recommends\n');
    expect(both.contents.value).toContain('# bloat/package-manager-cache\n');
    // Nothing there.
    expect(await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 7, character: 1 } })).toBeNull();
  });

  test('over a rule id or alias in a pragma comment shows that rule', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const u = uri('hover-pragma/Dockerfile');
    c.open(u, '# check=skip=JSONArgsRecommended\nFROM debian:12\n# plimsoll ignore=bloat/consecutive-run,DL3008 -- reason\nRUN true\n');
    const at = (line: number, character: number) => c.request('textDocument/hover', { textDocument: { uri: u }, position: { line, character } });
    const alias = await at(2, 43);
    expect(alias.contents.value).toMatch(/^# pin\/apt-packages\n/);
    expect(alias.range).toEqual({ start: { line: 2, character: 40 }, end: { line: 2, character: 46 } });
    const id = await at(2, 20);
    expect(id.contents.value).toMatch(/^# bloat\/consecutive-run\n/);
    expect(id.range).toEqual({ start: { line: 2, character: 18 }, end: { line: 2, character: 39 } });
    expect((await at(0, 20)).contents.value).toMatch(/^# style\/json-args/);
    // The reason and the tool name are no rule ids.
    expect(await at(2, 52)).toBeNull();
    expect(await at(2, 4)).toBeNull();
  });
});

describe('robustness', () => {
  test('malformed requests get JSON-RPC errors and the server still answers', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const u = uri('malformed/Dockerfile');
    c.open(u, '# plimsoll ignore=DL3008\nFROM ubuntu\n');
    expect((await c.requestRaw('textDocument/hover', {})).error).toMatchObject({ code: -32602 });
    expect((await c.requestRaw('textDocument/hover', { textDocument: { uri: u }, position: { line: -1 } })).error).toMatchObject({ code: -32602 });
    expect((await c.requestRaw('textDocument/codeAction', { textDocument: { uri: u }, range: null, context: {} })).error).toMatchObject({ code: -32602 });
    expect((await c.requestRaw('plimsoll/noSuchMethod', {})).error).toMatchObject({ code: -32601 });
    c.sendRaw('{"jsonrpc":"2.0","id":99,"method":"textDocument/hover",');
    expect((await c.waitFor((m) => m.id === null && !!m.error)).error).toMatchObject({ code: -32700 });
    c.sendRaw('{"jsonrpc":"2.0","id":"no-method"}');
    expect((await c.waitFor((m) => m.id === 'no-method')).error).toMatchObject({ code: -32600 });
    const hover = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 20 } });
    expect(hover.contents.value).toMatch(/^# pin\/apt-packages\n/);
    expect((await c.diagnostics(u, 1)).map((d) => d.code)).toEqual(['pin/base-image-tag']);
    expect(await c.shutdown()).toBe(0);
  });

  test('a rule that fails is logged and the other findings are still published', async () => {
    const c = client();
    await c.initialize({ settings: { shellcheck: false, rules: { 'security/trusted-registry': ['error', { trustedRegistries: 'ghcr.io' }] } } });
    const u = uri('failing-rule/Dockerfile');
    c.open(u, 'FROM ubuntu\n');
    expect((await c.diagnostics(u, 1)).map((d) => d.code)).toEqual(['pin/base-image-tag']);
    await c.waitFor((m) => m.method === 'window/logMessage' && m.params.type === 1 && m.params.message.includes('security/trusted-registry'));
    expect(await c.shutdown()).toBe(0);
  });

  test('a 5 MB document does not block other requests; closing it stops its lint', async () => {
    const c = client();
    await c.initialize({ settings: NO_SHELLCHECK });
    const big = uri('big/Dockerfile');
    let text = 'FROM ubuntu\n';
    while (text.length < 5 * 1024 * 1024) text += 'RUN apt-get install -y curl && echo "$HOME"\n';
    c.open(big, text);
    const small = uri('big/small/Dockerfile');
    c.open(small, '# plimsoll ignore=DL3008\nFROM ubuntu\n');
    // Hovers on pragmas, malformed requests and shutdown-free requests answer while the big lint runs.
    const started = Date.now();
    const hover = await c.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 20 } });
    expect(hover.contents.value).toMatch(/^# pin\/apt-packages\n/);
    expect((await c.requestRaw('textDocument/hover', {})).error?.code).toBe(-32602);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.published(big)).toEqual([]);
    // Closing the big document stops its lint; the small one is linted next.
    c.notify('textDocument/didClose', { textDocument: { uri: big } });
    expect((await c.diagnostics(small, 1, 20_000)).map((d) => d.code)).toEqual(['pin/base-image-tag']);
    expect(await c.shutdown()).toBe(0);
  });

  test('exit without shutdown ends with code 1; shutdown then exit with 0', async () => {
    const c = client();
    await c.initialize();
    c.notify('exit', null);
    expect(await c.exited).toBe(1);
    const d = client();
    await d.initialize();
    expect(await d.shutdown()).toBe(0);
  });
});
