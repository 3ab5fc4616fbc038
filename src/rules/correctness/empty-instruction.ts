import { parseProblemRule } from './_parse-problem';

export default parseProblemRule('empty-instruction', {
  id: 'correctness/empty-instruction',
  category: 'correctness',
  severity: 'error',
  description: 'An instruction without arguments: the build fails on it',
  aliases: [],
  fixable: false,
});
