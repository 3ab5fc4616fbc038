import { defineRule } from '../../engine/rule';
import { assignments, mayComeFromImage, refsIn, rootOf } from './_variables';

/**
 * BuildKit expands every value of an ENV instruction with the variables as they were before the
 * instruction, then sets them all. `ENV A=1 B=$A` gives B the old A (often empty), not 1.
 */
export default defineRule({
  meta: {
    id: 'correctness/env-self-reference',
    category: 'correctness',
    severity: 'error',
    description: 'A value of an ENV refers to a variable the same ENV sets: it gets the value from before the instruction',
    aliases: ['DL3044'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const written = (ref: { start: number; end: number }) => `\`${model.text.slice(ref.start, ref.end)}\``;
    return {
      ENV(instr) {
        if (!instr.stage) return;
        const pairs = assignments(instr);
        if (pairs.length < 2) return;
        pairs.forEach((pair, i) => {
          if (!pair.value) return;
          for (const ref of refsIn(model, pair.value.start, pair.value.end)) {
            const earlier = pairs.slice(0, i).map((p) => p.name).lastIndexOf(ref.name);
            const setAt = earlier >= 0 ? earlier : pairs.findIndex((p, j) => j > i && p.name === ref.name);
            if (setAt < 0) continue;
            const before = model.lookup(ref.name, instr);
            const fromImage = !before && mayComeFromImage(ref.name, rootOf(instr.stage!));
            if (setAt > i) {
              // `ENV OLD_PATH=$PATH PATH=/x` reads the old value on purpose; only an undefined one is a slip.
              if (before || fromImage) continue;
              context.report({
                span: { start: ref.start, end: ref.end },
                message: `${written(ref)} is empty: \`${ref.name}\` is set only later in this same ENV and was not defined before; set it in an earlier ENV`,
              });
              continue;
            }
            const setter = pairs[setAt].value;
            // Re-assigning the value it already had (`ARG V` then `ENV V=$V W=$V`) changes nothing.
            if (setter && (setter.text === `$${ref.name}` || setter.text === `\${${ref.name}}`)) continue;
            const assigned = setter ? model.expand(setter.text, instr).value : '';
            const old = before?.value;
            if (old !== undefined && old === assigned) continue;
            const was = fromImage
              ? `the base image's value of \`${ref.name}\`, if any`
              : !before
                ? `nothing (\`${ref.name}\` was not defined before)`
                : old === undefined
                  ? 'the value from before this ENV'
                  : `\`${old}\`, the value from before this ENV`;
            context.report({
              span: { start: ref.start, end: ref.end },
              message: `${written(ref)} gets ${was}, not the value this same ENV gives \`${ref.name}\`, because BuildKit expands all values before setting any; set \`${ref.name}\` in an earlier ENV`,
            });
          }
        });
      },
    };
  },
});
