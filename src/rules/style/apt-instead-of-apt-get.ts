import { defineRule } from '../../engine/rule';
import { managerCall } from '../../engine/shell/packages';
import { inExecForm, insertWord } from './_commands';

/** apt actions apt-get performs the same way, with the option apt-get needs to match, if any. */
const SAME_IN_APT_GET = new Map<string, string | undefined>([
  ['install', undefined],
  ['remove', undefined],
  ['purge', undefined],
  ['update', undefined],
  ['autoremove', undefined],
  ['dist-upgrade', undefined],
  ['clean', undefined],
  ['autoclean', undefined],
  // apt's upgrade also installs new dependencies, which apt-get does only when asked.
  ['upgrade', '--with-new-pkgs'],
]);

/** Where the same query lives in the stable tools. */
const QUERY_TOOL = new Map([
  ['search', 'apt-cache search'],
  ['show', 'apt-cache show'],
  ['policy', 'apt-cache policy'],
  ['list', 'dpkg-query -l'],
]);

export default defineRule({
  meta: {
    id: 'style/apt-instead-of-apt-get',
    category: 'style',
    severity: 'warning',
    description: '`apt` is meant for interactive use and its command line may change; scripts should use `apt-get`',
    aliases: ['DL3027'],
    fixable: true,
  },
  create(context) {
    return {
      command(cmd, run) {
        const call = managerCall(cmd);
        if (!call || call.manager !== 'apt') return;
        const word = cmd.nameWord;
        const action = call.action ?? '';
        const same = SAME_IN_APT_GET.has(action);
        const option = SAME_IN_APT_GET.get(action);
        const replacement = `apt-get ${action}${option ? ' ' + option : ''}`;
        // Rewrite only a plainly written name (`apt`, `/usr/bin/apt`), keeping its directory.
        const exec = inExecForm(cmd, run);
        const plain = word.value !== null && (exec || word.text === word.value);
        let fix;
        if (same && plain && call.actionWord) {
          const name = `${word.value}-get`;
          const edits = [{ start: word.start, end: word.end, text: exec ? JSON.stringify(name) : name }];
          if (option) edits.push(insertWord(call.actionWord, option, exec));
          fix = { description: `Use ${replacement}`, edits };
        }
        const query = QUERY_TOOL.get(action);
        const instead = same ? `\`${replacement}\`` : query ? `\`${query}\`` : '`apt-get` or `apt-cache`';
        context.report({
          span: { start: word.start, end: (call.actionWord ?? word).end },
          message: `\`apt${action ? ' ' + action : ''}\` is made for terminals and its behaviour and output may change between releases; use ${instead} in scripts`,
          fix,
        });
      },
    };
  },
});
