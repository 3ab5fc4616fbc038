import { defineRule } from '../../engine/rule';
import { describeBase, judgedBase } from './_base-image';

export default defineRule({
  meta: {
    id: 'pin/base-image-digest',
    category: 'pin',
    severity: 'info',
    description: 'Base image pinned by tag but not by digest: a tag can be re-pushed',
    aliases: [],
    fixable: false,
    enabledByDefault: false,
  },
  create(context) {
    return {
      stage(stage) {
        const base = judgedBase(stage);
        if (!base || base.ref.digest !== undefined || base.ref.tag === undefined) return;
        context.report({
          span: base.span,
          message: `Base image ${describeBase(stage)} is not pinned by digest; append \`@sha256:<digest>\` so a re-pushed tag cannot change the build`,
        });
      },
    };
  },
});
