import { defineRule } from '../../engine/rule';
import { baseName } from './_commands';

export default defineRule({
  meta: {
    id: 'style/cd-instead-of-workdir',
    category: 'style',
    severity: 'warning',
    description: '`cd` in a RUN changes directory for that RUN only; use WORKDIR to set the directory',
    aliases: ['DL3003'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        // `$(cd dir && pwd)` computes a path rather than moving the build around.
        if (baseName(cmd) !== 'cd' || cmd.substitution) return;
        const to = cmd.args.find((a) => a.value === null || !a.value.startsWith('-'));
        const where = to?.value ? ` \`WORKDIR ${to.value}\`` : ' WORKDIR';
        context.report({
          span: { start: cmd.nameWord.start, end: (to ?? cmd.nameWord).end },
          message: `\`cd\` lasts only until the end of this RUN and hides where later commands run; set the directory with${where} instead`,
        });
      },
    };
  },
});
