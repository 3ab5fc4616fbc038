import { defineRule } from '../../engine/rule';
import { chainInstructions } from './_stages';

export default defineRule({
  meta: {
    id: 'style/missing-healthcheck',
    category: 'style',
    severity: 'info',
    description: 'The image defines no HEALTHCHECK, so nothing tells an orchestrator when the service inside is broken',
    aliases: ['DL3057'],
    fixable: false,
    enabledByDefault: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const target = model.target;
        if (!target) return;
        // HEALTHCHECK NONE counts: it states a decision. A base image's own HEALTHCHECK cannot be seen from here.
        if (chainInstructions(target).some((i) => i.keyword === 'HEALTHCHECK')) return;
        const from = target.from;
        context.report({
          span: { start: from.keywordSpan.start, end: target.base.end },
          message: `The image built from ${target.name ? `stage \`${target.name}\`` : `\`${target.base.text}\``} has no HEALTHCHECK; add one that probes the service (or \`HEALTHCHECK NONE\` to state there is none)`,
        });
      },
    };
  },
});
