import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'correctness/multiple-instructions',
    category: 'correctness',
    severity: 'warning',
    description: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: all but the last are ignored',
    aliases: ['DL3012', 'DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    const { lines } = model;
    let seen = new Map<string, Instruction>();
    const check = (instr: Instruction) => {
      const earlier = seen.get(instr.keyword);
      seen.set(instr.keyword, instr);
      if (!earlier || !instr.stage) return;
      // Whole lines go, so no blank line is left where the instruction was.
      const lastLine = lines.lineOf(earlier.end);
      const end = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : earlier.end;
      context.report({
        span: earlier.keywordSpan,
        message: `This ${earlier.keyword} is overridden by the ${instr.keyword} on line ${lines.lineNumber(instr.start)}: only the last one in a stage takes effect; remove this one`,
        fix: { description: `Remove the overridden ${earlier.keyword}`, edits: [{ start: lines.lineStart(lines.lineOf(earlier.start)), end, text: '' }] },
      });
    };
    return {
      stage() {
        seen = new Map();
      },
      CMD: check,
      ENTRYPOINT: check,
      HEALTHCHECK: check,
    };
  },
});
