import { defineRule } from '../../engine/rule';
import { PLATFORM_ARGS, closestName, declarations, refsIn } from './_variables';

/**
 * A FROM line sees only the ARGs declared before the first FROM (and BuildKit's platform
 * arguments). Any other name expands to nothing, and `--build-arg` cannot set it because
 * BuildKit only passes build arguments a Dockerfile declares.
 */
export default defineRule({
  meta: {
    id: 'correctness/undefined-arg-in-from',
    category: 'correctness',
    severity: 'warning',
    description: 'FROM uses a variable that no ARG before the first FROM declares',
    aliases: ['UndefinedArgInFrom'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const spans = [stage.base, stage.platform?.valueSpan].filter((s) => s !== undefined);
        const globals = model.globalArgs.flatMap((a) => a.args.map((arg) => arg.value.split('=')[0]));
        for (const span of spans) {
          for (const ref of refsIn(model, span.start, span.end)) {
            if (model.lookup(ref.name)) continue;
            const guess = closestName(ref.name, [...globals, ...PLATFORM_ARGS]);
            const inStage = declarations(model).some((d) => d.name === ref.name && d.instruction.keyword === 'ARG' && d.instruction.stage);
            const hint = guess
              ? `did you mean \`${guess}\`?`
              : inStage
                ? `an ARG inside a stage is not visible to FROM: declare \`ARG ${ref.name}\` before the first FROM`
                : `declare \`ARG ${ref.name}\` before the first FROM`;
            const effect = ref.hasFallback ? '`--build-arg` cannot set it' : 'it expands to an empty string';
            context.report({
              span: ref,
              message: `FROM uses \`${ref.name}\`, which no global ARG declares, so ${effect}; ${hint}`,
            });
          }
        }
      },
    };
  },
});
