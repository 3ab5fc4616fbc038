import { buildModel } from './build';
import type { BuildInputs, DockerfileModel } from './model';
import { readSuppressions, type Suppressions } from './pragmas';
import type { Rule, RuleOptions } from './rule';
import { runRules, type ActiveRule } from './runner';
import { initShellParser } from './shell/parser';
import { InputError } from './text';
import type { Finding, RawFinding, Severity } from './types';

/** Per rule (by id or alias): `off`, the severity to report it with, or that with options. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', RuleOptions?];
export type RuleSettings = Record<string, RuleSetting>;

export interface LintOptions extends BuildInputs {
  rules?: RuleSettings;
}

export interface LintError {
  message: string;
  /** Set when one rule failed; the others still reported. */
  rule?: string;
}

export interface LintResult {
  findings: Finding[];
  errors: LintError[];
}

export class Linter {
  private readonly byId = new Map<string, Rule>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      this.byId.set(rule.meta.id.toLowerCase(), rule);
      for (const alias of rule.meta.aliases) this.byId.set(alias.toLowerCase(), rule);
    }
  }

  /** The rule an id or alias names (case-insensitive). */
  resolve(idOrAlias: string): Rule | undefined {
    return this.byId.get(idOrAlias.toLowerCase());
  }

  /** Rules that run under `settings`, with their severities and options. */
  activeRules(settings: RuleSettings = {}): ActiveRule[] {
    const chosen = new Map<Rule, { severity: Severity | 'off'; options: RuleOptions }>();
    for (const rule of this.rules) {
      chosen.set(rule, { severity: rule.meta.enabledByDefault === false ? 'off' : rule.meta.severity, options: defaultOptions(rule) });
    }
    for (const [key, value] of Object.entries(settings)) {
      const rule = this.resolve(key);
      if (!rule) throw new InputError(`unknown rule "${key}"`);
      const [severity, options] = Array.isArray(value) ? value : [value, undefined];
      chosen.set(rule, { severity, options: { ...chosen.get(rule)!.options, ...options } });
    }
    const active: ActiveRule[] = [];
    for (const [rule, { severity, options }] of chosen) if (severity !== 'off') active.push({ rule, severity, options });
    return active;
  }

  lintText(text: string, options: LintOptions = {}): LintResult {
    const model = buildModel(text, options);
    if (options.target && !model.target) {
      const names = model.stages.map((s) => s.name).filter(Boolean);
      throw new InputError(`--target ${options.target}: no such stage${names.length ? ` (stages: ${names.join(', ')})` : ''}`);
    }
    return this.lintModel(model, this.activeRules(options.rules));
  }

  lintModel(model: DockerfileModel, active: ActiveRule[]): LintResult {
    const { findings, ruleErrors } = runRules(model, active);
    const suppressions = readSuppressions(model);
    const kept = findings.filter((f) => !this.suppressed(f, model, suppressions));
    kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return {
      findings: kept.map((f) => this.place(f, model)),
      errors: ruleErrors.map((e) => ({ rule: e.rule, message: `rule ${e.rule} failed: ${e.message}` })),
    };
  }

  private suppressed(f: RawFinding, model: DockerfileModel, s: Suppressions): boolean {
    const rule = this.byId.get(f.ruleId.toLowerCase())!;
    const names = [rule.meta.id, ...rule.meta.aliases].map((n) => n.toLowerCase());
    const hit = (set: Set<string> | undefined) => !!set && (set.has('all') || names.some((n) => set.has(n)));
    if (hit(s.file)) return true;
    const instr = instructionAt(model, f.span.start);
    return instr !== undefined && hit(s.byInstruction.get(instr));
  }

  private place(f: RawFinding, model: DockerfileModel): Finding {
    const rule = this.byId.get(f.ruleId.toLowerCase())!;
    return {
      rule: rule.meta.id,
      aliases: rule.meta.aliases,
      category: rule.meta.category,
      severity: f.severity,
      message: f.message,
      ...model.lines.location(f.span),
      span: f.span,
      ...(f.fix ? { fix: f.fix } : {}),
    };
  }
}

function defaultOptions(rule: Rule): RuleOptions {
  const options: RuleOptions = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  return options;
}

/** Index of the instruction whose span holds `offset`. */
function instructionAt(model: DockerfileModel, offset: number): number | undefined {
  const list = model.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].end < offset) lo = mid + 1;
    else if (list[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return undefined;
}

export async function createEngine(rules: readonly Rule[]): Promise<Linter> {
  await initShellParser();
  return new Linter(rules);
}
