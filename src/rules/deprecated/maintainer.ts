import type { DockerfileModel, Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';

/**
 * The LABEL that records the same author. MAINTAINER takes its text literally while LABEL values
 * are unquoted and expanded, so `"`, `$` and the escape character are escaped inside the quotes.
 */
function labelFor(model: DockerfileModel, instr: Instruction): string | undefined {
  const args = instr.args;
  if (args.length === 0) return undefined;
  const raw = model.text.slice(args[0].start, args[args.length - 1].end);
  if (/[\r\n]/.test(raw)) return undefined;
  const esc = model.escapeChar;
  let quoted = '';
  for (const ch of raw) quoted += ch === '"' || ch === '$' || ch === esc ? esc + ch : ch;
  const keyword = instr.keywordText === instr.keywordText.toLowerCase() ? 'label' : 'LABEL';
  return `${keyword} org.opencontainers.image.authors="${quoted}"`;
}

export default defineRule({
  meta: {
    id: 'deprecated/maintainer',
    category: 'deprecated',
    severity: 'warning',
    description: 'MAINTAINER is deprecated: record the author in the `org.opencontainers.image.authors` label',
    aliases: ['DL4000', 'MaintainerDeprecated'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      MAINTAINER(instr) {
        const label = labelFor(model, instr);
        context.report({
          span: instr.keywordSpan,
          message: `MAINTAINER is deprecated and sets a field tools no longer read; use \`${label ?? 'LABEL org.opencontainers.image.authors="..."'}\``,
          fix: label ? { description: 'Replace with the org.opencontainers.image.authors label', edits: [{ start: instr.start, end: instr.end, text: label }] } : undefined,
        });
      },
    };
  },
});
