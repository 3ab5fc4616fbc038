import { defineRule } from '../../engine/rule';
import { isLower, isUpper } from './_casing';
import { replacing } from '../../engine/fixes';

const KEYWORDS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

export default defineRule({
  meta: {
    id: 'style/instruction-casing',
    category: 'style',
    severity: 'warning',
    description: 'Instruction keywords written in mixed case, or in a different case than most of the file',
    aliases: ['ConsistentInstructionCasing'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const instrs = model.instructions.filter((i) => KEYWORDS.has(i.keyword));
        const lower = instrs.filter((i) => isLower(i.keywordText)).length;
        const upper = instrs.filter((i) => isUpper(i.keywordText)).length;
        // As in BuildKit, a tie goes to upper case.
        const wantLower = lower > upper;
        for (const i of instrs) {
          if (wantLower ? isLower(i.keywordText) : isUpper(i.keywordText)) continue;
          const text = wantLower ? i.keywordText.toLowerCase() : i.keywordText.toUpperCase();
          const mixed = !isLower(i.keywordText) && !isUpper(i.keywordText);
          context.report({
            span: i.keywordSpan,
            message: `\`${i.keywordText}\` is ${mixed ? 'in mixed case' : `${wantLower ? 'upper' : 'lower'} case`} while the file's instructions are mostly ${wantLower ? 'lower' : 'upper'} case; write \`${text}\``,
            fix: { description: `Write ${text}`, edits: [replacing(i.keywordSpan, text)] },
          });
        }
      },
    };
  },
});
