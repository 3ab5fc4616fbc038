import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintOptions } from '../engine/linter';
import { Linter } from '../engine/linter';
import { allRules } from '../rules';
import { packageVersion } from '../version';
import { FIX_ALL_KIND, fixAllAction, quickFixes, wanted } from './actions';
import { findingRange } from './convert';
import { isDockerfileDocument, readDockerignore } from './documents';
import { pragmaIdAt, ruleMarkdown } from './hover';
import { LintScheduler, type LintTask, type Outcome } from './scheduler';
import { DEFAULT_SETTINGS, loadConfigFor, normaliseRules, normaliseSettings, type Settings } from './settings';
import { CancelledError, LintWorkerClient } from './worker-client';

export const DEFAULT_DEBOUNCE_MS = 50;
const CONFIGURATION_TIMEOUT_MS = 5000;

/** What `initializationOptions` may hold. */
export interface InitializationOptions {
  /** Delay between a change and its lint (default 50 ms). */
  debounceMs?: number;
}

/**
 * Wires plimsoll into an LSP connection: diagnostics (pushed, or pulled when the client supports
 * `textDocument/diagnostic`), code actions (fixes, ignore pragmas, fix-all) and hovers (rule docs).
 * Linting happens in a worker thread; see `LintScheduler` for when.
 */
