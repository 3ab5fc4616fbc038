import { defineRule } from '../../engine/rule';
import { hasVariable } from './_properties';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** What is wrong with a label key, by Docker's label guidelines; undefined when nothing is. */
function problem(key: string): string | undefined {
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return `uses the \`${reserved}\` namespace, which Docker reserves for itself`;
  if (/[^a-z0-9.-]/.test(key)) return 'should hold only lower-case letters, digits, `.` and `-`';
  if (!/^[a-z]/.test(key) || !/[a-z0-9]$/.test(key)) return 'should start with a lower-case letter and end with a letter or digit';
  if (key.includes('..') || key.includes('--')) return 'has consecutive separators';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'style/label-key',
    category: 'style',
    severity: 'style',
    description: 'A label key outside Docker\'s conventions: reserved namespace, upper case or odd characters, doubled separators',
    aliases: ['DL3048'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      LABEL(instr) {
        for (const kv of instr.properties) {
          if (kv.value === null || hasVariable(kv.name, model)) continue;
          const why = problem(kv.name);
          if (!why) continue;
          context.report({
            span: kv.nameSpan,
            message: `Label key \`${kv.name}\` ${why}; by convention keys are lower-case reverse-DNS names such as \`org.opencontainers.image.version\``,
          });
        }
      },
    };
  },
});
