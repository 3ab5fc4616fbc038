import { defineRule } from '../../engine/rule';
import { isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/apk-packages',
    category: 'pin',
    severity: 'warning',
    description: '`apk add` of a package without a version constraint: each build takes whatever the mirror serves',
    aliases: ['DL3018'],
    fixable: false,
    // Alpine mirrors keep only the current version of each package, so exact pins break builds: a strict-preset rule.
    enabledByDefault: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        if (!call || call.ecosystem !== 'apk' || !isInstall(call)) return;
        for (const p of requestedPackages(call)) {
          // `!pkg` is a conflict: it keeps a package out rather than installing one.
          if (p.source !== 'registry' || p.version || p.name.startsWith('!')) continue;
          // A `@tag` (repository tag) stays in place: the constraint is `name@tag=version`.
          reportUnpinned(context, p.word, p.name, `${p.name}=<version>`);
        }
      },
    };
  },
});
