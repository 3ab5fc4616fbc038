import type { DockerfileModel, Instruction } from '../../engine/model';
import type { Span } from '../../engine/types';

/** One `NAME=value` of an ARG, ENV or LABEL. */
export interface Property {
  name: string;
  nameSpan: Span;
  /** Without quotes; null when none is given (`ARG TOKEN`, `ENV A`). */
  value: string | null;
  valueSpan?: Span;
}

interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface AstProperty {
  getName(): string;
  getNameRange(): AstRange;
  getValue(): string | null;
  getValueRange(): AstRange | null;
}

/**
 * The properties of an ARG, ENV or LABEL as the Dockerfile parser reads them (quotes removed, the
 * legacy `ENV NAME value with spaces` form included). The parser reads one property per ARG; an
 * `ARG A=1 B=2` is split by its arguments, as the model does for its scopes.
 */
export function properties(instr: Instruction, model: DockerfileModel): Property[] {
  const ast = instr.ast as unknown as { getProperties?: () => AstProperty[] };
  if (typeof ast.getProperties !== 'function') return [];
  const span = (r: AstRange): Span => ({
    start: model.lines.offsetAt(r.start.line, r.start.character),
    end: model.lines.offsetAt(r.end.line, r.end.character),
  });
  const props = ast.getProperties();
  if (instr.keyword === 'ARG' && instr.args.length > 1) {
    return instr.args.map((a) => {
      const eq = a.value.indexOf('=');
      const name = eq < 0 ? a.value : a.value.slice(0, eq);
      const raw = eq < 0 ? null : a.value.slice(eq + 1);
      const value = raw === null ? null : raw.replace(/^(["'])(.*)\1$/, '$2');
      return {
        name,
        nameSpan: { start: a.start, end: a.start + name.length },
        value,
        valueSpan: raw === null ? undefined : { start: a.start + eq + 1, end: a.end },
      };
    });
  }
  return props.map((p) => {
    const valueRange = p.getValueRange();
    return {
      name: p.getName(),
      nameSpan: span(p.getNameRange()),
      value: p.getValue(),
      valueSpan: valueRange ? span(valueRange) : undefined,
    };
  });
}
