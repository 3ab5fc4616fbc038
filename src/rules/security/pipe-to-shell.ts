import { defineRule } from '../../engine/rule';
import type { ShellCommand } from '../../engine/shell/model';
import { baseName, downloadsToStdout, pipedInto, programSource } from './_commands';

/** Builtins that run their argument as code: `eval "$(curl …)"`, `. <(curl …)`. */
const EVALUATORS = new Set(['eval', 'source', '.']);

export default defineRule({
  meta: {
    id: 'security/pipe-to-shell',
    category: 'security',
    severity: 'warning',
    description: 'A script downloaded with curl or wget is run straight away (`curl … | sh`), without checking what arrived',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const report = (runner: ShellCommand, downloader: ShellCommand, how: string) =>
      context.report({
        span: { start: runner.nameWord.start, end: runner.nameWord.end },
        message: `\`${baseName(runner)}\` runs what \`${baseName(downloader)}\` ${how} without any check of its content; download it to a file, verify its checksum or signature, then run it`,
      });
    return {
      command(cmd, run) {
        const source = programSource(cmd);
        const commands = run.run?.commands ?? [];
        if (source && 'stdin' in source) {
          const downloader = pipedInto(cmd, run).find(downloadsToStdout);
          if (downloader) report(cmd, downloader, 'pipes into it');
          return;
        }
        // `sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(curl …)"`: the download is the program.
        const words = source ? [source.word] : EVALUATORS.has(cmd.name) ? cmd.args : [];
        for (const word of words) {
          const downloader = commands.find(
            (c) => c !== cmd && c.substitution && c.start >= word.start && c.end <= word.end && downloadsToStdout(c),
          );
          if (downloader) {
            report(cmd, downloader, 'fetches');
            return;
          }
        }
      },
    };
  },
});
