import type { Instruction } from '../../engine/model';
import { readPragmas } from '../../engine/pragmas';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'style/invalid-definition-description',
    category: 'style',
    severity: 'info',
    description: 'A comment right above an ARG or a named FROM that does not start with the name it would describe',
    aliases: ['InvalidDefinitionDescription'],
    fixable: false,
    enabledByDefault: false,
  },
  create(context) {
    const { model } = context;
    const pragmas = new Set(readPragmas(model).pragmas.map((p) => p.start));
    const check = (instr: Instruction, names: string[], what: string) => {
      if (names.length === 0) return;
      const line = model.lines.lineOf(instr.start);
      const comment = model.comments.find((c) => model.lines.lineOf(c.start) === line - 1);
      // An empty `#` line ends a description block; ignore pragmas are not descriptions.
      if (!comment || !comment.text || pragmas.has(comment.start)) return;
      if (names.includes(comment.text.split(' ')[0])) return;
      const example = names.length === 1 ? names[0] : '<name>';
      context.report({
        span: { start: comment.start, end: comment.end },
        message: `This comment is read as the description of ${what} but does not start with its name; begin it with \`# ${example} ...\`, or put a blank line between it and the instruction`,
      });
    };
    return {
      instruction(instr) {
        if (instr.keyword === 'ARG') {
          const names = instr.args.map((a) => a.value.split('=')[0]).filter(Boolean);
          check(instr, names, `\`ARG ${names.join(' ')}\``);
        } else if (instr.keyword === 'FROM' && instr.stage?.name) {
          // BuildKit lower-cases stage names before comparing.
          check(instr, [instr.stage.name.toLowerCase()], `stage \`${instr.stage.name}\``);
        }
      },
    };
  },
});
