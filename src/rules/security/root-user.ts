import { shortRepository } from '../../engine/image-ref';
import { defineRule } from '../../engine/rule';
import { chainRoot, effectiveUser, isRootUser } from './_users';

/** Image names that say the image already runs as an unprivileged user (`distroless/static:nonroot`). */
const NON_ROOT_NAME = /(^|[-_./:])(nonroot|non-root|rootless)([-_./:]|$)/i;

export default defineRule({
  meta: {
    id: 'security/root-user',
    category: 'security',
    severity: 'warning',
    description: 'The image runs as root: its last `USER` is `root` or `0`',
    aliases: ['DL3002', 'DS-0002', 'CKV_DOCKER_8'],
    fixable: false,
    options: {
      requireUser: {
        type: 'boolean',
        default: false,
        description:
          'Also report an image that never sets `USER` (it runs as its base image\'s user, root for most images), unless the base image is named `nonroot`/`rootless`',
      },
    },
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const target = model.target;
        if (!target) return;
        const user = effectiveUser(model);
        if (user) {
          if (user.user === undefined || !isRootUser(user.user, user.instr.stage?.windows ?? false)) return;
          const windows = user.instr.stage?.windows ?? false;
          context.report({
            span: user.span,
            message: windows
              ? `The image runs as \`${user.text}\`, the container administrator; switch to \`USER ContainerUser\` once the steps that need administrator rights are done`
              : `The image runs as root (\`USER ${user.text}\`); finish with \`USER <uid>\` of an unprivileged account once the steps that need root are done`,
          });
          return;
        }
        if (!context.options.requireUser || target.windows) return;
        const root = chainRoot(target);
        const ref = root.base.ref;
        if (ref && (NON_ROOT_NAME.test(shortRepository(ref)) || NON_ROOT_NAME.test(ref.tag ?? ''))) return;
        // Unknown base (`FROM $IMAGE` without a value): its user is unknown too.
        if (!ref && !root.base.scratch) return;
        context.report({
          span: { start: target.base.start, end: target.base.end },
          message: `No \`USER\` is set, so the image runs as the user of \`${root.base.resolved ?? root.base.text}\` (root for most images); add \`USER <uid>\` of an unprivileged account at the end`,
        });
      },
    };
  },
});
