import type { Linter } from '../engine/linter';
import type { PlimsollConfig } from './types';

/**
 * Built-in presets. `recommended` is each rule's own default (what runs with no configuration);
 * `strict` turns on every rule, including those off by default: exact OS package pins, base
 * image digests, HEALTHCHECK, trusted registries, unused pragmas.
 */
export const PRESETS = ['plimsoll:recommended', 'plimsoll:strict'] as const;

export function preset(name: string, linter: Linter): PlimsollConfig | undefined {
  switch (name) {
    case 'plimsoll:recommended':
      return { rules: {} };
    case 'plimsoll:strict':
      return { rules: Object.fromEntries(linter.rules.map((r) => [r.meta.id, r.meta.severity] as const)) };
    default:
      return undefined;
  }
}
