import { Worker } from 'node:worker_threads';
import type { JobOutput, WorkerJob, WorkerRequest, WorkerResponse } from './protocol';

/** A job's promise rejects with this when the job was cancelled before it finished. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface JobHandle<T> {
  readonly promise: Promise<T>;
  /**
   * Drops the job if it has not started. A running job is stopped (its worker is terminated and
   * a fresh one started for the next job) once it has run for `runningLongerThanMs`, if it has
   * not finished by then: a short lint is let finish, which is cheaper than restarting the engine.
   */
  cancel(runningLongerThanMs?: number): void;
}

interface Entry {
  request: WorkerRequest;
  resolve(output: unknown): void;
  reject(err: Error): void;
  startedAt?: number;
  stopTimer?: NodeJS.Timeout;
}

/**
 * Runs lint jobs in a worker thread, one at a time, in order (or at the front of the line when
 * asked), so a huge document delays other documents by at most one lint and never blocks the
 * protocol. A crashed worker fails its job and is replaced for the next one.
 */
export class LintWorkerClient {
  private worker?: Worker;
  private readonly waiting: Entry[] = [];
  private running?: Entry;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  submit<J extends WorkerJob>(job: J, options: { front?: boolean } = {}): JobHandle<JobOutput<J>> {
    let entry!: Entry;
    const promise = new Promise<JobOutput<J>>((resolve, reject) => {
      entry = { request: { id: this.nextId++, job }, resolve: resolve as (o: unknown) => void, reject };
    });
    if (options.front) this.waiting.unshift(entry);
    else this.waiting.push(entry);
    this.pump();
    return {
      promise,
      cancel: (runningLongerThanMs = 0) => this.cancel(entry, runningLongerThanMs),
    };
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  dispose(): void {
    this.closed = true;
    for (const e of this.waiting.splice(0)) e.reject(new CancelledError());
    if (this.running) this.running.reject(new CancelledError());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private cancel(entry: Entry, runningLongerThanMs: number): void {
    const i = this.waiting.indexOf(entry);
    if (i >= 0) {
      this.waiting.splice(i, 1);
      entry.reject(new CancelledError());
      return;
    }
    if (this.running !== entry) return;
    const left = entry.startedAt! + runningLongerThanMs - Date.now();
    if (left > 0) {
      // A short job is let finish; a long one is stopped once it has run for the grace period.
      if (!entry.stopTimer) {
        entry.stopTimer = setTimeout(() => this.cancel(entry, 0), left);
        entry.stopTimer.unref();
      }
      return;
    }
    this.running = undefined;
    entry.reject(new CancelledError());
    this.restart();
    this.pump();
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = next;
    next.startedAt = Date.now();
    this.ensureWorker().postMessage(next.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (response: WorkerResponse) => {
      if (worker !== this.worker) return;
      const entry = this.running;
      if (!entry || entry.request.id !== response.id) return;
      this.running = undefined;
      if (entry.stopTimer) clearTimeout(entry.stopTimer);
      if (response.ok) entry.resolve(response.output);
      else entry.reject(new Error(response.error));
      this.pump();
    });
    const fail = (err: Error) => {
      if (worker !== this.worker) return;
      this.log(`plimsoll: the lint worker stopped (${err.stack ?? err.message}); starting a new one`);
      this.worker = undefined;
      const entry = this.running;
      this.running = undefined;
      entry?.reject(err);
      this.pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    // The worker must not keep the process alive once the connection has ended.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private restart(): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
  }
}
