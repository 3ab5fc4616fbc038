import { normalizePath, wordPath } from '../../engine/paths';
import { defineRule } from '../../engine/rule';
import type { Word } from '../../engine/shell/model';
import { parseArgs } from '../../engine/shell/options';
import { baseName } from './_commands';

const VALUED = new Set(['-t', '--target-directory', '-S', '--suffix']);
const SHELLS = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  meta: {
    id: 'style/shell-symlink',
    category: 'style',
    severity: 'warning',
    description: 'Replacing `/bin/sh` with a link to another shell: use the SHELL instruction instead',
    aliases: ['DL4005'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      command(cmd, run) {
        if (baseName(cmd) !== 'ln') return;
        const { options, operands } = parseArgs(cmd.args, VALUED);
        const path = (w: Word) => {
          const v = wordPath(w, model, run);
          return v === undefined ? undefined : normalizePath(v);
        };
        // With -t the links are named after their targets; a target named `sh` is not another shell.
        if (operands.length < 2 || options.some((o) => o.name === '-t' || o.name === '--target-directory')) return;
        const link = operands[operands.length - 1];
        if (!SHELLS.has(path(link) ?? '')) return;
        const shell = operands[0].value?.startsWith('/') ? operands[0].value : '/bin/bash';
        context.report({
          span: { start: cmd.nameWord.start, end: link.end },
          message: `Relinking \`/bin/sh\` swaps the shell under every script and package hook in the image; choose the shell of RUN instructions with \`SHELL ["${shell}", "-c"]\` instead`,
        });
      },
    };
  },
});
