import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { posixShellName, type ShellCommand, type ShellScript } from '../../engine/shell/model';

/** Commands that cannot fail in a way worth catching: `echo "$SUM  file" | sha256sum -c`. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** Whether shell options (`-o pipefail`, `-euo pipefail`) turn pipefail on, before any `-c`. */
function setsPipefail(argv: (string | null)[]): boolean {
  for (let i = 0; i < argv.length - 1; i++) {
    const a = argv[i];
    if (a === null || a === '-c' || /^-[a-z]*c[a-z]*$/.test(a)) return false;
    if (/^-[a-zA-Z]*o$/.test(a) && argv[i + 1] === 'pipefail') return true;
  }
  return false;
}

const baseName = (cmd: ShellCommand) => cmd.name.replace(/^.*\//, '');

export default defineRule({
  meta: {
    id: 'correctness/pipefail',
    category: 'correctness',
    severity: 'warning',
    description: 'A RUN pipes commands without pipefail: a failure before the last `|` does not fail the build',
    aliases: ['DL4006'],
    fixable: false,
  },
  create(context) {
    const { model } = context;

    /** Whether the shell running `script` was started with pipefail on. */
    function startedWithPipefail(script: ShellScript, index: number, run: Instruction): boolean {
      const info = run.run!;
      switch (script.origin) {
        case 'shell-form':
          return setsPipefail(info.shell);
        case 'heredoc':
          // A `#!` line runs the body with that interpreter, not the SHELL.
          return !model.text.startsWith('#!', script.start) && setsPipefail(info.shell);
        case 'nested': {
          if (run.json && index === 0) return setsPipefail(run.json.map((a) => a.value));
          // `bash -o pipefail -c '...'`, `bash -o pipefail <<EOF`: the last shell started before the script.
          let wrapper: ShellCommand | undefined;
          for (const cmd of info.commands) {
            if (cmd.script !== index && cmd.start <= script.start && posixShellName(cmd.name)) wrapper = cmd;
          }
          return !!wrapper && setsPipefail(wrapper.args.map((a) => a.value));
        }
        default:
          return false;
      }
    }

    return {
      RUN(run) {
        const info = run.run;
        if (!info?.posix && !run.json) return;
        for (const [index, script] of (info?.scripts ?? []).entries()) {
          if (startedWithPipefail(script, index, run)) continue;
          const sets = script.commands.filter((c) => c.name === 'set' && setsPipefail(c.args.map((a) => a.value)));
          const masked = script.commands.find(
            (c) =>
              c.pipeline !== undefined &&
              c.pipeline.index < c.pipeline.length - 1 &&
              !c.substitution &&
              !CANNOT_FAIL.has(baseName(c)) &&
              // A brace or parenthesis read as a command name is a parse artefact (`! { a | b; }`).
              !/^[{(]/.test(c.name) &&
              !sets.some((s) => s.start < c.start),
          );
          if (!masked) continue;
          const next = script.commands.find((c) => c.start > masked.end && c.pipeline?.index === masked.pipeline!.index + 1);
          const into = next ? ` into \`${baseName(next)}\`` : '';
          const advice =
            script.shell === 'sh' || script.shell === 'dash'
              ? 'use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail` first where /bin/sh supports it, as busybox does)'
              : script.origin === 'nested'
                ? `start that \`${script.shell}\` with \`-o pipefail\` or its script with \`set -o pipefail\``
                : 'add `-o pipefail` to the SHELL or run `set -o pipefail` first';
          context.report({
            span: { start: masked.start, end: masked.end },
            message: `\`${baseName(masked)}\` is piped${into} without pipefail, so its failure does not fail the build; ${advice}`,
          });
          return;
        }
      },
    };
  },
});
