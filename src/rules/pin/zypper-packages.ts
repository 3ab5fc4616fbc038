import { defineRule } from '../../engine/rule';
import { isInstall, managerCall, optionValue, requestedPackages } from '../../engine/shell/packages';
import { reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/zypper-packages',
    category: 'pin',
    severity: 'warning',
    description: '`zypper install` of a package without a version constraint: each build takes whatever the repository serves',
    aliases: ['DL3037'],
    fixable: false,
    // Repositories drop superseded builds, so exact pins break builds: a strict-preset rule.
    enabledByDefault: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        if (!call || call.ecosystem !== 'zypper' || !isInstall(call)) return;
        // Patterns, patches and products (`-t pattern`) are collections, not versioned packages.
        const type = optionValue(call, '-t', '--type');
        if (type !== undefined && type !== 'package') return;
        for (const p of requestedPackages(call)) {
          // `pattern:devel_basis`, `patch:...`: a kind prefix names something other than a package.
          if (p.source !== 'registry' || p.version || p.name.includes(':')) continue;
          reportUnpinned(context, p.word, p.name, `${p.name}=<version>`);
        }
      },
    };
  },
});
