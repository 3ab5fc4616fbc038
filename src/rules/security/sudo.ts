import { defineRule } from '../../engine/rule';
import type { Word } from '../../engine/shell/model';

const ELEVATORS = new Set(['sudo', 'doas']);
const isElevator = (w: Word) => ELEVATORS.has((w.value ?? '').replace(/^.*\//, ''));

export default defineRule({
  meta: {
    id: 'security/sudo',
    category: 'security',
    severity: 'warning',
    description: '`sudo` in a `RUN`: it needs a terminal or a sudoers entry, resets the environment, and keeps a privilege tool in the image',
    aliases: ['DL3004', 'DS-0010', 'CKV2_DOCKER_1'],
    fixable: false,
  },
  create(context) {
    return {
      command(cmd) {
        const word = cmd.wrappers.find(isElevator) ?? (isElevator(cmd.nameWord) ? cmd.nameWord : undefined);
        if (!word) return;
        const what = cmd.wrappers.includes(word) ? `\`${word.value} ${cmd.name}\`` : `\`${word.value}\``;
        context.report({
          span: { start: word.start, end: word.end },
          message: `${what} in a RUN: steps run as the USER in effect, so switch with \`USER root\` before it (and back after), or drop privileges with \`gosu\`/\`su-exec\``,
        });
      },
    };
  },
});
