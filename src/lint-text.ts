import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Linter, LintOptions } from './engine/linter';
import { InputError } from './engine/text';
import type { FileReport } from './formats/types';

/** What linting one file's text yields, as it crosses threads. */
export type LintOutput = Pick<FileReport, 'findings' | 'errors'>;

/** Lints one text; an exception (an engine bug, a bad --target) becomes a per-file error, not a crash. */
export function lintText(linter: Linter, text: string, options: LintOptions): LintOutput {
  try {
    return linter.lintText(text, options);
  } catch (err) {
    const message = err instanceof InputError ? err.message : `internal error: ${(err as Error)?.stack ?? err}`;
    return { findings: [], errors: [{ message }] };
  }
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Lints texts on `jobs` worker threads, each with its own engine, handing out one text at a time
 * so slow files do not hold up a whole batch. Results come back in input order.
 */
export function lintInWorkers(tasks: { text: string; options: LintOptions }[], jobs: number): Promise<LintOutput[]> {
  return new Promise((resolve, reject) => {
    const outputs: LintOutput[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    let failed = false;
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve(outputs);
    };
    const feed = (w: Worker) => {
      if (next < tasks.length) {
        const index = next++;
        w.postMessage({ index, ...tasks[index] });
      }
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(path.join(__dirname, 'lint-worker.js'));
      workers.push(w);
      w.on('message', (msg: { index: number; output: LintOutput }) => {
        outputs[msg.index] = msg.output;
        if (++done === tasks.length) finish();
        else feed(w);
      });
      w.on('error', (err) => {
        if (failed) return;
        failed = true;
        for (const other of workers) void other.terminate();
        reject(err);
      });
      feed(w);
    }
  });
}
