import type { Fix } from '../../engine/types';
import { defineRule } from '../../engine/rule';
import { wordPath } from '../../engine/paths';
import { effectiveUser, isRootUser, userCreation } from './_users';

export default defineRule({
  meta: {
    id: 'security/non-numeric-user',
    category: 'security',
    severity: 'info',
    description: 'The image\'s `USER` is a name, not a numeric UID: Kubernetes `runAsNonRoot` cannot verify a name',
    aliases: ['DL3066'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const user = effectiveUser(model);
        const windows = user?.instr.stage?.windows ?? false;
        if (!user?.user || windows || /^\d+$/.test(user.user) || isRootUser(user.user, false)) return;
        const name = user.user;
        // The UID is known when a shipping RUN creates the account with an explicit one.
        let uid: string | undefined;
        for (const stage of model.stages.filter((s) => s.ships)) {
          for (const instr of stage.instructions) {
            for (const cmd of instr.run?.commands ?? []) {
              const created = userCreation(cmd);
              if (created?.name !== name || !created.uid) continue;
              const value = created.uid.valueWord ? wordPath(created.uid.valueWord, model, instr) : created.uid.value;
              if (value && /^\d+$/.test(value)) uid = value;
            }
          }
        }
        // Rewrite only a literal `USER name[:group]`, keeping the group.
        let fix: Fix | undefined;
        if (uid && user.text === user.value) {
          const start = user.span.start;
          fix = { description: `Use the UID ${uid} of ${name}`, edits: [{ start, end: start + name.length, text: uid }] };
        }
        context.report({
          span: user.span,
          message: uid
            ? `\`USER ${user.text}\` names the account; write its UID (\`USER ${uid}${user.value!.slice(name.length)}\`) so that Kubernetes \`runAsNonRoot\` can check it is not root`
            : `\`USER ${user.text}\` names the account; write its numeric UID (create it with \`useradd -u 10001\`) so that Kubernetes \`runAsNonRoot\` can check it is not root`,
          fix,
        });
      },
    };
  },
});
