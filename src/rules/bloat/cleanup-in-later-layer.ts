import { defineRule } from '../../engine/rule';
import type { ManagerCall } from '../../engine/shell/packages';
import { cleanedFamilies, installs, packageUse, type Family } from './_packages';
import { shippingInstructions } from './_scope';

export default defineRule({
  meta: {
    id: 'bloat/cleanup-in-later-layer',
    category: 'bloat',
    severity: 'warning',
    description: 'A package cache is cleaned in a later RUN than the one that filled it, which cannot shrink the image',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        // The first install or refresh per family whose cache was committed with its layer.
        const committed = new Map<Family, ManagerCall>();
        for (const instr of shippingInstructions(model)) {
          if (!instr.run) continue;
          const uses = packageUse(instr, model);
          for (const cmd of instr.run.commands) {
            const family = cleanedFamilies(cmd, instr, model).find((f) => committed.has(f) && !uses.has(f));
            if (!family) continue;
            const earlier = committed.get(family)!;
            const line = model.lines.lineNumber(earlier.command.start);
            const label = earlier.action ? `${earlier.manager} ${earlier.action}` : earlier.manager;
            context.report({
              span: { start: cmd.nameWord.start, end: cmd.end },
              message: `This cleanup cannot shrink the image: the \`${label}\` on line ${line} already committed its cache to an earlier layer; move the cleanup into that RUN`,
            });
          }
          for (const [family, use] of uses) if (use.leaking.length && !committed.has(family)) committed.set(family, use.leaking.find(installs) ?? use.leaking[0]);
        }
      },
    };
  },
});
