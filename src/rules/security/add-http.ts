import { flagNamed } from '../../engine/model';
import { defineRule } from '../../engine/rule';

/** Addresses of the build host itself: nobody sits between the builder and them. */
const LOOPBACK = /^http:\/\/(localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1\])([:/?#]|$)/i;

export default defineRule({
  meta: {
    id: 'security/add-http',
    category: 'security',
    severity: 'warning',
    description: '`ADD` downloads over plain `http://` without `--checksum`: anyone on the network path can change the file',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      ADD(instr) {
        if (!!flagNamed(instr, 'checksum')) return;
        for (const src of instr.copy?.sources ?? []) {
          const url = model.expand(src.value, instr).value.replace(/^["']|["']$/g, '');
          if (!/^http:\/\//i.test(url) || LOOPBACK.test(url)) continue;
          context.report({
            span: { start: src.start, end: src.end },
            message: `\`ADD ${src.value}\` fetches the file without TLS, so it can be replaced on the way; use an \`https://\` URL, or pin its digest with \`--checksum=sha256:…\``,
          });
        }
      },
    };
  },
});
