import type { Stage } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { ShellCommand } from '../../engine/shell/model';
import { baseName } from './_commands';

const TOOLS = new Set(['curl', 'wget']);

export default defineRule({
  meta: {
    id: 'style/wget-and-curl',
    category: 'style',
    severity: 'info',
    description: 'Both `wget` and `curl` are used in one image: settle on one download tool',
    aliases: ['DL4001'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    /** Per stage, the download tool its image used first (a stage built FROM another starts with its parent's). */
    const first = new Map<Stage, ShellCommand>();
    let reportedRun = -1;
    return {
      command(cmd, run) {
        const tool = baseName(cmd);
        const stage = run.stage;
        if (!TOOLS.has(tool) || !stage) return;
        let earlier = first.get(stage);
        for (let s = stage.base.stage; !earlier && s; s = s.base.stage) earlier = first.get(s);
        if (!earlier) {
          first.set(stage, cmd);
          return;
        }
        if (baseName(earlier) === tool || reportedRun === run.index) return;
        reportedRun = run.index;
        context.report({
          span: { start: cmd.nameWord.start, end: cmd.nameWord.end },
          message: `\`${tool}\` is used here but \`${baseName(earlier)}\` already is on line ${model.lines.lineNumber(earlier.start)}; use one download tool so the image needs only one`,
        });
      },
    };
  },
});
