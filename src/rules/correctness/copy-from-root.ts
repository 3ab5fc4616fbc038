import { parseImageRef, shortRepository } from '../../engine/image-ref';
import type { DockerfileModel, Instruction } from '../../engine/model';
import { normalizePath } from '../../engine/paths';
import { defineRule } from '../../engine/rule';
import { flagNamed, wordValue } from './_operands';

/** Tool images published to be copied whole into other stages: `COPY --from=xx / /` is their documented use. */
const WHOLE_COPY_IMAGES = new Set(['tonistiigi/xx', 'gloursdocker/docker']);

/** The `--from` source is not a full system: a stage rooted in `scratch`, a tool image meant for it, or unknown. */
function notASystem(model: DockerfileModel, ref: string, instr: Instruction): boolean {
  let root = model.stageByRef(ref, instr.stage!.index);
  if (!root) return WHOLE_COPY_IMAGES.has(shortRepository(parseImageRef(ref)));
  while (root.base.stage) root = root.base.stage;
  const { scratch, resolved, ref: image } = root.base;
  return scratch || resolved === undefined || (image !== undefined && WHOLE_COPY_IMAGES.has(shortRepository(image)));
}

export default defineRule({
  meta: {
    id: 'correctness/copy-from-root',
    category: 'correctness',
    severity: 'warning',
    description: '`COPY --from=<stage> / /` lays a whole filesystem over another one',
    aliases: ['DL3067'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const isRoot = (text: string, at: Instruction) => {
      const value = wordValue(model, text, at);
      return value !== undefined && value.startsWith('/') && normalizePath(value) === '/';
    };
    return {
      COPY(instr) {
        const from = flagNamed(instr, 'from');
        const dest = instr.copy?.destination;
        const stage = instr.stage;
        // Copying a whole stage into an empty `FROM scratch` stage is the deliberate way to squash layers.
        if (!from?.value || !dest || !stage || stage.base.scratch || !isRoot(dest.value, instr)) return;
        const root = instr.copy!.sources.find((s) => isRoot(s.value, instr));
        if (!root || notASystem(model, from.value, instr)) return;
        context.report({
          span: { start: root.start, end: dest.end },
          message: `\`COPY --from=${from.value} / /\` lays that image's entire filesystem (package database, /etc, libraries) over this stage's, mixing two systems; copy only the directories you need, or build FROM that stage`,
        });
      },
    };
  },
});
