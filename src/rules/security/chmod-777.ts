import { flagNamed } from '../../engine/model';
import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { baseName } from './_commands';

/**
 * Whether a chmod mode lets every user write: octal with the others-write bit (`777`, `0666`,
 * `-R 777`), or symbolic `o+w`, `a+rwx`, `a=rwx`. A sticky bit (`1777`, `+t`) is the usual and
 * safe setting for shared directories such as /tmp and is not reported; a mode without `o` or
 * `a` (`+w`) is filtered by the umask and does not reach others.
 */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    return (Number(digits[3]) & 2) !== 0 && (Number(digits[0]) & 1) === 0;
  }
  const clauses = mode.split(',');
  if (clauses.some((c) => /t/.test(c.replace(/^[ugoa]*/, '')))) return false;
  return clauses.some((c) => {
    const m = /^([ugoa]*)([-+=].*)$/.exec(c);
    if (!m || !/[oa]/.test(m[1])) return false;
    // Each `+w`/`=w` action after the who-list grants write; `-w` takes it away.
    return m[2].split(/(?=[-+=])/).some((action) => /^[+=][rwxXst]*w/.test(action));
  });
}

/** Where a command gives a mode: chmod's first operand, `mkdir -m`/`install -m`. */
function modeWord(cmd: ShellCommand): { word: Word; mode: string | null | undefined } | undefined {
  const name = baseName(cmd);
  if (name === 'chmod') {
    // Read by hand: a mode such as `-w` looks like an option to getopt.
    const word = cmd.args.find((w) => {
      const v = w.value ?? '';
      return !/^-[RcfvH]+$/.test(v) && !v.startsWith('--');
    });
    return word && { word, mode: word.value };
  }
  if (name === 'mkdir' || name === 'install') {
    const { options } = parseArgs(cmd.args, new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix', '-Z', '--context']));
    const m = options.find((o) => o.name === '-m' || o.name === '--mode');
    return m && { word: m.valueWord ?? m.word, mode: m.value };
  }
  return undefined;
}

const judged = (instr: Instruction) => !!instr.stage?.ships && !instr.stage.windows;

export default defineRule({
  meta: {
    id: 'security/chmod-777',
    category: 'security',
    severity: 'warning',
    description: 'A file or directory in the image is made writable by every user (`chmod 777`, `o+w`, `--chmod=777`)',
    aliases: [],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd, run) {
        if (!judged(run)) return;
        const found = modeWord(cmd);
        if (!found?.mode || !worldWritable(found.mode)) return;
        const { word, mode } = found;
        context.report({
          span: { start: word.start, end: word.end },
          message: `\`${baseName(cmd)}${baseName(cmd) === 'chmod' ? '' : ' -m'} ${mode}\` lets any user in the container change these files; give them to the user that needs them (\`chown\`) and use 755 or 775`,
        });
      },
      instruction(instr) {
        if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || !judged(instr)) return;
        const flag = flagNamed(instr, 'chmod');
        if (!flag?.value || !worldWritable(flag.value)) return;
        context.report({
          span: flag.valueSpan ?? flag,
          message: `\`${instr.keyword} --chmod=${flag.value}\` lets any user in the container change these files; use \`--chown\` with 755 or 644 instead`,
        });
      },
    };
  },
});
