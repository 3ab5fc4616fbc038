import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { LintOutput } from './protocol';
import { CancelledError } from './worker-client';

/** The lint of one version of a document under one generation of settings. */
export interface Outcome {
  uri: string;
  version: number;
  generation: number;
  /** Undefined when the lint failed (the failure was logged). */
  output?: LintOutput;
  diagnostics: Diagnostic[];
}

export interface LintTask {
  /** Resolves with the version actually linted (read together with the text). */
  promise: Promise<{ version: number; output: LintOutput }>;
  cancel(runningLongerThanMs?: number): void;
}

export interface SchedulerHost {
  /** The open document at `uri`, when it is one that is linted. */
  document(uri: string): TextDocument | undefined;
  lint(doc: TextDocument): LintTask;
  /** A fresh outcome for the current version of a document. */
  onOutcome(outcome: Outcome): void;
  log(message: string): void;
}

/** A running lint superseded by a newer version (or whose document closed) is stopped if it runs this long (big documents). */
export const SUPERSEDED_LINT_GRACE_MS = 500;

/**
 * Decides when each open document is linted: after a debounce on change, one lint at a time in
 * queue order (yielding to the event loop between documents), a newer version replacing the
 * pending lint of an older one. Results are kept per document for pull diagnostics, code actions
 * and hovers, which can also ask for the current version to be linted ahead of the queue.
 */
export class LintScheduler {
  /** Bumped when settings change: outcomes of older generations are stale. */
  generation = 0;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private queue = new Set<string>();
  private running?: { uri: string; cancel(runningLongerThanMs?: number): void };
  private readonly cache = new Map<string, Outcome>();
  private readonly waiters = new Map<string, Set<(o: Outcome | undefined) => void>>();

  constructor(private readonly host: SchedulerHost) {}

  /** Lints the document's current version after `delayMs`, dropping any pending lint of an older version. */
  schedule(uri: string, delayMs: number): void {
    this.clearTimer(uri);
    this.queue.delete(uri);
    if (this.running?.uri === uri) this.running.cancel(SUPERSEDED_LINT_GRACE_MS);
    if (delayMs <= 0) {
      this.enqueue(uri);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.enqueue(uri);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  /** The latest outcome, whatever version it is for. */
  latest(uri: string): Outcome | undefined {
    return this.cache.get(uri);
  }

  /** The outcome for the document's current version and settings, linting it first (ahead of the queue) when needed. */
  current(uri: string, token?: CancellationToken): Promise<Outcome | undefined> {
    const doc = this.host.document(uri);
    if (!doc) return Promise.resolve(undefined);
    const fresh = this.fresh(uri, doc);
    if (fresh) return Promise.resolve(fresh);
    return new Promise((resolve) => {
      let set = this.waiters.get(uri);
      if (!set) this.waiters.set(uri, (set = new Set()));
      const waiter = (o: Outcome | undefined) => resolve(o);
      set.add(waiter);
      token?.onCancellationRequested(() => {
        if (set.delete(waiter)) resolve(undefined);
      });
      if (this.timers.has(uri) || !(this.queue.has(uri) || this.running?.uri === uri)) {
        this.clearTimer(uri);
        this.enqueue(uri, true);
      }
    });
  }

  /** Settings changed: every outcome so far is stale. */
  invalidate(): void {
    this.generation++;
  }

  /** The document was closed. */
  forget(uri: string): void {
    this.clearTimer(uri);
    this.queue.delete(uri);
    if (this.running?.uri === uri) this.running.cancel(SUPERSEDED_LINT_GRACE_MS);
    this.cache.delete(uri);
    this.settle(uri, undefined);
  }

  private fresh(uri: string, doc: TextDocument): Outcome | undefined {
    const c = this.cache.get(uri);
    return c && c.version === doc.version && c.generation === this.generation ? c : undefined;
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private enqueue(uri: string, front = false): void {
    if (front) this.queue = new Set([uri, ...this.queue]);
    else this.queue.add(uri);
    this.pump();
  }

  private settle(uri: string, outcome: Outcome | undefined): void {
    const set = this.waiters.get(uri);
    if (!set) return;
    this.waiters.delete(uri);
    for (const w of set) w(outcome);
  }

  private pump(): void {
    if (this.running) return;
    for (const uri of this.queue) {
      this.queue.delete(uri);
      const doc = this.host.document(uri);
      if (!doc) {
        this.settle(uri, undefined);
        continue;
      }
      const fresh = this.fresh(uri, doc);
      if (fresh) {
        this.settle(uri, fresh);
        continue;
      }
      this.start(uri, doc);
      return;
    }
  }

  private start(uri: string, doc: TextDocument): void {
    const generation = this.generation;
    const startVersion = doc.version;
    let task: LintTask;
    try {
      task = this.host.lint(doc);
    } catch (err) {
      task = { promise: Promise.reject(err), cancel: () => {} };
    }
    const running = { uri, cancel: task.cancel };
    this.running = running;
    task.promise
      .then(
        ({ version, output }): Outcome => ({ uri, version, generation, output, diagnostics: output.findings.map(toDiagnostic) }),
        (err: unknown): Outcome | undefined => {
          if (err instanceof CancelledError) return undefined;
          this.host.log(`plimsoll: linting ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
          return { uri, version: startVersion, generation, diagnostics: [] };
        },
      )
      .then((outcome) => {
        if (this.running === running) this.running = undefined;
        const current = this.host.document(uri);
        if (outcome && current && current.version === outcome.version && generation === this.generation) {
          this.cache.set(uri, outcome);
          try {
            this.host.onOutcome(outcome);
          } catch (err) {
            this.host.log(`plimsoll: reporting diagnostics for ${uri} failed: ${(err as Error)?.stack ?? err}`);
          }
          this.settle(uri, outcome);
        } else if (!current) {
          this.settle(uri, undefined);
        } else if (this.waiters.get(uri)?.size && !this.timers.has(uri) && !this.queue.has(uri)) {
          // Someone waits for the current version, and nothing else will lint it.
          this.queue = new Set([uri, ...this.queue]);
        }
        // Yield to the event loop between documents.
        setImmediate(() => this.pump());
      });
  }
}
