import type { Word } from './model';

/**
 * Commands that run another command given as their arguments. For each: options that take a
 * value, and how many plain operands precede the command (`gosu USER cmd`, `timeout 10 cmd`).
 */
const WRAPPERS: Record<string, { valueOptions: string[]; operands?: number; assignments?: boolean; notWhen?: string[] }> = {
  sudo: { valueOptions: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '--user', '--group', '--prompt'] },
  doas: { valueOptions: ['-u', '-C'] },
  env: { valueOptions: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'], assignments: true },
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '-n', '-p'] },
  nohup: { valueOptions: [] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  command: { valueOptions: [], notWhen: ['-v', '-V'] },
  exec: { valueOptions: ['-a'] },
  xargs: {
    valueOptions: ['-n', '-L', '-P', '-I', '-d', '-E', '-s', '-a', '--max-args', '--max-lines', '--max-procs', '--delimiter', '--arg-file', '--replace', '--eof', '--max-chars'],
  },
  gosu: { valueOptions: [], operands: 1 },
  'su-exec': { valueOptions: [], operands: 1 },
  chroot: { valueOptions: ['--userspec', '--groups'], operands: 1 },
  timeout: { valueOptions: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  eatmydata: { valueOptions: [] },
  fakeroot: { valueOptions: [] },
  unbuffer: { valueOptions: [] },
  chronic: { valueOptions: [] },
  retry: { valueOptions: ['-t', '-d', '--times', '--delay'] },
};

/** Index of the word that is the command actually run, once wrappers are peeled off. */
export function peelWrappers(words: Word[]): number {
  let i = 0;
  for (let guard = 0; guard < 8 && i < words.length; guard++) {
    const spec = WRAPPERS[words[i].value ?? ''];
    if (!spec) return i;
    let j = i + 1;
    if (spec.notWhen && words[j] && spec.notWhen.includes(words[j].value ?? '')) return i;
    while (j < words.length) {
      const v = words[j].value ?? '';
      if (v === '--') {
        j++;
        break;
      }
      if (v.startsWith('-') && v.length > 1) {
        j += spec.valueOptions.includes(v) ? 2 : 1;
      } else if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
        j++;
      } else break;
    }
    j += spec.operands ?? 0;
    if (j >= words.length) return i;
    i = j;
  }
  return i;
}
