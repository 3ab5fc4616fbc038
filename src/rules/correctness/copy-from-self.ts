import { defineRule } from '../../engine/rule';
import { flagNamed } from './_operands';
import { namesOwnStage } from './_stage-refs';

export default defineRule({
  meta: {
    id: 'correctness/copy-from-self',
    category: 'correctness',
    severity: 'error',
    description: '`COPY --from` names the stage the COPY is in',
    aliases: ['DL3023'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      COPY(instr) {
        const flag = flagNamed(instr, 'from');
        if (!flag?.value || !namesOwnStage(model, flag.value, instr)) return;
        context.report({
          span: { start: (flag.valueSpan ?? flag).start, end: (flag.valueSpan ?? flag).end },
          message: `\`--from=${flag.value}\` names the stage this COPY is in: a stage cannot copy from itself (BuildKit reports a circular dependency); copy from an earlier stage or from the build context`,
        });
      },
    };
  },
});
