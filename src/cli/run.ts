import * as fs from 'node:fs';
import { createLinter } from '../index';
import { EXIT_ERROR, main } from './main';

/** Process entry point: wires the CLI to the real process and sets the exit code once output is flushed. */
export function run(): void {
  main(
    process.argv.slice(2),
    {
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin: () => fs.readFileSync(0),
      env: process.env,
    },
    createLinter,
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`plimsoll: internal error: ${(err as Error)?.stack ?? err}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
