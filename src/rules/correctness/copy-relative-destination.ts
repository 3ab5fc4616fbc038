import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { isAbsolute, wordValue } from './_operands';
import { workdirBefore } from './_workdir';

export default defineRule({
  meta: {
    id: 'correctness/copy-relative-destination',
    category: 'correctness',
    severity: 'warning',
    description: "COPY or ADD to a relative destination before any WORKDIR: it lands in the base image's WORKDIR",
    aliases: ['DL3045'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const check = (instr: Instruction) => {
      const dest = instr.copy?.destination;
      if (!dest || !instr.stage) return;
      const value = wordValue(model, dest.value, instr);
      if (value === undefined || isAbsolute(value)) return;
      // `FROM scratch` starts in `/`: the destination is then known.
      const before = workdirBefore(model, instr);
      if (before.set || before.path !== undefined) return;
      context.report({
        span: { start: dest.start, end: dest.end },
        message: `${instr.keyword} to \`${value}\` with no WORKDIR set: it lands in the base image's WORKDIR, which can change under you; set WORKDIR first or use an absolute destination`,
      });
    };
    return { COPY: check, ADD: check };
  },
});
