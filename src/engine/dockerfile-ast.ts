/**
 * dockerfile-ast, re-exported with two changes to how an instruction's arguments are scanned.
 *
 * They are scanned once. The library re-scans the instruction text on every `getArguments()`, and
 * its own accessors (flags, heredocs, JSON strings, ranges) call it again and again: five to eight
 * scans per instruction, the largest single cost of building the model on the corpus. The scan
 * depends only on the instruction's own text and range, fixed at construction, and plimsoll never
 * edits the tree, so the first result is kept. Callers may shift the array they get (the library
 * does), so each gets a copy.
 *
 * And the scan sees comment lines inside a line continuation as blank: see below.
 */
import { Instruction, type Argument } from 'dockerfile-ast';
import { continuationAt } from './shell/source';

const scanned = Symbol('plimsoll.rawArguments');
// The method is private in the library's typings.
type Scanned = { getRawArguments(): Argument[]; getTextContent(): string; escapeChar: string; [scanned]?: Argument[] };
const proto = Instruction.prototype as unknown as Scanned;
const scan = proto.getRawArguments;
const textContent = proto.getTextContent;
/**
 * The text the scan of one instruction reads instead of its own. Swapped in through the prototype
 * rather than a per-call wrapper object, which would give the library's hot scanner a new object
 * shape per instruction (megamorphic: the whole parse ran 50% slower).
 */
let substitute: { of: Scanned; text: string } | undefined;
proto.getTextContent = function (this: Scanned): string {
  return substitute?.of === this ? substitute.text : textContent.call(this);
};
proto.getRawArguments = function (this: Scanned): Argument[] {
  if (!this[scanned]) {
    const original = this.getTextContent();
    const text = blankContinuationComments(original, this.escapeChar);
    if (text === original) this[scanned] = scan.call(this);
    else {
      substitute = { of: this, text };
      try {
        this[scanned] = scan.call(this);
      } finally {
        substitute = undefined;
      }
    }
  }
  return this[scanned].slice();
};

/**
 * Comment lines inside a line continuation are blanked before the scan (same length, so every
 * offset holds). BuildKit drops such lines whatever they hold; the library's scanner takes an escape
 * character in one for an escape, reads the rest of the comment as arguments and then the next line
 * as comment (`COPY a b \` / `# C:\x` / `/app/` gave `a b x`), and its heredoc scan then crashes.
 */
function blankContinuationComments(text: string, escapeChar: string): string {
  // Most instructions are one line, or hold no `#`: nothing to blank, and no pass over the text.
  if (!text.includes('\n') || !text.includes('#')) return text;
  const parts: string[] = [];
  let done = 0;
  let continued = false;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let first = start;
    while (first < end && (text[first] === ' ' || text[first] === '\t' || text[first] === '\r')) first++;
    if (continued && text[first] === '#') {
      parts.push(text.slice(done, first), ' '.repeat(end - first));
      done = end;
    } else if (!continued || first < end) {
      continued = continuationAt(text, start, end, escapeChar) >= 0;
    }
    start = end + 1;
  }
  if (done === 0) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

export * from 'dockerfile-ast';
