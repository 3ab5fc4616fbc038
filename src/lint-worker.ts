import { parentPort } from 'node:worker_threads';
import type { LintOptions } from './engine/linter';
import { createLinter } from './index';
import { lintText } from './lint-text';

/** Worker thread of `lintInWorkers`: one engine, many texts. */
const linter = createLinter();

parentPort!.on('message', async (msg: { index: number; text: string; options: LintOptions }) => {
  const output = lintText(await linter, msg.text, msg.options);
  parentPort!.postMessage({ index: msg.index, output });
});
