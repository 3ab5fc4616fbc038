import { parseProblemRule } from './_parse-problem';

export default parseProblemRule('unknown-instruction', {
  id: 'correctness/unknown-instruction',
  category: 'correctness',
  severity: 'error',
  description: 'An instruction BuildKit does not know: the build fails on it',
  aliases: [],
  fixable: false,
});
