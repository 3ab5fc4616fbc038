import { defineRule } from '../../engine/rule';
import { isUpgrade, managerCall } from '../../engine/shell/packages';
import { judged } from './_scope';

/** Managers of the base system; `gem update` and the like upgrade the application's own packages. */
const SYSTEM = ['apt', 'apk', 'rpm', 'zypper'];

export default defineRule({
  meta: {
    id: 'bloat/package-upgrade',
    category: 'bloat',
    severity: 'info',
    description: "Upgrading all of the base image's packages adds a layer of changed files and ties the image to its build date",
    aliases: ['DL3005'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd, run) {
        if (!judged(run)) return;
        const call = managerCall(cmd);
        if (!call || !SYSTEM.includes(call.ecosystem) || !isUpgrade(call) || !call.actionWord) return;
        context.report({
          span: { start: cmd.nameWord.start, end: call.actionWord.end },
          message: `\`${call.manager} ${call.action}\` rewrites every outdated package of the base image into a new layer; rebuild on a newer base image tag instead`,
        });
      },
    };
  },
});
