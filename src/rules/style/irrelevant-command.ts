import { defineRule } from '../../engine/rule';
import { baseName } from './_commands';

/** Commands for a running, interactive system, with why they do nothing useful in a build step. */
const IRRELEVANT = new Map(Object.entries({
  ssh: 'opens a remote session',
  vim: 'is an interactive editor',
  nano: 'is an interactive editor',
  shutdown: 'stops a machine',
  service: 'starts a service that will not be running in the image',
  ps: 'lists processes of a build container that is about to go away',
  top: 'watches processes interactively',
  free: 'reports memory of the build machine',
  kill: 'signals processes of a build container that is about to go away',
  mount: 'creates mounts that do not end up in the image',
  ifconfig: 'configures network interfaces of the build container',
}));

export default defineRule({
  meta: {
    id: 'style/irrelevant-command',
    category: 'style',
    severity: 'info',
    description: 'A command that makes no sense in a build step (`ssh`, `vim`, `service`, `ps`, `kill`...)',
    aliases: ['DL3001'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd, run) {
        const name = baseName(cmd);
        const why = IRRELEVANT.get(name);
        if (!why) return;
        // With the build's SSH agent mounted, ssh is how a build reaches private hosts.
        if (name === 'ssh' && run.run?.mounts.some((m) => m.type === 'ssh')) return;
        context.report({
          span: { start: cmd.nameWord.start, end: cmd.nameWord.end },
          message: `\`${name}\` ${why}: a RUN step only changes files of the image, so remove it (or move it to the container's entrypoint)`,
        });
      },
    };
  },
});
