import type { DockerfileModel } from './model';
import type { Span } from './types';

/**
 * Inline suppressions read from comments. Ids may be plimsoll ids or any alias (hadolint's
 * `DL3008`, BuildKit's check names, trivy's `DS-0002`, checkov's `CKV_DOCKER_3`, ShellCheck's
 * `SC2086`), so the comments a team already has for another tool keep working:
 *
 *   # plimsoll ignore=pin/apt-packages,DL3015     the next instruction
 *   # plimsoll global ignore=bloat/consecutive-run the whole file
 *   # hadolint ignore=DL3008 / global ignore= / stage ignore=   next instruction / file / stage
 *   # check=skip=A,B;error=true                    BuildKit: in the header, the file; directly above
 *                                                  an instruction, that instruction (above FROM: its stage)
 *   # tally ignore=...                             the next instruction
 *   # trivy:ignore:DS-0002                         the next instruction
 *   #checkov:skip=CKV_DOCKER_3:reason              the whole file (checkov judges whole files)
 *   # dockerfile-utils: ignore                     everything on the next instruction
 *
 * Text after the ids is a free-form reason (`# plimsoll ignore=DL3008 -- mirrors pin for us`).
 */
export interface Pragma extends Span {
  tool: 'plimsoll' | 'hadolint' | 'check' | 'tally' | 'trivy' | 'checkov' | 'dockerfile-utils';
  scope: 'file' | 'stage' | 'instruction';
  /** Normalised ids (see `normaliseId`); `all` matches every rule. */
  ids: string[];
  reason?: string;
  /** For `instruction` scope, the instruction's index; for `stage`, the stage's index. */
  target?: number;
  /** Set when the pragma suppressed at least one finding. */
  used: boolean;
}

export interface PragmaSet {
  pragmas: Pragma[];
  /** `# check=error=true`: BuildKit check findings fail the build, so they are errors. */
  checkErrors: boolean;
  /** `# hadolint shell=bash`: the shell ShellCheck should assume. */
  shell?: string;
}

/** Case-folded id, with trivy's `DS002` and `DS-0002` spellings made equal. */
export function normaliseId(id: string): string {
  const lower = id.trim().toLowerCase();
  const ds = /^ds-?0*(\d+)$/.exec(lower);
  return ds ? `ds-${ds[1]}` : lower;
}

const splitIds = (list: string) => list.split(',').map(normaliseId).filter(Boolean);

export function readPragmas(model: DockerfileModel): PragmaSet {
  const set: PragmaSet = { pragmas: [], checkErrors: false };
  for (const d of model.directives) {
    if (d.name !== 'check') continue;
    const parsed = parseCheck(d.value);
    if (parsed.ids.length) set.pragmas.push({ start: d.start, end: d.end, tool: 'check', scope: 'file', ids: parsed.ids, used: false });
    set.checkErrors ||= parsed.error;
  }
  const directiveLines = new Set(model.directives.map((d) => d.start));
  let next = 0;
  for (const c of model.comments) {
    if (directiveLines.has(c.start)) continue;
    while (next < model.instructions.length && model.instructions[next].start < c.end) next++;
    const parsed = parseComment(c.text);
    if (!parsed) continue;
    const instr = model.instructions[next];
    // "Directly above": no blank line between the comment and the instruction (comment lines may be).
    const adjacent = instr !== undefined && parsed.tool === 'check' && !/\n[ \t]*\r?\n/.test(model.text.slice(c.end, instr.start));
    if (parsed.shell) {
      set.shell = parsed.shell;
      continue;
    }
    if (parsed.checkError) set.checkErrors = true;
    let scope = parsed.scope;
    let target: number | undefined;
    if (parsed.tool === 'check' && scope === 'instruction' && instr?.keyword === 'FROM') scope = 'stage';
    if (scope === 'instruction') {
      if (!instr || (parsed.tool === 'check' && !adjacent)) continue;
      target = instr.index;
    } else if (scope === 'stage') {
      const stage = instr?.stage ?? model.stages[model.stages.length - 1];
      if (!stage) continue;
      target = stage.index;
    }
    set.pragmas.push({ start: c.start, end: c.end, tool: parsed.tool, scope, ids: parsed.ids, reason: parsed.reason, target, used: false });
  }
  return set;
}

interface ParsedComment {
  tool: Pragma['tool'];
  scope: Pragma['scope'];
  ids: string[];
  reason?: string;
  shell?: string;
  checkError?: boolean;
}

function parseComment(text: string): ParsedComment | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower.startsWith('trivy:ignore:')) {
    const [id, ...rest] = t.slice('trivy:ignore:'.length).split(/\s+/);
    return { tool: 'trivy', scope: 'instruction', ids: splitIds(id), reason: rest.join(' ') || undefined };
  }
  if (lower.startsWith('checkov:skip=')) {
    const [id, ...reason] = t.slice('checkov:skip='.length).split(':');
    return { tool: 'checkov', scope: 'file', ids: splitIds(id), reason: reason.join(':').trim() || undefined };
  }
  if (/^dockerfile-utils:\s*ignore\b/i.test(t)) return { tool: 'dockerfile-utils', scope: 'instruction', ids: ['all'] };
  if (lower.startsWith('check=')) {
    const parsed = parseCheck(t.slice('check='.length));
    return { tool: 'check', scope: 'instruction', ids: parsed.ids, checkError: parsed.error };
  }
  const words = t.split(/\s+/);
  const tool = words[0]?.toLowerCase();
  if (tool !== 'plimsoll' && tool !== 'hadolint' && tool !== 'tally') return undefined;
  let i = 1;
  let scope: Pragma['scope'] = 'instruction';
  if (words[i]?.toLowerCase() === 'global') {
    scope = 'file';
    i++;
  } else if (words[i]?.toLowerCase() === 'stage') {
    scope = 'stage';
    i++;
  }
  const spec = words[i] ?? '';
  const eq = spec.indexOf('=');
  const key = spec.slice(0, eq).toLowerCase();
  const value = spec.slice(eq + 1);
  const reason = words.slice(i + 1).join(' ').replace(/^(--|#|:)\s*/, '') || undefined;
  if (key === 'shell' && tool === 'hadolint') return { tool, scope, ids: [], shell: value };
  if (key !== 'ignore' || !value) return undefined;
  return { tool, scope, ids: splitIds(value), reason };
}

/** `skip=A,B;error=true` (BuildKit's check directive). */
function parseCheck(value: string): { ids: string[]; error: boolean } {
  let ids: string[] = [];
  let error = false;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toLowerCase();
    const val = part.slice(eq + 1).trim();
    if (key === 'skip') ids = splitIds(val);
    else if (key === 'error') error = val.toLowerCase() === 'true';
  }
  return { ids, error };
}

/** Whether a pragma suppresses a finding of a rule known by `names`, on `instruction` of `stage`. */
export function pragmaApplies(p: Pragma, names: readonly string[], instruction: number | undefined, stage: number | undefined): boolean {
  if (p.scope === 'instruction' && p.target !== instruction) return false;
  if (p.scope === 'stage' && p.target !== stage) return false;
  return p.ids.includes('all') || names.some((n) => p.ids.includes(n));
}
