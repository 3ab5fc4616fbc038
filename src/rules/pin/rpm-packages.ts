import { defineRule } from '../../engine/rule';
import { isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/rpm-packages',
    category: 'pin',
    severity: 'warning',
    description: '`yum`/`dnf`/`microdnf`/`tdnf install` of a package without `-version`: each build takes whatever the repository serves',
    aliases: ['DL3033', 'DL3041'],
    fixable: false,
    // Repositories drop superseded builds, so exact pins break builds: a strict-preset rule.
    enabledByDefault: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        // Groups (`groupinstall`, `@group`) and module streams have no package version to pin.
        if (!call || call.ecosystem !== 'rpm' || !isInstall(call) || call.action === 'groupinstall') return;
        for (const p of requestedPackages(call)) {
          if (p.source !== 'registry' || p.version) continue;
          // `perl(Foo::Bar)`, `dnf-command(config-manager)`: capabilities that some package provides, not package names.
          if (p.name.includes('(')) continue;
          reportUnpinned(context, p.word, p.name, `${p.name}-<version>`);
        }
      },
    };
  },
});
