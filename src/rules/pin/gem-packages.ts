import { defineRule } from '../../engine/rule';
import { hasOption, isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/gem-packages',
    category: 'pin',
    severity: 'warning',
    description: '`gem install` of a gem without a version: each build takes the newest release',
    aliases: ['DL3028'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        // `-v` pins every gem of the command, even when its value is a variable.
        if (!call || call.manager !== 'gem' || !isInstall(call) || hasOption(call, '-v', '--version')) return;
        for (const p of requestedPackages(call)) {
          if (p.source !== 'registry' || p.version) continue;
          reportUnpinned(context, p.word, p.name, `${p.name}:<version>`);
        }
      },
    };
  },
});
