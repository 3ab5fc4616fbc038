import type { Rule } from '../../engine/rule';

const rules: Rule[] = [];
export default rules;
