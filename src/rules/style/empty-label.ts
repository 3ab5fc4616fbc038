import { defineRule } from '../../engine/rule';
import { hasVariable, rawValue } from './_properties';

export default defineRule({
  meta: {
    id: 'style/empty-label',
    category: 'style',
    severity: 'info',
    description: 'A label set to an empty value',
    aliases: ['DL3051'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      LABEL(instr) {
        for (const kv of instr.properties) {
          // `LABEL a=$VERSION` may well be empty, but only the build knows.
          if (kv.value !== '' || hasVariable(rawValue(model, kv) ?? '', model)) continue;
          context.report({
            span: { start: kv.nameSpan.start, end: kv.valueSpan?.end ?? kv.nameSpan.end },
            message: `Label \`${kv.name}\` is empty; give it a value, or remove it (setting it empty is only useful to blank a label inherited from the base image)`,
          });
        }
      },
    };
  },
});