export function startServer(connection: Connection, workerScript = path.join(__dirname, 'worker.js')): void {
  const documents = new TextDocuments(TextDocument);
  /** Rule metadata and id resolution only; the engine that lints lives in the worker. */
  const rules = new Linter(allRules);
  const logError = (message: string) => connection.console.error(message);
  const warned = new Set<string>();
  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
  };

  let pull = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let configurationRequests = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let documentChanges = false;
  let markdown = true;
  /** Settings from `didChangeConfiguration`, for clients that do not answer `workspace/configuration`. */
  let pushedSettings: Settings = { ...DEFAULT_SETTINGS };
  const settingsByUri = new Map<string, Promise<Settings>>();

  const pool = new LintWorkerClient(workerScript, logError);

  const lintedDocument = (uri: string) => {
    const doc = documents.get(uri);
    return doc && isDockerfileDocument(doc.languageId, doc.uri) ? doc : undefined;
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!configurationRequests) return Promise.resolve(pushedSettings);
    let p = settingsByUri.get(uri);
    if (!p) {
      // A client that never answers must not stall the lint queue.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to workspace/configuration in ${CONFIGURATION_TIMEOUT_MS} ms`)), CONFIGURATION_TIMEOUT_MS);
      });
      p = Promise.race([connection.workspace.getConfiguration({ scopeUri: uri, section: 'plimsoll' }), timeout])
        .then(
          (raw: unknown) => normaliseSettings(raw, rules, warnOnce),
          (err: unknown) => {
            logError(`plimsoll: could not read the settings, using the defaults: ${(err as Error)?.message ?? err}`);
            return { ...DEFAULT_SETTINGS };
          },
        )
        .finally(() => clearTimeout(timer));
      settingsByUri.set(uri, p);
    }
    return p;
  };

  const optionsFor = async (uri: string): Promise<LintOptions> => {
    const settings = await settingsFor(uri);
    const fromFiles = normaliseRules(await loadConfigFor(uri, { trustWorkspaceConfig: settings.trustWorkspaceConfig }), rules, warnOnce, 'configuration file');
    return { rules: { ...fromFiles, ...settings.rules }, shellcheck: settings.shellcheck, dockerignore: await readDockerignore(uri) };
  };

  const scheduler = new LintScheduler({
    document: lintedDocument,
    log: logError,
    lint(doc): LintTask {
      let cancelled = false;
      let cancelJob: ((ms?: number) => void) | undefined;
      const promise = optionsFor(doc.uri).then((options) => {
        if (cancelled) throw new CancelledError();
        // Text and version are read together, after the settings arrived.
        const version = doc.version;
        const job = pool.submit({ kind: 'lint', text: doc.getText(), options });
        cancelJob = job.cancel;
        return job.promise.then((output) => {
          for (const e of output.errors) logError(`plimsoll: ${doc.uri}: ${e.message}`);
          return { version, output };
        });
      });
      return {
        promise,
        cancel(ms) {
          if (cancelJob) cancelJob(ms);
          else cancelled = true;
        },
      };
    },
    onOutcome(outcome: Outcome) {
      if (pull || !outcome.output) return;
      void connection.sendDiagnostics({ uri: outcome.uri, version: outcome.version, diagnostics: outcome.diagnostics });
    },
  });

  /** Settings changed: relint what is open (push), or ask the client to pull again. */
  const settingsChanged = () => {
    settingsByUri.clear();
    scheduler.invalidate();
    if (pull) {
      if (refreshSupport) connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) if (lintedDocument(doc.uri)) scheduler.schedule(doc.uri, 0);
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities ?? {};
    pull = caps.textDocument?.diagnostic !== undefined;
    configurationRequests = caps.workspace?.configuration === true;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    const formats = caps.textDocument?.hover?.contentFormat;
    markdown = !formats || formats.includes(MarkupKind.Markdown);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof init.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = init.debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(pull ? { diagnosticProvider: { identifier: 'plimsoll', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'plimsoll', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfiguration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'plimsoll' }).catch((err: unknown) => {
        logError(`plimsoll: could not register for configuration changes: ${(err as Error)?.message ?? err}`);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const raw = (params?.settings as { plimsoll?: unknown } | undefined)?.plimsoll;
    if (raw !== undefined) pushedSettings = normaliseSettings(raw, rules, warnOnce);
    settingsChanged();
  });

  const known = new Set<string>();
  documents.onDidChangeContent(({ document }) => {
    if (!lintedDocument(document.uri)) return;
    // The first content of a document (didOpen) is linted at once, changes after a pause.
    const first = !known.has(document.uri);
    known.add(document.uri);
    scheduler.schedule(document.uri, first ? 0 : debounceMs);
  });
  documents.onDidClose(({ document }) => {
    const wasLinted = known.delete(document.uri);
    scheduler.forget(document.uri);
    settingsByUri.delete(document.uri);
    if (wasLinted && !pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = requireUri(params?.textDocument);
    if (!lintedDocument(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const outcome = await scheduler.current(uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
    if (!outcome) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${outcome.version}.${outcome.generation}`;
    if (params.previousResultId === resultId && outcome.output) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: outcome.diagnostics };
  });

  connection.onCodeAction(async (params, token) => {
    const uri = requireUri(params?.textDocument);
    requireRange(params.range);
    const context = params.context;
    if (!context || !Array.isArray(context.diagnostics)) throw invalidParams('context.diagnostics must be an array');
    const doc = lintedDocument(uri);
    if (!doc) return [];
    const only = Array.isArray(context.only) ? context.only : undefined;
    const actions: CodeAction[] = [];
    const outcome = await scheduler.current(uri, token);
    if (!outcome || token.isCancellationRequested || doc.version !== outcome.version) return actions;
    if (wanted(CodeActionKind.QuickFix, only)) actions.push(...quickFixes(doc, outcome, context.diagnostics, documentChanges));
    // Without `only` (a light bulb), offer fix-all only when there is something to fix.
    const explicit = only !== undefined && wanted(FIX_ALL_KIND, only);
    if (explicit || (only === undefined && outcome.output?.findings.some((f) => f.fix))) {
      const version = doc.version;
      const text = doc.getText();
      const job = pool.submit({ kind: 'fixAll', text, options: await optionsFor(uri) }, { front: true });
      token.onCancellationRequested(() => job.cancel(0));
      try {
        const fixed = await job.promise;
        if (doc.version === version) {
          const action = fixAllAction(doc, fixed.text, documentChanges);
          if (action) actions.push(action);
        }
      } catch (err) {
        if (!(err instanceof CancelledError)) logError(`plimsoll: fixing ${uri} failed: ${(err as Error)?.stack ?? err}`);
      }
    }
    return actions;
  });

  connection.onHover(async (params, token): Promise<Hover | null> => {
    const uri = requireUri(params?.textDocument);
    const position = requirePosition(params.position);
    const doc = lintedDocument(uri);
    if (!doc) return null;
    const content = (value: string) => ({ kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value });
    // A rule id in a pragma comment needs no lint.
    const lineText = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const inPragma = pragmaIdAt(lineText, position.character);
    if (inPragma) {
      const rule = rules.resolve(inPragma.id);
      if (!rule) return null;
      return {
        contents: content(ruleMarkdown(rule.meta)),
        range: { start: { line: position.line, character: inPragma.start }, end: { line: position.line, character: inPragma.end } },
      };
    }
    const outcome = await scheduler.current(uri, token);
    if (!outcome?.output || doc.version !== outcome.version) return null;
    const offset = doc.offsetAt(position);
    const hits = outcome.output.findings.filter((f) => f.span.start <= offset && offset <= f.span.end);
    if (hits.length === 0) return null;
    const ids = [...new Set(hits.map((f) => f.rule))];
    const pages = ids.map((id) => {
      const meta = rules.resolve(id)?.meta;
      return meta ? ruleMarkdown(meta) : `### ${id}`;
    });
    return { contents: content(pages.join('\n\n---\n\n')), range: findingRange(hits[0]) };
  });

  connection.onShutdown(() => {
    pool.dispose();
  });

  documents.listen(connection);
}

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function requireUri(textDocument: unknown): string {
  const uri = (textDocument as { uri?: unknown } | undefined)?.uri;
  if (typeof uri !== 'string') throw invalidParams('textDocument.uri must be a string');
  return uri;
}

function isPosition(p: unknown): p is Position {
  const q = p as Position | undefined;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

function requirePosition(p: unknown): Position {
  if (!isPosition(p)) throw invalidParams('position must be { line, character } with non-negative integers');
  return p;
}

function requireRange(r: unknown): void {
  const range = r as { start?: unknown; end?: unknown } | undefined;
  if (!range || !isPosition(range.start) || !isPosition(range.end)) throw invalidParams('range must be { start, end } positions');
}
