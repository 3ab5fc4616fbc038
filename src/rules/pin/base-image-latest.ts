import { defineRule } from '../../engine/rule';
import { describeBase, judgedBase, tagSpan } from './_base-image';

export default defineRule({
  meta: {
    id: 'pin/base-image-latest',
    category: 'pin',
    severity: 'warning',
    description: 'Base image tagged `latest`: the tag moves, so rebuilds change silently',
    aliases: ['DL3007'],
    fixable: false,
  },
  create(context) {
    return {
      stage(stage) {
        const base = judgedBase(stage);
        if (!base || base.ref.tag?.toLowerCase() !== 'latest' || base.ref.digest) return;
        context.report({
          span: tagSpan(stage) ?? base.span,
          message: `Base image ${describeBase(stage)} uses the moving tag \`latest\`; pin a version`,
        });
      },
    };
  },
});
