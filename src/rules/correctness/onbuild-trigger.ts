import { defineRule } from '../../engine/rule';

/** Instructions ONBUILD cannot defer: the build fails on them. */
const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    id: 'correctness/onbuild-trigger',
    category: 'correctness',
    severity: 'error',
    description: 'ONBUILD with no instruction, or triggering ONBUILD, FROM or MAINTAINER',
    aliases: ['DL3043'],
    fixable: false,
  },
  create(context) {
    return {
      ONBUILD(instr) {
        const trigger = instr.trigger;
        if (!trigger) {
          if (!instr.args.length) context.report({ span: instr.keywordSpan, message: 'ONBUILD needs the instruction it triggers (`ONBUILD RUN ...`); the build fails without one' });
          return;
        }
        if (!DISALLOWED.has(trigger.keyword)) return;
        context.report({
          span: trigger.keywordSpan,
          message: `\`ONBUILD ${trigger.keywordText}\` is not allowed: BuildKit refuses ${trigger.keyword} as an ONBUILD trigger and the build fails; remove it`,
        });
      },
    };
  },
});
