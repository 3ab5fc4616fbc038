import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'correctness/instruction-before-from',
    category: 'correctness',
    severity: 'error',
    description: 'An instruction other than ARG before the first FROM, or a Dockerfile with no FROM at all',
    aliases: ['DL3061'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      instruction(instr) {
        if (instr.stage || instr.keyword === 'ARG' || instr.keyword === 'FROM' || !model.stages.length) return;
        context.report({
          span: instr.keywordSpan,
          message: `${instr.keyword} comes before the first FROM, where only ARG is allowed: the build fails; move it after the FROM`,
        });
      },
      end() {
        if (model.stages.length) return;
        const first = model.instructions[0];
        if (first) {
          context.report({ span: first.keywordSpan, message: 'This Dockerfile has no FROM instruction, so there is no stage to build; start a stage with FROM' });
          return;
        }
        // Comments, directives or nothing at all: BuildKit refuses the file.
        const comment = model.directives[0] ?? model.comments[0];
        context.report({
          span: comment ? { start: comment.start, end: comment.end } : { start: 0, end: 0 },
          message: 'This Dockerfile has no instructions, so there is nothing to build; add a FROM',
        });
      },
    };
  },
});
