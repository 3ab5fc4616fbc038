import type { Property } from 'dockerfile-ast';
import type { DockerfileModel, Instruction } from '../../engine/model';
import type { Span } from '../../engine/types';
import { variableRefs } from '../../engine/variables';

/** One `key=value` (or legacy `key value`) pair of an ENV or LABEL, as the Dockerfile parser read it. */
export interface KeyValue {
  /** The key without quotes. */
  key: string;
  keySpan: Span;
  /** The value with quotes and escapes removed (variables not expanded); null when there is none. */
  value: string | null;
  valueSpan?: Span;
  /** The value as written. */
  raw?: string;
  /** Written `key value`, without `=`. */
  legacy: boolean;
}

/** The pairs of an ENV or LABEL instruction. */
export function keyValues(model: DockerfileModel, instr: Instruction): KeyValue[] {
  const node = instr.ast as unknown as { getProperties?: () => Property[] };
  if (typeof node.getProperties !== 'function') return [];
  const span = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: model.lines.offsetAt(r.start.line, r.start.character),
    end: model.lines.offsetAt(r.end.line, r.end.character),
  });
  return node.getProperties().map((p) => {
    const valueRange = p.getValueRange();
    const valueSpan = valueRange ? span(valueRange) : undefined;
    return {
      key: p.getName(),
      keySpan: span(p.getNameRange()),
      value: p.getValue(),
      valueSpan,
      raw: valueSpan ? model.text.slice(valueSpan.start, valueSpan.end) : undefined,
      legacy: p.getAssignmentOperator() === null && p.getValue() !== null,
    };
  });
}

/** Whether a value holds a variable reference that BuildKit would expand. */
export function hasVariable(raw: string, model: DockerfileModel): boolean {
  return variableRefs(raw, model.escapeChar).length > 0;
}
