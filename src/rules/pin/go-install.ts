import { defineRule } from '../../engine/rule';
import type { Word } from '../../engine/shell/model';
import { managerCall } from '../../engine/shell/packages';
import { MOVING_REFS, reportMoving } from './_packages';

/**
 * Module queries that name no version: `latest`, `upgrade` and `patch` resolve to the newest
 * release, branch heads to the newest commit. Ranges (`@v1`, `@>=v1.2`) are accepted, as in the
 * other pin rules.
 */
function isMovingQuery(q: string): boolean {
  return q === '' || q === 'upgrade' || q === 'patch' || MOVING_REFS.has(q);
}

/** A remote module path: its first element is a domain (`golang.org/x/tools/...`), unlike `./cmd`, `std` or `all`. */
function isRemote(path: string): boolean {
  const first = path.split('/')[0];
  return first.includes('.') && !first.startsWith('.');
}

export default defineRule({
  meta: {
    id: 'pin/go-install',
    category: 'pin',
    severity: 'warning',
    description: '`go install`/`go get` of a module at `@latest` or a branch: each build takes whatever upstream holds',
    aliases: ['DL3062'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        const call = managerCall(cmd);
        if (!call || call.manager !== 'go') return;
        let targets: Word[];
        if (call.action === 'install' || call.action === 'get') targets = call.operands;
        // `go run pkg@version args...`: only the first operand is a package, the rest are the program's arguments.
        else if (call.action === 'run') targets = call.operands.slice(0, 1);
        else return;
        for (const word of targets) {
          const v = word.value;
          if (v === null) continue;
          const at = v.lastIndexOf('@');
          if (!isRemote(at < 0 ? v : v.slice(0, at))) continue;
          if (at < 0) {
            // Without `@`, install and run build the version the current module's go.mod requires;
            // get takes `@upgrade`, the newest release.
            if (call.action !== 'get') continue;
            context.report({
              span: { start: word.start, end: word.end },
              message: `\`go get ${v}\` without a version takes the newest release; pin one: \`${v}@<version>\``,
            });
          } else if (isMovingQuery(v.slice(at + 1))) {
            reportMoving(context, word, `${v.slice(0, at)}@<version>`);
          }
        }
      },
    };
  },
});
