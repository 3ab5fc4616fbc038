import { defineRule } from '../../engine/rule';
import { describeStage } from './_stage-refs';

export default defineRule({
  meta: {
    id: 'correctness/duplicate-stage-name',
    category: 'correctness',
    severity: 'error',
    description: 'Two stages with the same name (names are case-insensitive)',
    aliases: ['DL3024', 'DuplicateStageName'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        if (stage.name === undefined || !stage.nameSpan) return;
        const lower = stage.name.toLowerCase();
        const first = model.stages.find((s) => s.index < stage.index && s.name?.toLowerCase() === lower);
        if (!first) return;
        context.report({
          span: stage.nameSpan,
          message: `Stage name "${stage.name}" is already used by ${describeStage(model, first)}: \`FROM\` and \`--from\` references to it become ambiguous; rename one of the stages`,
        });
      },
    };
  },
});
