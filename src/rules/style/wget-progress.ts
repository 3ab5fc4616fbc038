import { defineRule } from '../../engine/rule';
import { parseArgs } from '../../engine/shell/options';
import { baseName, inExecForm, insertWord, maybeBusybox } from './_commands';

/** GNU wget options that take a value; `-n` takes the letters of `-nv`, `-nc`, `-nd`. */
const VALUED = new Set([
  '-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-t', '--tries',
  '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file', '-w', '--wait', '--user',
  '--password', '-Q', '--quota', '-l', '--level', '-A', '-R', '-D', '-I', '-X', '--limit-rate', '--post-data',
  '--post-file', '--method', '--body-data', '--ca-certificate', '--certificate', '--private-key', '-B', '--base', '-n',
]);

/** Options after which wget prints no progress bar to the build log. */
const QUIET = new Set(['--progress', '-q', '--quiet', '--no-verbose', '-o', '--output-file', '-a', '--append-output']);

export default defineRule({
  meta: {
    id: 'style/wget-progress',
    category: 'style',
    severity: 'warning',
    description: '`wget` without a progress setting fills the build log with progress-bar lines',
    aliases: ['DL3047'],
    fixable: true,
  },
  create(context) {
    return {
      command(cmd, run) {
        if (baseName(cmd) !== 'wget') return;
        const { options } = parseArgs(cmd.args, VALUED);
        if (options.some((o) => QUIET.has(o.name) || (o.name === '-n' && o.value === 'v'))) return;
        // BusyBox wget (Alpine) has no --progress option.
        const gnu = !!run.stage && !maybeBusybox(run.stage);
        context.report({
          span: { start: cmd.nameWord.start, end: cmd.nameWord.end },
          message: gnu
            ? '`wget` draws a progress display that floods the build log; add `--progress=dot:giga`, or `-nv`/`-q` to print less'
            : '`wget` draws a progress display that floods the build log; add `-q` (`--progress` needs GNU wget, and this image may have BusyBox wget)',
          fix: gnu ? { description: 'Add --progress=dot:giga', edits: [insertWord(cmd.nameWord, '--progress=dot:giga', inExecForm(cmd, run))] } : undefined,
        });
      },
    };
  },
});
