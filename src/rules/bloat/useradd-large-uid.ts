import { wordPath } from '../../engine/paths';
import { defineRule } from '../../engine/rule';
import { userCreation } from '../security/_users';
import { judged } from './_scope';

/** hadolint's threshold: from six digits on, the sparse lastlog and faillog files reach tens of megabytes. */
const LARGE_UID = 100_000;

export default defineRule({
  meta: {
    id: 'bloat/useradd-large-uid',
    category: 'bloat',
    severity: 'warning',
    description: '`useradd` with a large UID and without `-l` writes a huge sparse `/var/log/lastlog` into the layer',
    aliases: ['DL3046'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    return {
      command(cmd, run) {
        if (!judged(run)) return;
        const created = userCreation(cmd);
        if (created?.tool !== 'useradd' || !created.uid) return;
        if (created.options.some((o) => o.name === '-l' || o.name === '--no-log-init')) return;
        const { word, valueWord, value } = created.uid;
        const uid = valueWord ? wordPath(valueWord, model, run) : value;
        if (!uid || !/^\d+$/.test(uid) || Number(uid) < LARGE_UID) return;
        const at = cmd.nameWord.end;
        // In the exec form the command is a JSON array: the flag is one more string.
        const execForm = run.run?.scripts[cmd.script]?.origin === 'exec-form';
        context.report({
          span: { start: word.start, end: (valueWord ?? word).end },
          message: `\`useradd\` with UID ${uid} reserves lastlog and faillog entries for every lower UID, and the sparse files are stored in full in the layer; add \`-l\` (\`--no-log-init\`)`,
          fix: { description: 'Add -l to useradd', edits: [{ start: at, end: at, text: execForm ? ', "-l"' : ' -l' }] },
        });
      },
    };
  },
});
