/**
 * dockerfile-ast, re-exported with one change: an instruction's arguments are scanned once.
 *
 * The library re-scans the instruction text on every `getArguments()`, and its own accessors
 * (flags, heredocs, JSON strings, ranges) call it again and again: five to eight scans per
 * instruction, the largest single cost of building the model on the corpus. The scan depends only
 * on the instruction's own text and range, fixed at construction, and plimsoll never edits the
 * tree, so the first result is kept. Callers may shift the array they get (the library does), so
 * each gets a copy.
 */
import { Instruction, type Argument } from 'dockerfile-ast';

const scanned = Symbol('plimsoll.rawArguments');
// The method is private in the library's typings.
const proto = Instruction.prototype as unknown as { getRawArguments(): Argument[]; [scanned]?: Argument[] };
const scan = proto.getRawArguments;
proto.getRawArguments = function (this: typeof proto): Argument[] {
  return (this[scanned] ??= scan.call(this)).slice();
};

export * from 'dockerfile-ast';
