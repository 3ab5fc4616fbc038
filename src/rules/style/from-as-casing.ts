import { defineRule } from '../../engine/rule';
import { isLower, isUpper } from './_casing';

export default defineRule({
  meta: {
    id: 'style/from-as-casing',
    category: 'style',
    severity: 'warning',
    description: 'The `AS` of a FROM is cased differently from the `FROM` keyword',
    aliases: ['FromAsCasing'],
    fixable: true,
  },
  create(context) {
    return {
      stage(stage) {
        const from = stage.from.keywordText;
        const as = stage.from.args[1];
        if (!stage.nameSpan || !as) return;
        // A mixed-case FROM is instruction-casing's finding; there is no case to match.
        const want = isUpper(from) ? 'AS' : isLower(from) ? 'as' : undefined;
        if (!want || as.value === want) return;
        context.report({
          span: { start: as.start, end: as.end },
          message: `\`${as.value}\` does not match the case of \`${from}\`; write \`${want}\``,
          fix: { description: `Write ${want}`, edits: [{ start: as.start, end: as.end, text: want }] },
        });
      },
    };
  },
});
