import { defineRule } from '../../engine/rule';
import { variableRefs } from '../../engine/variables';
import { unquote } from './_operands';
import { platformParts } from './_platform';

export default defineRule({
  meta: {
    id: 'correctness/from-platform-constant',
    category: 'correctness',
    severity: 'warning',
    description: '`FROM --platform` with a constant value pins the stage to one platform and breaks multi-platform builds',
    aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const flag = stage.platform;
        if (!flag?.value || variableRefs(flag.value, model.escapeChar).length) return;
        const value = unquote(flag.value);
        const { os, arch } = platformParts(value);
        // A stage named after its platform (`build-arm64`) is one of a deliberate per-platform set.
        const name = stage.name?.toLowerCase() ?? '';
        if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) return;
        context.report({
          span: { start: flag.start, end: flag.end },
          message: `\`--platform=${value}\` pins this stage to ${value}, so a multi-platform build produces it for that platform only; drop the flag, or use \`$BUILDPLATFORM\`/\`$TARGETPLATFORM\``,
        });
      },
    };
  },
});
