/**
 * A minimal LSP client for tests: spawns the built server (`node bin/plimsoll-lsp.js --stdio`)
 * and speaks JSON-RPC over its stdio with Content-Length framing, written by hand so that tests
 * can also send malformed messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const LSP_BIN = path.resolve(__dirname, '../../bin/plimsoll-lsp.js');

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: RpcError;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Every message the server sent, in order. */
  readonly received: Message[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  /** Answers to server→client requests, by method; the default answer is null. */
  readonly handlers = new Map<string, (params: any) => unknown>();
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = {}) {
    this.proc = spawn(process.execPath, [LSP_BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    this.received.push(m);
    if (m.method && m.id !== undefined && m.id !== null) {
      const handler = this.handlers.get(m.method);
      let result: unknown = null;
      try {
        result = handler ? handler(m.params) : null;
      } catch (err) {
        this.write({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: String(err) } });
        return;
      }
      this.write({ jsonrpc: '2.0', id: m.id, result: result ?? null });
    }
    for (const w of [...this.waiters]) {
      if (w.match(m)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  }

  write(message: Message): void {
    this.sendRaw(JSON.stringify(message));
  }

  /** Sends `body` as is, framed. */
  sendRaw(body: string): void {
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  /** The first message (already received or still to come) that matches. */
  waitFor(match: (m: Message) => boolean, timeoutMs = 30_000, what = 'a message'): Promise<Message> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter = {
        match,
        resolve: (m: Message) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends a request and resolves with the whole response message (result or error). */
  async requestRaw(method: string, params: unknown, timeoutMs = 30_000): Promise<Message> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined, timeoutMs, `the response to ${method}`);
  }

  async request<T = any>(method: string, params: unknown, timeoutMs?: number): Promise<T> {
    const response = await this.requestRaw(method, params, timeoutMs);
    if (response.error) throw Object.assign(new Error(`${method}: ${response.error.message}`), { rpc: response.error });
    return response.result as T;
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** initialize + initialized; `settings` answers workspace/configuration for the `plimsoll` section. */
  async initialize(options: { pull?: boolean; initializationOptions?: unknown; settings?: unknown; extraCapabilities?: Record<string, unknown> } = {}): Promise<any> {
    this.handlers.set('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'plimsoll' ? (options.settings ?? null) : null)),
    );
    const capabilities: Record<string, any> = {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      ...options.extraCapabilities,
    };
    if (options.pull) capabilities.workspace.diagnostics = { refreshSupport: true };
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: options.initializationOptions ?? { debounceMs: 20 },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'dockerfile', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: ({ range: Range; text: string } | { text: string })[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** The publishDiagnostics for `uri` at `version` (a later notification for the same version wins nothing: the first is returned). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<any[]> {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      timeoutMs,
      `diagnostics for ${uri} v${version}`,
    ).then((m) => m.params.diagnostics);
  }

  published(uri: string): Message[] {
    return this.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  }

  logs(): { type: number; message: string }[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => m.params);
  }

  /** shutdown, exit; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** Applies LSP text edits (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The text edits of a WorkspaceEdit for one document. */
export function editsFor(edit: any, uri: string): TextEdit[] {
  if (edit.documentChanges) return edit.documentChanges.filter((c: any) => c.textDocument.uri === uri).flatMap((c: any) => c.edits);
  return edit.changes?.[uri] ?? [];
}

/** `code@line:col-line:col` of a diagnostic, for compact assertions. */
export function where(d: { code: string; range: Range }): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}
