import { defineRule } from '../../engine/rule';

const DEFAULTS = new Set(['$TARGETPLATFORM', '${TARGETPLATFORM}']);

export default defineRule({
  meta: {
    id: 'style/redundant-target-platform',
    category: 'style',
    severity: 'info',
    description: '`FROM --platform=$TARGETPLATFORM` asks for what FROM does anyway',
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const flag = stage.platform;
        if (!flag?.value || !DEFAULTS.has(flag.value.replace(/^"(.*)"$/, '$1'))) return;
        // A global `ARG TARGETPLATFORM=...` with a default of its own makes the flag mean something.
        const def = model.lookup('TARGETPLATFORM');
        if (def?.kind === 'ARG' && def.value !== undefined) return;
        const next = model.text[flag.end];
        context.report({
          span: { start: flag.start, end: flag.end },
          message: `\`--platform=${flag.value}\` is the default: FROM already pulls the image for the target platform, so remove the flag`,
          fix: { description: 'Remove --platform', edits: [{ start: flag.start, end: flag.end + (next === ' ' || next === '\t' ? 1 : 0), text: '' }] },
        });
      },
    };
  },
});
