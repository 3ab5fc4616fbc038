import { defineRule } from '../../engine/rule';
import { hasOption, isInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { MOVING_REFS, reportBranch, reportUnpinned } from './_packages';

const VCS_SCHEME = /^(git|hg|svn|bzr)[+:]/;

/** The ref after `@` in the path of a VCS URL (`git+https://host/repo.git@v1.2#egg=x`); a user name before the host does not count. */
function vcsRef(url: string): string | undefined {
  const bare = url.split('#')[0];
  const scheme = bare.indexOf('://');
  const slash = bare.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  if (slash < 0) return undefined;
  const at = bare.lastIndexOf('@');
  return at > slash ? bare.slice(at + 1) : undefined;
}

export default defineRule({
  meta: {
    id: 'pin/pip-packages',
    category: 'pin',
    severity: 'warning',
    description: '`pip install` of a package without a version specifier: each build takes the newest release',
    aliases: ['DL3013'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd, run) {
        const call = managerCall(cmd);
        if (!call || call.manager !== 'pip' || !isInstall(call)) return;
        // A constraints file pins whatever the command installs; `--no-index` only installs wheels already at hand.
        if (hasOption(call, '-c', '--constraint', '--no-index')) return;
        if (cmd.assignments.some((a) => (a.value ?? a.text).startsWith('PIP_CONSTRAINT='))) return;
        if (context.model.lookup('PIP_CONSTRAINT', run)?.value) return;
        for (const p of requestedPackages(call)) {
          if (p.source === 'url' || p.source === 'vcs') {
            // `git+https://...` or `name @ git+https://...`: a VCS source is pinned by a ref; a plain URL names one archive.
            const url = p.version ?? p.name;
            if (!VCS_SCHEME.test(url)) continue;
            const ref = vcsRef(url);
            if (ref && !MOVING_REFS.has(ref)) continue;
            reportBranch(context, p.word, ref, '`<url>@<tag-or-commit>`');
            continue;
          }
          if (p.source !== 'registry' || p.version) continue;
          // Registry names start with a letter or digit and hold no `/`: anything else (`.[dev]`, `src/pkg`) is a local path.
          if (!/^[A-Za-z0-9]/.test(p.name) || p.name.includes('/')) continue;
          reportUnpinned(context, p.word, p.name, `${p.word.value}==<version>`);
        }
      },
    };
  },
});
