import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { notASecret, secretName } from './_secrets';

export default defineRule({
  meta: {
    id: 'security/secret-in-arg-env',
    category: 'security',
    severity: 'warning',
    description: 'An `ARG` or `ENV` whose name says it holds a secret: build arguments and environment values are kept in the image',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv', 'DS-0031'],
    fixable: false,
  },
  create(context) {
    const check = (instr: Instruction) => {
      for (const p of instr.properties) {
        if (!secretName(p.name)) continue;
        // `ARG TOKEN` (given with --build-arg) and `ENV TOKEN=$TOKEN` carry a secret; `ENV TOKEN=`
        // clears one, and a switch or a path (`PASSWORD_AUTH=no`, `/run/secrets/token`) is none.
        if (p.value !== null && !p.value.includes('$') && notASecret(p.value)) continue;
        const id = p.name.toLowerCase();
        context.report({
          span: p.nameSpan,
          message:
            instr.keyword === 'ARG'
              ? `\`ARG ${p.name}\` looks like a secret, and build arguments are recorded in the image history and build metadata; pass it with \`--secret id=${id}\` and read it in \`RUN --mount=type=secret,id=${id}\``
              : `\`ENV ${p.name}\` looks like a secret, and ENV values are stored in the image config for anyone who pulls it; give it to the container at run time, or to a build step with \`RUN --mount=type=secret,id=${id}\``,
        });
      }
    };
    return { ARG: check, ENV: check };
  },
});
