import emptyInstruction from './empty-instruction';
import unknownFlag from './unknown-flag';
import unknownInstruction from './unknown-instruction';
import unterminatedHeredoc from './unterminated-heredoc';

export default [emptyInstruction, unknownFlag, unknownInstruction, unterminatedHeredoc];
