/**
 * Text handed to the shell parser, with a map from each of its offsets back to the Dockerfile.
 * BuildKit joins continued lines (escape character, optional blanks, newline) and drops comment
 * and empty lines inside a continuation before the shell sees the command; the map undoes that so
 * findings land on the exact Dockerfile columns.
 */
export interface MappedText {
  text: string;
  /** map[i] = Dockerfile offset of text[i]; map[text.length] = offset just past the end. */
  map: Int32Array;
}

/** Accumulates text in segments, each knowing the Dockerfile offsets it came from. */
class Builder {
  private readonly parts: string[] = [];
  /** Per segment: its first Dockerfile offset (consecutive from there), or its own offset map. */
  private readonly origins: (number | Int32Array)[] = [];
  private length = 0;

  push(doc: string, from: number, to: number): void {
    let runStart = from;
    for (let i = doc.indexOf('\r', from); i >= 0 && i < to; i = doc.indexOf('\r', i + 1)) {
      // CR before LF is line-ending noise for the shell (a CRLF heredoc would never find its delimiter).
      if (doc.charCodeAt(i + 1) !== 10) continue;
      this.segment(doc.slice(runStart, i), runStart);
      runStart = i + 1;
    }
    this.segment(doc.slice(runStart, to), runStart);
  }

  /** Text already mapped elsewhere (a joined logical line). */
  pushMapped(src: MappedText): void {
    this.segment(src.text, src.map.subarray(0, src.text.length));
  }

  pushSynthetic(ch: string, at: number): void {
    this.segment(ch, at);
  }

  private segment(text: string, origin: number | Int32Array): void {
    if (!text) return;
    this.parts.push(text);
    this.origins.push(origin);
    this.length += text.length;
  }

  finish(endOffset: number): MappedText {
    const map = new Int32Array(this.length + 1);
    let k = 0;
    for (let s = 0; s < this.parts.length; s++) {
      const origin = this.origins[s];
      const len = this.parts[s].length;
      if (typeof origin === 'number') for (let j = 0; j < len; j++) map[k++] = origin + j;
      else {
        map.set(origin, k);
        k += len;
      }
    }
    map[this.length] = endOffset;
    return { text: this.parts.join(''), map };
  }
}

function lineEndAt(doc: string, pos: number, limit: number): number {
  const nl = doc.indexOf('\n', pos);
  return nl < 0 || nl > limit ? limit : nl;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** Offset of the escape character that makes [from, to) a continued line, or -1. */
export function continuationAt(doc: string, from: number, to: number, escapeChar: string): number {
  let i = to - 1;
  while (i >= from && isBlank(doc.charCodeAt(i))) i--;
  return i >= from && doc[i] === escapeChar ? i : -1;
}

/** Whether `doc` holds only blanks between `from` and `to`. */
export function isBlankBetween(doc: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(doc.charCodeAt(i))) i++;
  return i === to;
}

/** Whether a physical line is skipped inside a continuation: blank, or a comment. */
export function isSkippedContinuationLine(doc: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isBlank(doc.charCodeAt(i))) i++;
  return i === to || doc[i] === '#';
}

export interface LogicalLine extends MappedText {
  /** Dockerfile offset just past the logical line (its final newline excluded). */
  end: number;
}

/** Joins the logical line starting at `start` (never reading past `limit`). */
export function joinLogicalLine(doc: string, start: number, limit: number, escapeChar: string): LogicalLine {
  const b = new Builder();
  let pos = start;
  let first = true;
  for (;;) {
    const eol = lineEndAt(doc, pos, limit);
    if (!first && isSkippedContinuationLine(doc, pos, eol) && eol < limit) {
      pos = eol + 1;
      continue;
    }
    first = false;
    const esc = continuationAt(doc, pos, eol, escapeChar);
    if (esc < 0 || eol >= limit) {
      const stop = esc < 0 ? eol : esc;
      b.push(doc, pos, stop);
      const { text, map } = b.finish(stop);
      return { text, map, end: eol };
    }
    b.push(doc, pos, esc);
    pos = eol + 1;
  }
}

/**
 * The shell text of a RUN body whose logical line is followed by heredoc bodies: the joined line,
 * a newline, then the heredoc lines verbatim, which the shell itself reads as here-documents.
 */
export function shellTextWithHeredocs(
  doc: string,
  line: LogicalLine,
  heredocStart: number,
  end: number,
): MappedText {
  const b = new Builder();
  b.pushMapped(line);
  b.pushSynthetic('\n', line.end);
  b.push(doc, heredocStart, end);
  return b.finish(end);
}

/** A verbatim slice of the Dockerfile (a heredoc body, a JSON argument without escapes). */
export function verbatim(doc: string, from: number, to: number): MappedText {
  const b = new Builder();
  b.push(doc, from, to);
  return b.finish(to);
}

/** Re-maps a slice of already-mapped text (a `sh -c` argument, a heredoc fed to a shell). */
export function subMapped(src: MappedText, from: number, to: number): MappedText {
  return { text: src.text.slice(from, to), map: src.map.slice(from, to + 1) };
}
