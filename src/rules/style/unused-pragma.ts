import { UNUSED_PRAGMA_RULE } from '../../engine/linter';
import { defineRule } from '../../engine/rule';

/**
 * The check itself runs in the linter, after suppression, since only then is it known which
 * pragmas suppressed something; this module holds the rule's metadata and docs.
 */
export default defineRule({
  meta: {
    id: UNUSED_PRAGMA_RULE,
    category: 'style',
    severity: 'info',
    description: 'An inline ignore pragma that suppresses nothing: stale, misspelt, or on the wrong line',
    aliases: [],
    fixable: false,
    enabledByDefault: false,
  },
  create() {
    return {};
  },
});
