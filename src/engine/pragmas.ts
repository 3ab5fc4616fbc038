import type { DockerfileModel } from './model';

/**
 * Inline suppressions read from comments. A pragma names rules by plimsoll id or by an alias
 * (hadolint's `DL3008`, BuildKit's check names), so comments written for those tools keep working:
 *
 *   # plimsoll ignore=pin/apt-packages,DL3015   the next instruction
 *   # plimsoll global ignore=bloat/consecutive-run   the whole file
 *   # hadolint ignore=DL3008 / # hadolint global ignore=DL3008
 *   # check=skip=JSONArgsRecommended            BuildKit's directive, the whole file
 *
 * Anything after the id list is a free-form reason.
 */
export interface Suppressions {
  /** Ids (lower-cased, as written) suppressed in the whole file; `all` suppresses everything. */
  file: Set<string>;
  /** Per instruction index, the ids suppressed on it. */
  byInstruction: Map<number, Set<string>>;
}

const TOOLS = new Set(['plimsoll', 'hadolint']);

export function readSuppressions(model: DockerfileModel): Suppressions {
  const file = new Set<string>();
  const byInstruction = new Map<number, Set<string>>();
  for (const d of model.directives) {
    if (d.name === 'check') for (const id of checkDirectiveSkips(d.value)) file.add(id);
  }
  let next = 0;
  for (const c of model.comments) {
    const parsed = parsePragma(c.text);
    if (!parsed) continue;
    if (parsed.global) {
      for (const id of parsed.ids) file.add(id);
      continue;
    }
    while (next < model.instructions.length && model.instructions[next].start < c.end) next++;
    const target = model.instructions[next];
    if (!target) continue;
    let set = byInstruction.get(target.index);
    if (!set) byInstruction.set(target.index, (set = new Set()));
    for (const id of parsed.ids) set.add(id);
  }
  return { file, byInstruction };
}

function parsePragma(text: string): { global: boolean; ids: string[] } | undefined {
  const words = text.trim().split(/\s+/);
  if (!TOOLS.has((words[0] ?? '').toLowerCase())) return undefined;
  let i = 1;
  const global = words[i]?.toLowerCase() === 'global';
  if (global) i++;
  const spec = words[i] ?? '';
  if (!spec.toLowerCase().startsWith('ignore=')) return undefined;
  const ids = spec.slice('ignore='.length).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  return ids.length ? { global, ids } : undefined;
}

/** `skip=A,B;error=true` → the skipped check names. */
function checkDirectiveSkips(value: string): string[] {
  for (const part of value.split(';')) {
    const [key, val] = part.split('=', 2).map((s) => s.trim());
    if (key?.toLowerCase() === 'skip' && val) return val.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  }
  return [];
}
