import type { Location, Span } from './types';

/** Maps offsets of a text to 1-based line/column positions and back. */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line number of `offset`, as messages show it. */
  lineNumber(offset: number): number {
    return this.lineOf(offset) + 1;
  }

  /** Offset of a 0-based line/character position (as dockerfile-ast and LSP use). */
  offsetAt(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + character, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset just past the last character of a 0-based line, excluding CR LF. */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** 0-based line and character, as LSP uses. */
  position(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  location(span: Span): Location {
    const a = this.position(span.start);
    const b = this.position(span.end);
    return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  }
}

export class InputError extends Error {}

/**
 * Turns file bytes into text the way BuildKit reads a Dockerfile: UTF-8, a leading BOM dropped.
 * Binary content and invalid UTF-8 are refused with a message rather than linted as garbage.
 */
export function decodeDockerfile(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, Math.min(bytes.length, 8000));
  if (probe.includes(0)) throw new InputError('binary file (contains NUL bytes), not a Dockerfile');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix. Streaming mode tolerates a sequence cut at the
  // end of the prefix, so validity is monotonic; O(n log n), and only on the error path.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // `lo` is the byte that broke the sequence; report where that sequence began.
  for (let back = 1; back <= 3 && lo - back >= 0; back++) {
    const b = bytes[lo - back];
    if (b >= 0xc0) return lo - back;
    if (b < 0x80) break;
  }
  return lo;
}
