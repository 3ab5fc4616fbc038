import { defineRule } from '../../engine/rule';
import { hasOption, isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { reportBranch, reportUnpinned } from './_packages';

export default defineRule({
  meta: {
    id: 'pin/cargo-install',
    category: 'pin',
    severity: 'warning',
    description: '`cargo install` of a crate without a version, or from git without `--rev`/`--tag`: each build takes whatever upstream holds',
    aliases: [],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        if (!call || call.manager !== 'cargo' || !isInstall(call) || hasOption(call, '--path')) return;
        const git = call.options.find((o) => o.name === '--git');
        if (git) {
          // `--branch` names a moving head too; only a commit or a tag fixes what gets built.
          if (hasOption(call, '--rev', '--tag')) return;
          const word = git.valueWord ?? git.word;
          const branch = call.options.find((o) => o.name === '--branch')?.value ?? undefined;
          reportBranch(context, word, branch, '`--rev <commit>` or `--tag <tag>`');
          return;
        }
        // `--version` pins every crate of the command, even when its value is a variable; `--locked` only pins dependencies.
        if (hasOption(call, '--version', '--vers')) return;
        for (const p of requestedPackages(call)) {
          if (p.source !== 'registry' || p.version) continue;
          reportUnpinned(context, p.word, p.name, `${p.name}@<version>`);
        }
      },
    };
  },
});
