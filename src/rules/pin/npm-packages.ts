import { defineRule } from '../../engine/rule';
import { isGlobalNodeInstall, managerCall, requestedPackages } from '../../engine/shell/packages';
import { MOVING_REFS, reportBranch, reportMoving, reportUnpinned } from './_packages';

/** A version or semver range (`1.2.3`, `^1.2`, `>=2 <3`, `v1`); anything else (`latest`, `next`, `*`) is a dist-tag or matches all. */
const SEMVER = /^[\^~<>=]*\s*v?\d/;

export default defineRule({
  meta: {
    id: 'pin/npm-packages',
    category: 'pin',
    severity: 'warning',
    description: 'Global `npm`/`yarn`/`pnpm` install of a package without `@version`: each build takes the newest release',
    aliases: ['DL3016'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        // Project installs are pinned by the project's lockfile; only global tool installs are judged.
        if (!call || !isGlobalNodeInstall(call)) return;
        for (const p of requestedPackages(call)) {
          const v = p.word.value ?? '';
          if (p.source === 'vcs') {
            // `file:`, `link:`, `workspace:` are local; `npm:` aliases name a registry package under another name.
            if (/^(file|link|workspace|npm):/.test(v)) continue;
            const hash = v.indexOf('#');
            const ref = hash < 0 ? undefined : v.slice(hash + 1);
            if (ref && !MOVING_REFS.has(ref)) continue;
            reportBranch(context, p.word, ref, '`<repository>#<tag-or-commit>`');
          } else if (p.source === 'registry') {
            if (!p.version) reportUnpinned(context, p.word, p.name, `${p.name}@<version>`);
            else if (!SEMVER.test(p.version)) reportMoving(context, p.word, `${p.name}@<version>`);
          }
        }
      },
    };
  },
});
