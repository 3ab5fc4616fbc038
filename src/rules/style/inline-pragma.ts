import { readPragmas } from '../../engine/pragmas';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'style/inline-pragma',
    category: 'style',
    severity: 'info',
    description: 'An inline ignore comment hides findings at one place; for teams that want every exception in configuration',
    aliases: ['DL1001'],
    fixable: false,
    enabledByDefault: false,
  },
  create(context) {
    return {
      end() {
        // File-wide pragmas (`global ignore=`, the `# check=skip=` header) are configuration kept in the file.
        for (const p of readPragmas(context.model).pragmas) {
          if (p.scope === 'file') continue;
          context.report({
            span: { start: p.start, end: p.end },
            message: 'Inline ignore comment: fix the finding, or record the exception in the configuration file where it is reviewed with the others',
          });
        }
      },
    };
  },
});
