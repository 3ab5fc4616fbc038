import { defineRule } from '../../engine/rule';
import { hasOption, isInstall, managerCall } from '../../engine/shell/packages';
import { judged } from './_scope';

/** apt settings that already turn recommends off for the command. */
const OFF_SETTINGS = ['APT::Install-Recommends=false', 'APT::Install-Recommends=0', 'APT::Install-Recommends=no', 'APT::Install-Recommends "false"'];

export default defineRule({
  meta: {
    id: 'bloat/apt-no-install-recommends',
    category: 'bloat',
    severity: 'warning',
    description: '`apt-get install` without `--no-install-recommends` pulls in packages nobody asked for',
    aliases: ['DL3015'],
    fixable: true,
  },
  create(context) {
    return {
      command(cmd, run) {
        if (!judged(run)) return;
        const call = managerCall(cmd);
        if (!call || call.ecosystem !== 'apt' || call.manager === 'aptitude' || !isInstall(call) || !call.actionWord) return;
        if (hasOption(call, '--no-install-recommends')) return;
        if (call.options.some((o) => (o.name === '-o' || o.name === '--option') && OFF_SETTINGS.includes(o.value ?? ''))) return;
        const at = call.actionWord.end;
        context.report({
          span: { start: call.command.nameWord.start, end: call.actionWord.end },
          message: `\`${call.manager} install\` without \`--no-install-recommends\` also installs recommended packages`,
          fix: { description: 'Add --no-install-recommends', edits: [{ start: at, end: at, text: ' --no-install-recommends' }] },
        });
      },
    };
  },
});
