import { defineRule } from '../../engine/rule';

/** Names BuildKit gives their own meaning: the empty image and the build context. */
const RESERVED: Record<string, string> = {
  scratch: '`FROM scratch` and `--from=scratch` always mean the empty image, never this stage',
  context: 'BuildKit reserves it for the build context',
};

export default defineRule({
  meta: {
    id: 'correctness/reserved-stage-name',
    category: 'correctness',
    severity: 'error',
    description: 'A stage named `scratch` or `context`, names BuildKit reserves',
    aliases: ['DL3063', 'ReservedStageName'],
    fixable: false,
  },
  create(context) {
    return {
      stage(stage) {
        const why = stage.name === undefined ? undefined : RESERVED[stage.name.toLowerCase()];
        if (!why || !stage.nameSpan) return;
        context.report({ span: stage.nameSpan, message: `Stage name "${stage.name}" is reserved: ${why}; rename the stage` });
      },
    };
  },
});
