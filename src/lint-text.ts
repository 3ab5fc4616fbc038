import * as os from 'node:os';
import * as path from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { Linter, LintOptions } from './engine/linter';
import { InputError } from './engine/text';
import type { FileReport } from './formats/types';

/** What linting one file's text yields, as it crosses threads. */
export type LintOutput = Pick<FileReport, 'findings' | 'errors'>;

export interface LintTask {
  text: string;
  options: LintOptions;
}

/** An exception while linting one text (an engine bug, a bad --target) as that file's error, not a crash. */
function failed(err: unknown): LintOutput {
  const message = err instanceof InputError ? err.message : `internal error: ${(err as Error)?.stack ?? err}`;
  return { findings: [], errors: [{ message }] };
}

/** Texts linted together share one ShellCheck process; this many keeps a batch's process short. */
const BATCH = 32;

/** Lints texts on the calling thread, a batch at a time. */
export function lintTexts(linter: Linter, tasks: readonly LintTask[]): LintOutput[] {
  const out: LintOutput[] = [];
  for (let i = 0; i < tasks.length; i += BATCH) out.push(...linter.lintTexts(tasks.slice(i, i + BATCH), failed));
  return out;
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Small generations per worker. The engine's garbage is short-lived, so collecting it often costs
 * little: on the corpus, V8's defaults held ~260 MB across the three isolates, these ~190 MB for
 * ~7% more time (an 8 MB young generation: ~205 MB). A file whose model outgrows the cap (a 10 MB
 * Dockerfile, say) ends its worker, and its batch is linted again on the calling thread, which has
 * V8's default limits.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 64 };

interface Batch {
  first: number;
  tasks: LintTask[];
}

/**
 * Lints texts on `jobs` worker threads, each with its own engine. Work goes out in batches (one
 * message and one ShellCheck process per batch), small enough that slow files do not hold up the
 * end of the run, with two batches in flight per worker so none waits for its next one. Results
 * come back in input order. A worker that dies (out of memory, or any other failure) loses
 * nothing: `here` lints its unfinished batches on the calling thread, and the rest once no
 * worker is left.
 */
export function lintInWorkers(
  tasks: LintTask[],
  jobs: number,
  here: (tasks: LintTask[]) => LintOutput[],
  limits: ResourceLimits = WORKER_LIMITS,
): Promise<LintOutput[]> {
  const Threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const size = Math.max(1, Math.min(BATCH, Math.floor(tasks.length / (jobs * 8))));
  return new Promise((resolve) => {
    const outputs: LintOutput[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const inFlight = new Map<Worker, Batch[]>();
    const finish = () => {
      const workers = [...inFlight.keys()];
      inFlight.clear();
      for (const w of workers) void w.terminate();
      resolve(outputs);
    };
    const store = (first: number, out: LintOutput[]) => {
      out.forEach((o, k) => (outputs[first + k] = o));
      done += out.length;
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const batch: Batch = { first: next, tasks: tasks.slice(next, next + size) };
      next += batch.tasks.length;
      inFlight.get(w)!.push(batch);
      w.postMessage(batch);
    };
    const lost = (w: Worker) => {
      const unfinished = inFlight.get(w);
      if (!unfinished) return;
      inFlight.delete(w);
      void w.terminate();
      for (const b of unfinished) store(b.first, here(b.tasks));
      if (inFlight.size === 0 && next < tasks.length) {
        store(next, here(tasks.slice(next)));
        next = tasks.length;
      }
      if (done === tasks.length) finish();
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Threads.Worker(path.join(__dirname, 'lint-worker.js'), { resourceLimits: limits });
      inFlight.set(w, []);
      w.on('message', (msg: { first: number; outputs: LintOutput[] }) => {
        const batches = inFlight.get(w);
        if (!batches) return;
        batches.splice(batches.findIndex((b) => b.first === msg.first), 1);
        store(msg.first, msg.outputs);
        if (done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', () => lost(w));
      w.on('exit', () => lost(w));
      feed(w);
      feed(w);
    }
  });
}
