import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ManagerCall } from '../../engine/shell/packages';
import type { Fix } from '../../engine/types';
import { installs, packageUse, type Family, type FamilyUse } from './_packages';
import { judged } from './_scope';

const LEFT: Record<Family, string> = {
  apt: 'the package lists',
  apk: 'the package index',
  rpm: 'its package cache',
  zypper: 'its package cache',
  pip: 'its download cache',
  npm: 'its download cache',
  yarn: 'its download cache',
  gem: 'generated documentation',
};

function advice(call: ManagerCall, family: Family): string {
  switch (family) {
    case 'apt':
      return 'end the RUN with `rm -rf /var/lib/apt/lists/*` or mount a cache there';
    case 'apk':
      return installs(call) ? 'use `apk add --no-cache`' : 'drop it, as `apk add --no-cache` fetches a fresh index anyway';
    case 'rpm':
      return `end the RUN with \`${call.manager} clean all\` or mount a cache there`;
    case 'zypper':
      return 'end the RUN with `zypper clean --all` or mount a cache there';
    case 'pip':
      return 'add `--no-cache-dir`';
    case 'npm':
      return 'end the RUN with `npm cache clean --force` or mount a cache there';
    case 'yarn':
      return 'end the RUN with `yarn cache clean` or mount a cache there';
    case 'gem':
      return 'add `--no-document`';
  }
}

/** Options that make the install itself leave nothing, inserted after the action word. */
const FLAG: Partial<Record<Family, string>> = { apk: '--no-cache', pip: '--no-cache-dir', gem: '--no-document' };

function fixFor(use: FamilyUse, run: Instruction): Fix | undefined {
  const scripts = run.run!.scripts;
  const flag = FLAG[use.family];
  if (flag) {
    // `apk update` writes the index too; a flag on `apk add` would not take it away.
    if (use.leaking.some((c) => !installs(c) || !c.actionWord)) return undefined;
    const edits = use.leaking.map((c) => {
      const at = c.actionWord!.end;
      const text = scripts[c.command.script]?.origin === 'exec-form' ? `, "${flag}"` : ` ${flag}`;
      return { start: at, end: at, text };
    });
    return { description: `Add ${flag}`, edits };
  }
  if (use.family !== 'apt') return undefined;
  const last = use.installs[use.installs.length - 1].command;
  if (use.refreshes.some((r) => r.command.start > last.start)) return undefined;
  // Appending is safe only where `&& rm` runs exactly when the install succeeded.
  if (scripts[last.script]?.origin !== 'shell-form' || last.conditional || last.substitution || last.pipeline) return undefined;
  if (last.redirects.length) return undefined;
  return {
    description: 'Remove the apt lists in the same RUN',
    edits: [{ start: last.end, end: last.end, text: ' && rm -rf /var/lib/apt/lists/*' }],
  };
}

export default defineRule({
  meta: {
    id: 'bloat/package-manager-cache',
    category: 'bloat',
    severity: 'warning',
    description: "A RUN installs packages and leaves the package manager's cache or index in its layer",
    aliases: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
    fixable: true,
  },
  create(context) {
    return {
      RUN(run) {
        if (!judged(run)) return;
        for (const use of packageUse(run, context.model).values()) {
          if (use.installs.length === 0 || use.leaking.length === 0) continue;
          const call = use.leaking.find(installs) ?? use.leaking[0];
          const label = call.action ? `${call.manager} ${call.action}` : call.manager;
          context.report({
            span: { start: call.command.nameWord.start, end: (call.actionWord ?? call.command.nameWord).end },
            message: `\`${label}\` leaves ${LEFT[use.family]} in the image layer; ${advice(call, use.family)}`,
            fix: fixFor(use, run),
          });
        }
      },
    };
  },
});
