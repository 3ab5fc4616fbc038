import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import { isLabelType, TYPE_NAMES, validLabelValue, type LabelType } from './_label-types';
import { hasVariable, rawValue } from './_properties';
import { chainInstructions } from './_stages';

/** OCI image annotations whose value has a defined form. */
const OCI_FORMATS: Record<string, LabelType> = {
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.documentation': 'url',
  'org.opencontainers.image.licenses': 'spdx',
};

export default defineRule({
  meta: {
    id: 'style/label-schema',
    category: 'style',
    severity: 'warning',
    description: 'Label values of the wrong form (dates, URLs, licenses...), and labels the configured schema requires but the image lacks',
    aliases: ['DL3049', 'DL3050', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
    fixable: false,
    options: {
      schema: {
        type: 'record',
        default: {},
        description: 'Required labels, each with the type its value must have: text, url, rfc3339, semver, hash, spdx or email',
      },
      formats: {
        type: 'record',
        default: OCI_FORMATS,
        description: 'Labels whose values are checked when present (not required), each with its type; by default the OCI annotations that have a defined form',
      },
      strict: { type: 'boolean', default: false, description: 'Also report labels that are not in the schema' },
    },
  },
  create(context) {
    const { model } = context;
    const read = (option: unknown) =>
      new Map(Object.entries((option ?? {}) as Record<string, unknown>).map(([key, type]): [string, LabelType] => [key, isLabelType(type) ? type : 'text']));
    const schema = read(context.options.schema);
    const types = new Map([...read(context.options.formats), ...schema]);
    const strict = context.options.strict === true;
    const check = (instr: Instruction) => {
      for (const kv of instr.properties) {
        if (kv.value === null) continue;
        const type = types.get(kv.name);
        if (strict && schema.size > 0 && !schema.has(kv.name)) {
          context.report({ span: kv.nameSpan, message: `Label \`${kv.name}\` is not in the label schema; remove it or add it to the schema` });
          continue;
        }
        if (!type) continue;
        // A value from a build argument is only known at build time.
        if (type === 'text' || hasVariable(rawValue(model, kv) ?? '', model) || validLabelValue(type, kv.value)) continue;
        context.report({
          span: kv.valueSpan && kv.valueSpan.end > kv.valueSpan.start ? kv.valueSpan : kv.nameSpan,
          message: `Label \`${kv.name}\` should be ${TYPE_NAMES[type]}, but is \`${kv.value}\``,
        });
      }
    };
    return {
      LABEL: check,
      end() {
        const target = model.target;
        if (!target || schema.size === 0) return;
        const present = new Set(
          chainInstructions(target)
            .filter((i) => i.keyword === 'LABEL')
            .flatMap((i) => i.properties.map((kv) => kv.name)),
        );
        for (const key of schema.keys()) {
          if (present.has(key)) continue;
          context.report({
            span: { start: target.from.keywordSpan.start, end: target.base.end },
            message: `The image has no label \`${key}\`, which the label schema requires; add \`LABEL ${key}=...\``,
          });
        }
      },
    };
  },
});
