import { defineRule } from '../../engine/rule';
import { describeBase, judgedBase } from './_base-image';

export default defineRule({
  meta: {
    id: 'pin/base-image-tag',
    category: 'pin',
    severity: 'warning',
    description: 'Base image without a tag: the build takes whatever `latest` is today',
    aliases: ['DL3006'],
    fixable: false,
  },
  create(context) {
    return {
      stage(stage) {
        const base = judgedBase(stage);
        if (!base || base.ref.tag !== undefined || base.ref.digest !== undefined) return;
        context.report({
          span: base.span,
          message: `Base image ${describeBase(stage)} has no tag; pin a version such as \`${base.ref.repository}:<version>\``,
        });
      },
    };
  },
});
