import type { Rule } from '../engine/rule';
import bloat from './bloat';
import cache from './cache';
import correctness from './correctness';
import pin from './pin';
import unusedPragma from './style/unused-pragma';

/** Every rule plimsoll ships, by family. */
export const allRules: readonly Rule[] = [...pin, ...bloat, ...cache, ...correctness, unusedPragma];
