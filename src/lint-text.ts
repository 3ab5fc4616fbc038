import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
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
 * A small young generation per worker: the engine's garbage is short-lived, so collecting it
 * often costs little, and three isolates at V8's default would hold ~150 MB of it.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

interface Batch {
  first: number;
  tasks: LintTask[];
}

/**
 * Lints texts on `jobs` worker threads, each with its own engine. Work goes out in batches (one
 * message and one ShellCheck process per batch), small enough that slow files do not hold up the
 * end of the run, with two batches in flight per worker so none waits for its next one. Results
 * come back in input order.
 */
export function lintInWorkers(tasks: LintTask[], jobs: number): Promise<LintOutput[]> {
  const size = Math.max(1, Math.min(BATCH, Math.floor(tasks.length / (jobs * 8))));
  return new Promise((resolve, reject) => {
    const outputs: LintOutput[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    let failedOnce = false;
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(outputs);
    };
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const batch: Batch = { first: next, tasks: tasks.slice(next, next + size) };
      next += batch.tasks.length;
      w.postMessage(batch);
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(path.join(__dirname, 'lint-worker.js'), { resourceLimits: WORKER_LIMITS });
      workers.push(w);
      w.on('message', (msg: { first: number; outputs: LintOutput[] }) => {
        msg.outputs.forEach((o, k) => (outputs[msg.first + k] = o));
        done += msg.outputs.length;
        if (done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', (err) => {
        if (failedOnce) return;
        failedOnce = true;
        for (const other of workers) void other.terminate();
        reject(err);
      });
      feed(w);
      feed(w);
    }
  });
}
