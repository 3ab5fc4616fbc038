import type { DockerfileModel, Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { managerCall } from '../../engine/shell/packages';
import { familyOf, packageUse, type Family } from './_packages';
import { isQuick, judged } from './_scope';

const flagKey = (i: Instruction) => i.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join(' ');

/** A RUN given to one package family: its commands are that family's or quick ones. */
function onlyFamily(run: Instruction, family: Family): boolean {
  return run.run!.commands.every((c) => {
    const call = managerCall(c);
    return (call && familyOf(call) === family) || isQuick(c, run);
  });
}

/** The manager `b` installs with, when `a` installs with its family too and neither does anything else expensive. */
function sharedInstall(a: Instruction, b: Instruction, model: DockerfileModel): string | undefined {
  const inA = [...packageUse(a, model).values()].filter((u) => u.installs.length).map((u) => u.family);
  const use = [...packageUse(b, model).values()].find(
    (u) => u.installs.length && inA.includes(u.family) && onlyFamily(a, u.family) && onlyFamily(b, u.family),
  );
  return use?.installs[0].manager;
}

/** A shell-form (or heredoc) RUN whose body was read as POSIX shell. */
const mergeable = (i: Instruction | undefined) => i?.keyword === 'RUN' && !i.json && !!i.run?.posix && i.run.commands.length > 0;

export default defineRule({
  meta: {
    id: 'bloat/consecutive-run',
    category: 'bloat',
    severity: 'info',
    description: 'Two consecutive RUNs that are cheap and safe to merge add a layer for nothing',
    aliases: ['DL3059'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        const prev = model.instructions[run.index - 1];
        if (!judged(run) || !mergeable(run) || !mergeable(prev) || prev.stage !== run.stage) return;
        // Different --mount/--network/--security flags change what each body may do.
        if (flagKey(prev) !== flagKey(run)) return;
        const manager = sharedInstall(prev, run, model);
        if (manager) {
          context.report({
            span: run.keywordSpan,
            message: `This RUN installs with \`${manager}\` like the RUN just before it; merge them so the packages come in one layer with one index download`,
          });
        } else if (prev.run!.commands.every((c) => isQuick(c, prev)) && run.run!.commands.every((c) => isQuick(c, run))) {
          context.report({
            span: run.keywordSpan,
            message: 'This RUN and the one before it only run quick file and user commands; merge them into one RUN to save a layer',
          });
        }
      },
    };
  },
});
