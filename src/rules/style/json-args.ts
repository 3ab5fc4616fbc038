import type { DockerfileModel, Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { fromChain } from './_stages';

/** Words the shell passes through unchanged: no quotes, escapes, expansions, globs or operators. */
const PLAIN = /^[A-Za-z0-9_.,:@%+/=-]+$/;

/** Shell builtins and keywords: as the first word of an exec form there is no program to run. */
const SHELL_ONLY = new Set([
  'cd', '.', 'source', 'export', 'set', 'unset', 'eval', 'exit', 'trap', 'ulimit', 'umask', 'alias', 'readonly', 'shift',
  'wait', 'if', 'for', 'while', 'until', 'case', 'function', 'declare', 'local', 'typeset',
]);

/** Whether a SHELL instruction is in effect at `instr`: earlier in its stage or anywhere in the stages it is built FROM. */
function shellSet(instr: Instruction): boolean {
  const stage = instr.stage;
  if (!stage) return false;
  if (stage.instructions.some((i) => i.keyword === 'SHELL' && i.index < instr.index)) return true;
  return fromChain(stage).slice(1).some((s) => s.instructions.some((i) => i.keyword === 'SHELL'));
}

/** The exec form of a shell-form command line made of plain words, or undefined when converting could change it. */
function execForm(model: DockerfileModel, instr: Instruction): string | undefined {
  const args = instr.args;
  if (args.length === 0 || instr.heredocs.length || instr.stage?.windows) return undefined;
  const first = args[0];
  const last = args[args.length - 1];
  // A comment line inside the continuation would be lost by rewriting the span.
  if (model.comments.some((c) => c.start > first.start && c.end < last.end)) return undefined;
  const words = args.map((a) => a.value);
  if (!words.every((w) => PLAIN.test(w))) return undefined;
  if (words[0].includes('=') || SHELL_ONLY.has(words[0])) return undefined;
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

export default defineRule({
  meta: {
    id: 'style/json-args',
    category: 'style',
    severity: 'warning',
    description: 'CMD or ENTRYPOINT in shell form runs the program under a shell that does not pass signals on',
    aliases: ['DL3025', 'JSONArgsRecommended'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    const check = (instr: Instruction) => {
      if (instr.json || instr.args.length === 0 || shellSet(instr)) return;
      // `exec prog` makes the program replace the shell, so signals do reach it.
      if (instr.args[0].value === 'exec') return;
      const shell = instr.stage?.windows ? '`cmd /S /C`' : '`/bin/sh -c`';
      const json = execForm(model, instr);
      const first = instr.args[0];
      const last = instr.args[instr.args.length - 1];
      context.report({
        span: { start: first.start, end: last.end },
        message: `\`${instr.keyword}\` in shell form runs under ${shell}, which does not forward signals such as SIGTERM to the program; write it in JSON form${json ? `: \`${instr.keyword} ${json}\`` : ' (or set SHELL explicitly if a shell is wanted)'}`,
        fix: json ? { description: `Rewrite ${instr.keyword} in JSON form`, edits: [{ start: first.start, end: last.end, text: json }] } : undefined,
      });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});
