import { normalizePath } from '../../engine/paths';
import { defineRule } from '../../engine/rule';
import { isAbsolute, isLiteral, wordValue } from './_operands';
import { workdirBefore, workdirText } from './_workdir';
import { replacing } from '../../engine/fixes';

export default defineRule({
  meta: {
    id: 'correctness/workdir-relative',
    category: 'correctness',
    severity: 'warning',
    description: "A relative WORKDIR: where it lands depends on the WORKDIR before it, possibly the base image's",
    aliases: ['DL3000', 'WorkdirRelativePath'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      WORKDIR(instr) {
        const text = workdirText(model, instr);
        if (!instr.stage || text === undefined) return;
        const value = wordValue(model, text, instr);
        if (!value || isAbsolute(value)) return;
        const span = { start: instr.args[0].start, end: instr.args[instr.args.length - 1].end };
        const before = workdirBefore(model, instr);
        if (before.path === undefined) {
          const against = before.set ? 'the WORKDIR set above, whose path is not known here' : "the base image's WORKDIR, which this Dockerfile does not control";
          context.report({ span, message: `WORKDIR \`${value}\` is relative to ${against}; write an absolute path` });
          return;
        }
        const absolute = normalizePath('./' + value, before.path)!;
        const quoted = /\s/.test(absolute) ? `"${absolute}"` : absolute;
        const safe = isLiteral(model, text) && !/["'`\\]/.test(absolute);
        context.report({
          span,
          message: `WORKDIR \`${value}\` is relative and resolves to \`${absolute}\`; write that absolute path`,
          fix: safe ? { description: `Write WORKDIR ${quoted}`, edits: [replacing(span, quoted)] } : undefined,
        });
      },
    };
  },
});
