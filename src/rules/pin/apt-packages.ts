import { defineRule } from '../../engine/rule';
import { isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/apt-packages',
    category: 'pin',
    severity: 'warning',
    description: '`apt-get install` of a package without `=version`: each build takes whatever the mirror serves',
    aliases: ['DL3008'],
    fixable: false,
    // Debian and Ubuntu mirrors drop superseded versions, so exact pins break builds: a strict-preset rule.
    enabledByDefault: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        if (!call || call.ecosystem !== 'apt' || !isInstall(call)) return;
        for (const p of requestedPackages(call)) {
          if (p.source !== 'registry' || p.version) continue;
          const v = p.word.value ?? '';
          // `pkg-` asks apt to remove pkg; aptitude search patterns start with `~` or `?`.
          if (v.endsWith('-') || v.startsWith('~') || v.startsWith('?')) continue;
          reportUnpinned(context, p.word, p.name, `${p.name}=<version>`);
        }
      },
    };
  },
});
