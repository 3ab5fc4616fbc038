import type { DockerfileModel, Instruction, Property } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/types';
import { rawValue } from '../style/_properties';

/**
 * `key=value` text that BuildKit reads as the same value the legacy `key value` gave, or undefined
 * when that cannot be written simply. The legacy value is the rest of the line, processed as one
 * word: without blanks, or quoted as a whole, it can stand as is; with blanks, and without quotes
 * or escapes to keep track of, double quotes keep it together and leave `$` expansion as it was.
 */
function modernText(model: DockerfileModel, kv: Property): string | undefined {
  const raw = rawValue(model, kv);
  if (raw === undefined || !kv.valueSpan) return undefined;
  // Rewriting across lines would drop comment lines and change continuation blanks.
  if (/[\r\n]/.test(model.text.slice(kv.nameSpan.start, kv.valueSpan.end))) return undefined;
  const keyText = model.text.slice(kv.nameSpan.start, kv.nameSpan.end);
  if (keyText !== kv.name || /["'$]/.test(kv.name) || kv.name.includes(model.escapeChar)) return undefined;
  const esc = model.escapeChar;
  const quotedWhole = (q: string) => raw.length >= 2 && raw.startsWith(q) && raw.endsWith(q) && !raw.slice(1, -1).includes(q) && !raw.includes(esc);
  if (!/\s/.test(raw) || quotedWhole('"') || quotedWhole("'")) return `${kv.name}=${raw}`;
  if (/["']/.test(raw) || raw.includes(esc)) return undefined;
  return `${kv.name}="${raw}"`;
}

export default defineRule({
  meta: {
    id: 'deprecated/legacy-key-value',
    category: 'deprecated',
    severity: 'warning',
    description: '`ENV key value` and `LABEL key value` (without `=`) are a deprecated form that reads the whole rest of the line as the value',
    aliases: ['LegacyKeyValueFormat'],
    fixable: true,
  },
  create(context) {
    const { model } = context;
    const check = (instr: Instruction) => {
      const [kv] = instr.properties;
      if (!kv?.legacy || !kv.valueSpan) return;
      const modern = modernText(model, kv);
      const edit: TextEdit | undefined = modern ? { start: kv.nameSpan.start, end: kv.valueSpan.end, text: modern } : undefined;
      context.report({
        span: { start: kv.nameSpan.start, end: kv.valueSpan.end },
        message: `\`${instr.keyword} ${kv.name} ...\` is the deprecated form without \`=\`; write \`${instr.keyword} ${modern ?? `${kv.name}="..."`}\``,
        fix: edit ? { description: `Write ${instr.keyword} ${kv.name}=...`, edits: [edit] } : undefined,
      });
    };
    return { ENV: check, LABEL: check };
  },
});
