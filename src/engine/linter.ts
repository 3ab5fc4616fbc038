import { buildModel } from './build';
import type { BuildInputs, DockerfileModel } from './model';
import { normaliseId, pragmaApplies, readPragmas, type PragmaSet } from './pragmas';
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
  /** Ignore inline pragmas (hadolint's `disable-ignore-pragma`). */
  noInlinePragmas?: boolean;
}

/** Reports pragmas that suppressed nothing, when this rule is turned on (`--report-unused-pragmas`). */
export const UNUSED_PRAGMA_RULE = 'style/unused-pragma';

/** BuildKit check names are CamelCase words; `# check=error=true` makes their findings errors. */
const isBuildkitCheck = (alias: string) => /^[A-Z][a-z]+(?:[A-Z][a-z]*)+$/.test(alias);

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
      for (const alias of rule.meta.aliases) this.byId.set(normaliseId(alias), rule);
    }
  }

  /** The rule an id or alias names (case-insensitive). */
  resolve(idOrAlias: string): Rule | undefined {
    return this.byId.get(normaliseId(idOrAlias));
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
    return this.lintModel(model, this.activeRules(options.rules), options);
  }

  lintModel(model: DockerfileModel, active: ActiveRule[], options: Pick<LintOptions, 'noInlinePragmas'> = {}): LintResult {
    const { findings, ruleErrors } = runRules(model, active);
    const pragmas: PragmaSet = options.noInlinePragmas ? { pragmas: [], checkErrors: false } : readPragmas(model);
    const kept = findings.filter((f) => !this.suppressed(f, model, pragmas));
    const unusedRule = active.find((a) => a.rule.meta.id === UNUSED_PRAGMA_RULE);
    if (unusedRule) {
      for (const p of pragmas.pragmas) {
        if (p.used) continue;
        kept.push({
          ruleId: UNUSED_PRAGMA_RULE,
          severity: unusedRule.severity,
          message: `This ${p.tool} pragma suppresses nothing (${p.ids.join(', ')}); remove it`,
          span: { start: p.start, end: p.end },
        });
      }
    }
    if (pragmas.checkErrors) {
      for (const f of kept) if (this.byId.get(f.ruleId)!.meta.aliases.some(isBuildkitCheck)) f.severity = 'error';
    }
    kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return {
      findings: kept.map((f) => this.place(f, model)),
      errors: ruleErrors.map((e) => ({ rule: e.rule, message: `rule ${e.rule} failed: ${e.message}` })),
    };
  }

  private suppressed(f: RawFinding, model: DockerfileModel, set: PragmaSet): boolean {
    const rule = this.byId.get(f.ruleId.toLowerCase())!;
    const names = [rule.meta.id, ...rule.meta.aliases].map(normaliseId);
    const index = instructionAt(model, f.span.start);
    const stage = index === undefined ? undefined : model.instructions[index].stage?.index;
    let suppressed = false;
    for (const p of set.pragmas) {
      if (pragmaApplies(p, names, index, stage)) {
        p.used = true;
        suppressed = true;
      }
    }
    return suppressed;
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
