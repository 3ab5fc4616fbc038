import { parentPort } from 'node:worker_threads';
import { createLinter } from './index';
import { lintTexts, type LintTask } from './lint-text';

/** Worker thread of `lintInWorkers`: one engine, many batches. */
const linter = createLinter();

parentPort!.on('message', async (msg: { first: number; tasks: LintTask[] }) => {
  parentPort!.postMessage({ first: msg.first, outputs: lintTexts(await linter, msg.tasks) });
});
