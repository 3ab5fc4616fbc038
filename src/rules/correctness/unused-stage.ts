import type { DockerfileModel } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { variableRefs } from '../../engine/variables';
import { flagNamed } from './_operands';
import { describeStage } from './_stage-refs';

/**
 * Some stage reference the model cannot follow (`FROM ${BASE}`, `--from=$X`, an ONBUILD trigger
 * that copies from a stage): any stage may be the one used.
 */
function unresolvedReference(model: DockerfileModel): boolean {
  const hasVariable = (text: string) => variableRefs(text, model.escapeChar).length > 0;
  return model.stages.some(
    (s) =>
      s.base.resolved === undefined ||
      s.instructions.some(
        (i) =>
          hasVariable(flagNamed(i, 'from')?.value ?? '') ||
          (i.trigger !== undefined && flagNamed(i.trigger, 'from') !== undefined) ||
          (i.run?.mounts ?? []).some((m) => hasVariable(m.options.from ?? '')),
      ),
  );
}

export default defineRule({
  meta: {
    id: 'correctness/unused-stage',
    category: 'correctness',
    severity: 'info',
    description: 'A stage the target does not use: a plain build skips it',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        // With --target the other stages are left out on purpose.
        const target = model.target;
        if (model.inputs.target || !target || unresolvedReference(model)) return;
        for (const stage of model.stages) {
          if (stage.reachable) continue;
          const used = `is not used by the target ${describeStage(model, target)}`;
          context.report(
            stage.name !== undefined && stage.nameSpan
              ? { span: stage.nameSpan, message: `Stage "${stage.name}" ${used}: a plain build skips it unless you build it with \`--target ${stage.name}\`` }
              : { span: { start: stage.base.start, end: stage.base.end }, message: `This unnamed stage ${used}, and without a name no \`--target\` can build it; remove it or name it` },
          );
        }
      },
    };
  },
});
