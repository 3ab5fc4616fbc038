import { defineRule } from '../../engine/rule';
import { matchCase } from './_casing';
import { replacing } from '../../engine/fixes';

/** Names of archives ADD unpacks (BuildKit actually sniffs the content; names are what a linter can see). */
const ARCHIVE = /\.(tar|tgz|tbz|tbz2|txz|tzst|tlz|gz|bz2|xz|zst|lz|lzma|lz4|zip)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

/** ADD flags COPY does not have. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    id: 'style/add-instead-of-copy',
    category: 'style',
    severity: 'warning',
    description: 'ADD of local files or directories: use COPY, which does only that',
    aliases: ['DL3020'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      ADD(instr) {
        const sources = instr.copy?.sources ?? [];
        if (sources.length === 0) return;
        const local: string[] = [];
        let other = false;
        for (const src of sources) {
          if (src.value.startsWith('<<')) {
            local.push(src.value);
            continue;
          }
          const e = model.expand(src.value, instr);
          if (e.unresolved.length) return;
          if (REMOTE.test(e.value) || ARCHIVE.test(e.value.replace(/\/+$/, ''))) other = true;
          else local.push(e.value);
        }
        if (local.length === 0) return;
        const names = local.map((s) => `\`${s}\``).join(', ');
        const them = local.length > 1 ? 'them' : 'it';
        const copy = matchCase('copy', instr.keywordText);
        const fixable = !other && !instr.flags.some((f) => ADD_ONLY.has(f.name.toLowerCase()));
        context.report({
          span: instr.keywordSpan,
          message: other
            ? `\`ADD\` of ${names} only copies ${them}; move ${them} to a \`COPY\`, which cannot unexpectedly download or unpack`
            : `\`ADD\` of ${names} only copies ${them}; use \`COPY\`, which cannot unexpectedly download or unpack`,
          fix: fixable ? { description: `Replace ADD with ${copy}`, edits: [replacing(instr.keywordSpan, copy)] } : undefined,
        });
      },
    };
  },
});
