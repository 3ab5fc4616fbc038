/**
 * `plimsoll-lsp --stdio`: the language server over standard input and output.
 */
import {
  createConnection,
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { packageVersion } from '../version';
import { startServer } from './server';

const HELP = `Usage: plimsoll-lsp --stdio

The plimsoll language server (Language Server Protocol over standard input and output):
Dockerfile diagnostics, quick fixes, ignore pragmas, fix-all and rule docs on hover.

Options:
      --stdio      talk LSP over stdin/stdout (the default and only transport)
  -v, --version    print the version
  -h, --help       print this help
`;

export function main(argv: string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  // Editors add `--clientProcessId=<pid>`; vscode-languageserver watches that process itself.
  const unknown = argv.filter((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (unknown.length) {
    process.stderr.write(`plimsoll-lsp: unsupported argument "${unknown[0]}" (only --stdio is supported)\n`);
    process.exitCode = 2;
    return;
  }
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new StrictReader(new StreamMessageReader(process.stdin), writer);
  const connection = createConnection(reader, writer);
  startServer(connection);
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`plimsoll: unexpected error: ${(reason as Error)?.stack ?? reason}`);
  });
  connection.listen();
}

/**
 * Answers what the JSON-RPC library would otherwise only log: a body that is not JSON gets a
 * Parse error (id null), and a message with an id but no method, result or error gets an
 * Invalid Request error, as JSON-RPC 2.0 requires.
 */
class StrictReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    const onError = this.inner.onError((error) => {
      if (error instanceof SyntaxError) void this.reply(null, ErrorCodes.ParseError, `Parse error: ${error.message}`);
    });
    const listening = this.inner.listen((message: Message) => {
      const m = message as unknown as Record<string, unknown>;
      const id = m?.id;
      if (m && typeof m === 'object' && (typeof id === 'number' || typeof id === 'string') && typeof m.method !== 'string' && !('result' in m) && !('error' in m)) {
        void this.reply(id, ErrorCodes.InvalidRequest, 'Invalid Request: a request needs a "method" string');
        return;
      }
      callback(message);
    });
    return {
      dispose() {
        onError.dispose();
        listening.dispose();
      },
    };
  }

  dispose(): void {
    this.inner.dispose();
  }

  private reply(id: number | string | null, code: number, message: string): Promise<void> {
    return this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }
}
