import { flagNamed } from '../../engine/model';
import { remoteKind } from '../../engine/remote';
import { defineRule } from '../../engine/rule';
import { copySources } from './_cache';

const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

/** A Git source pinned to a full commit hash (`#<sha>`, `#<sha>:subdir`, `?ref=<sha>`) is immutable. */
function pinnedToCommit(v: string): boolean {
  const hash = v.indexOf('#');
  if (hash >= 0) return COMMIT.test(v.slice(hash + 1).replace(/:.*$/, ''));
  const query = v.indexOf('?');
  if (query < 0) return false;
  const params = new URLSearchParams(v.slice(query + 1));
  return params.has('checksum') || COMMIT.test(params.get('ref') ?? '');
}

export default defineRule({
  meta: {
    id: 'cache/add-url',
    category: 'cache',
    severity: 'warning',
    description: '`ADD` of a remote URL without `--checksum`: fetched on every build and never verified',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      ADD(instr) {
        if (!!flagNamed(instr, 'checksum')) return;
        for (const src of copySources(instr)) {
          const expansion = model.expand(src.value, instr);
          if (expansion.unresolved.length) continue;
          const url = expansion.value;
          const shown = url === src.value ? `\`${url}\`` : `\`${src.value}\` (= \`${url}\`)`;
          const kind = remoteKind(url);
          if (kind === 'git') {
            if (pinnedToCommit(url)) continue;
            context.report({
              span: { start: src.start, end: src.end },
              message: `\`ADD\` of the Git ref ${shown} resolves the ref again on every build and takes whatever it points to; pin a full commit hash or add \`--checksum=<commit>\``,
            });
          } else if (kind === 'http') {
            context.report({
              span: { start: src.start, end: src.end },
              message: `\`ADD\` fetches ${shown} on every build to decide whether the cache still holds and never verifies it; add \`--checksum=sha256:<digest>\` or download it with \`RUN curl … && sha256sum -c\``,
            });
          }
        }
      },
    };
  },
});
