import type { DockerfileModel, Property } from '../../engine/model';
import { variableRefs } from '../../engine/variables';

/** A pair's value as written, quotes included; undefined when it has none. */
export function rawValue(model: DockerfileModel, p: Property): string | undefined {
  return p.valueSpan ? model.text.slice(p.valueSpan.start, p.valueSpan.end) : undefined;
}

/** Whether a value holds a variable reference that BuildKit would expand. */
export function hasVariable(raw: string, model: DockerfileModel): boolean {
  return variableRefs(raw, model.escapeChar).length > 0;
}
