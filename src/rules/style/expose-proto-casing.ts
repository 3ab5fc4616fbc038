import { defineRule } from '../../engine/rule';
import { hasVariable } from './_properties';

export default defineRule({
  meta: {
    id: 'style/expose-proto-casing',
    category: 'style',
    severity: 'warning',
    description: 'EXPOSE with an upper-case protocol (`80/TCP`): protocols are written in lower case',
    aliases: ['ExposeProtoCasing'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(instr) {
        for (const arg of instr.args) {
          const expansion = model.expand(arg.value, instr);
          const port = expansion.unresolved.length ? arg.value : expansion.value;
          const slash = port.lastIndexOf('/');
          const proto = slash < 0 ? '' : port.slice(slash + 1);
          if (proto === proto.toLowerCase()) continue;
          // Rewrite the protocol only when it is written literally after the last `/`.
          const written = arg.value.slice(arg.value.lastIndexOf('/') + 1);
          const literal = arg.value.includes('/') && written === proto && !hasVariable(written, model) && model.text.slice(arg.start, arg.end) === arg.value;
          const at = arg.end - written.length;
          context.report({
            span: { start: arg.start, end: arg.end },
            message: `Protocol \`${proto}\` in \`${port}\` should be lower case: write \`${port.slice(0, slash + 1)}${proto.toLowerCase()}\``,
            fix: literal ? { description: `Write ${proto.toLowerCase()}`, edits: [{ start: at, end: arg.end, text: proto.toLowerCase() }] } : undefined,
          });
        }
      },
    };
  },
});
