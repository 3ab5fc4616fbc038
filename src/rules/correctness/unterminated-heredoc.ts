import { parseProblemRule } from './_parse-problem';

export default parseProblemRule('unterminated-heredoc', {
  id: 'correctness/unterminated-heredoc',
  category: 'correctness',
  severity: 'error',
  description: 'A heredoc whose delimiter line never comes: it swallows the rest of the file',
  aliases: [],
  fixable: false,
});
