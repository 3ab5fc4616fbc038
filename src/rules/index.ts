import type { Rule } from '../engine/rule';
import bloat from './bloat';
import cache from './cache';
import correctness from './correctness';
import deprecated from './deprecated';
import pin from './pin';
import security from './security';
import style from './style';
import unusedPragma from './style/unused-pragma';

/** Every rule plimsoll ships, by family. */
export const allRules: readonly Rule[] = [...pin, ...bloat, ...security, ...cache, ...correctness, ...style, ...deprecated, unusedPragma];
