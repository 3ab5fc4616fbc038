import { parseProblemRule } from './_parse-problem';

export default parseProblemRule('unknown-flag', {
  id: 'correctness/unknown-flag',
  category: 'correctness',
  severity: 'error',
  description: 'A flag the instruction does not accept: the build fails on it',
  aliases: [],
  fixable: false,
});
