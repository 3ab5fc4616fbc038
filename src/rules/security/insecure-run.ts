import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'security/insecure-run',
    category: 'security',
    severity: 'warning',
    description: '`RUN --security=insecure` runs the step without the container sandbox, with full access to the build host',
    aliases: [],
    fixable: false,
  },
  create(context) {
    return {
      RUN(instr) {
        const flag = instr.flags.find((f) => f.name.toLowerCase() === 'security' && f.value?.toLowerCase() === 'insecure');
        if (!flag) return;
        context.report({
          span: { start: flag.start, end: flag.end },
          message: '`--security=insecure` runs this step as a privileged container that can reach the build host\'s devices and kernel; do the work without it, or in a separate build you trust',
        });
      },
    };
  },
});
