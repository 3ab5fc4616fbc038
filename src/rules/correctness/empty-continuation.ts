import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'correctness/empty-continuation',
    category: 'correctness',
    severity: 'warning',
    description: 'A blank line inside a continued instruction: deprecated, and a future BuildKit will reject it',
    aliases: ['NoEmptyContinuation'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      instruction(instr) {
        for (const blank of instr.emptyContinuationLines) {
          const line = model.lines.lineOf(blank.start);
          // The whole physical line goes, newline included; the continuation then simply goes on.
          const end = line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : blank.end;
          context.report({
            span: blank,
            message: `Blank line ${line + 1} inside the continued ${instr.keyword}: BuildKit skips it but warns, and a future release will reject it; delete it`,
            fix: { description: 'Delete the blank line', edits: [{ start: model.lines.lineStart(line), end, text: '' }] },
          });
        }
      },
    };
  },
});
