import { defineRule } from '../../engine/rule';
import { variableRefs } from '../../engine/variables';
import { flagNamed } from './_operands';
import { closest, describeStage, namesOwnStage, stageNamed } from './_stage-refs';

export default defineRule({
  meta: {
    id: 'correctness/copy-from-unknown-stage',
    category: 'correctness',
    severity: 'warning',
    description: '`COPY --from` that names no earlier stage: a later stage, a missing index, a variable or a bare word pulled as an image',
    aliases: ['DL3022'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      COPY(instr) {
        const flag = flagNamed(instr, 'from');
        const stage = instr.stage;
        if (!flag?.value || !stage) return;
        const ref = flag.value;
        const { start, end } = flag.valueSpan ?? flag;
        const span = { start, end };
        const report = (message: string) => context.report({ span, message });
        if (variableRefs(ref, model.escapeChar).length) {
          report(`\`--from=${ref}\` uses a variable, which BuildKit does not expand there and the build fails; declare \`FROM ${ref} AS <name>\` (with a global ARG) and copy \`--from=<name>\``);
          return;
        }
        if (model.stageByRef(ref, stage.index) || namesOwnStage(model, ref, instr)) return;
        const later = stageNamed(model, ref);
        if (later) {
          report(`\`--from=${ref}\` names ${describeStage(model, later)}, which comes after this one: a stage can only copy from stages above it, so the build fails; move that stage up`);
          return;
        }
        if (/^\d+$/.test(ref)) {
          report(`\`--from=${ref}\` names no stage: this Dockerfile has stages 0 to ${model.stages.length - 1}, so the build fails`);
          return;
        }
        // A registry, tag, digest or path component makes it an explicit image reference.
        if (/[/:@.]/.test(ref)) return;
        const names = model.stages.filter((s) => s.index < stage.index && s.name !== undefined).map((s) => s.name!);
        const guess = closest(ref, names);
        const hint = guess ? `did you mean \`--from=${guess}\`?` : 'name an earlier stage, or write the image with a tag if you mean one';
        report(`\`--from=${ref}\` matches no stage, so unless the build passes \`--build-context ${ref}=...\` BuildKit pulls the image \`docker.io/library/${ref.toLowerCase()}:latest\`; ${hint}`);
      },
    };
  },
});
