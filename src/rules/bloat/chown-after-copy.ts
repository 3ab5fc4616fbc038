import { defineRule } from '../../engine/rule';
import type { ShellCommand, Word } from '../../engine/shell/model';
import { same } from '../../engine/paths';
import { relation, walkShippingRuns } from './_files';
import { baseName } from './_scope';

interface PermCall {
  tool: 'chown' | 'chmod' | 'chgrp';
  recursive: boolean;
  paths: Word[];
}

/** Reads chown/chgrp/chmod by hand: a chmod mode such as `-x` looks like an option to getopt. */
function permCall(cmd: ShellCommand): PermCall | undefined {
  const tool = baseName(cmd);
  if (tool !== 'chown' && tool !== 'chmod' && tool !== 'chgrp') return undefined;
  const letters = tool === 'chmod' ? 'Rcfv' : 'RcfvhHLP';
  let recursive = false;
  let reference = false;
  let options = true;
  const operands: Word[] = [];
  for (const w of cmd.args) {
    const v = w.value ?? w.text;
    if (options && v === '--') options = false;
    else if (options && v.startsWith('--')) {
      recursive ||= v === '--recursive';
      reference ||= v.startsWith('--reference');
    } else if (options && v.length > 1 && v[0] === '-' && [...v.slice(1)].every((c) => letters.includes(c))) {
      recursive ||= v.includes('R');
    } else operands.push(w);
  }
  // The first operand is the owner or mode, unless --reference stands for it.
  return { tool, recursive, paths: reference ? operands : operands.slice(1) };
}

const COPY_FLAG = { chown: '--chown=', chgrp: '--chown=', chmod: '--chmod=' };

export default defineRule({
  meta: {
    id: 'bloat/chown-after-copy',
    category: 'bloat',
    severity: 'warning',
    description: 'chown or chmod in a RUN on files a COPY or ADD added stores a second copy of them in a new layer',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        walkShippingRuns(model, (view) => {
          for (const cmd of view.run.run!.commands) {
            const perm = permCall(cmd);
            if (!perm) continue;
            const copies = view.added.filter((a) => !a.download);
            let hit: { path: string; keyword: string; line: number } | undefined;
            for (const word of perm.paths) {
              const path = view.pathOf(word, cmd);
              if (path === undefined) continue;
              // Changing one file copies that file up; changing a directory alone copies only the
              // directory entry, so only recursive changes reach what a directory COPY added.
              const added = copies.find((a) => {
                if (!perm.recursive) return a.file && same(path, a.path);
                const r = relation(path, a);
                return r === 'covers' || (r === 'inside' && !view.busySince(a, cmd));
              });
              if (added) {
                hit = { path: word.text, keyword: added.instr.keyword, line: model.lines.lineNumber(added.instr.start) };
                break;
              }
            }
            if (!hit) continue;
            const what = perm.recursive ? `\`${perm.tool} -R\`` : `\`${perm.tool}\``;
            context.report({
              span: { start: cmd.nameWord.start, end: cmd.end },
              message: `${what} on \`${hit.path}\` stores a second copy of what the ${hit.keyword} on line ${hit.line} added; set it with \`${hit.keyword} ${COPY_FLAG[perm.tool]}\` instead`,
            });
          }
        });
      },
    };
  },
});
