import { buildModel } from './build';
import type { BuildInputs, DockerfileModel } from './model';
import { normaliseId, pragmaApplies, readPragmas, type PragmaSet } from './pragmas';
import type { Rule, RuleOptions } from './rule';
import { runRules, type ActiveRule, type RuleError } from './runner';
import { checkScripts, shellcheckJobs, type ShellcheckFinding, type ShellcheckJob } from './shellcheck';
import { initShellParser } from './shell/parser';
import { InputError } from './text';
import type { Finding, RawFinding, Severity } from './types';

/** Per rule (by id or alias): `off`, the severity to report it with, or that with options. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', RuleOptions?];
export type RuleSettings = Record<string, RuleSetting>;

export interface LintOptions extends BuildInputs {
  rules?: RuleSettings;
  /** Run ShellCheck over RUN scripts when the binary is installed (default true). */
  shellcheck?: boolean;
  /** Ignore inline pragmas (hadolint's `disable-ignore-pragma`). */
  noInlinePragmas?: boolean;
}

/** Reports pragmas that suppressed nothing, when this rule is turned on (`--report-unused-pragmas`). */
export const UNUSED_PRAGMA_RULE = 'style/unused-pragma';

/** BuildKit check names are CamelCase words; `# check=error=true` makes their findings errors. */
const isBuildkitCheck = (alias: string) => /^[A-Z][a-z]+(?:[A-Z][a-z]*)+$/.test(alias);

/** What runs: the plimsoll rules with their settings, and the severity or `off` configured per ShellCheck check. */
export interface Selection {
  rules: ActiveRule[];
  shell: Map<string, Severity | 'off'>;
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

/** A file whose rules have run, waiting for ShellCheck. */
interface Begun {
  model: DockerfileModel;
  selection: Selection;
  pragmas: PragmaSet;
  findings: RawFinding[];
  ruleErrors: RuleError[];
  shellJobs: ShellcheckJob[];
}

const NO_SETTINGS: RuleSettings = {};

export class Linter {
  private readonly byId = new Map<string, Rule>();
  private readonly selections = new WeakMap<RuleSettings, Selection>();
  private readonly selectionsByKey = new Map<string, Selection>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      this.byId.set(rule.meta.id.toLowerCase(), rule);
      for (const alias of rule.meta.aliases) this.byId.set(normaliseId(alias), rule);
    }
  }

  /** The rule an id or alias names (case-insensitive); `shell/SC2086` and `SC2086` name ShellCheck's checks. */
  resolve(idOrAlias: string): Rule | undefined {
    const id = normaliseId(idOrAlias);
    const known = this.byId.get(id);
    if (known) return known;
    const sc = /^(?:shell\/)?sc(\d{4})$/.exec(id);
    if (!sc) return undefined;
    const rule = shellcheckRule(Number(sc[1]));
    this.byId.set(normaliseId(rule.meta.id), rule);
    this.byId.set(`sc${sc[1]}`, rule);
    return rule;
  }

  /** Rules that run under `settings`, with their severities and options, and ShellCheck's configured checks. */
  activeRules(settings: RuleSettings = NO_SETTINGS): Selection {
    // Files under one configuration share its settings object, and equal settings sent again (an
    // editor's every keystroke, copied across threads) are equal as text: resolve each once.
    let selection = this.selections.get(settings);
    if (!selection) {
      const key = JSON.stringify(settings);
      selection = this.selectionsByKey.get(key);
      if (!selection) {
        if (this.selectionsByKey.size >= 64) this.selectionsByKey.clear();
        this.selectionsByKey.set(key, (selection = this.select(settings)));
      }
      this.selections.set(settings, selection);
    }
    return selection;
  }

  private select(settings: RuleSettings): Selection {
    const shell = new Map<string, Severity | 'off'>();
    const chosen = new Map<Rule, { severity: Severity | 'off'; options: RuleOptions }>();
    for (const rule of this.rules) {
      chosen.set(rule, { severity: rule.meta.enabledByDefault === false ? 'off' : rule.meta.severity, options: defaultOptions(rule) });
    }
    for (const [key, value] of Object.entries(settings)) {
      const rule = this.resolve(key);
      if (!rule) throw new InputError(`unknown rule "${key}"`);
      if (!this.rules.includes(rule)) {
        // ShellCheck's checks are configured like rules but run in ShellCheck.
        shell.set(rule.meta.id, Array.isArray(value) ? value[0] : value);
        continue;
      }
      const [severity, options] = Array.isArray(value) ? value : [value, undefined];
      chosen.set(rule, { severity, options: { ...chosen.get(rule)!.options, ...options } });
    }
    const active: ActiveRule[] = [];
    for (const [rule, { severity, options }] of chosen) if (severity !== 'off') active.push({ rule, severity, options });
    return { rules: active, shell };
  }

  lintText(text: string, options: LintOptions = {}): LintResult {
    return this.lintTexts([{ text, options }], (err) => {
      throw err;
    })[0];
  }

  /**
   * Lints several texts, with one ShellCheck process for all their scripts. A text that cannot be
   * linted (an unknown rule in its settings, a `--target` it lacks, an engine bug) gets what
   * `failed` makes of the exception; the others are unaffected.
   */
  lintTexts(items: readonly { text: string; options?: LintOptions }[], failed: (err: unknown) => LintResult): LintResult[] {
    // A text with nothing for ShellCheck is finished at once, so its model dies young instead of
    // waiting (and being promoted to the old generation) until the batch's ShellCheck returns.
    const results = items.map(({ text, options = {} }): LintResult | Begun => {
      try {
        const begun = this.begin(this.modelOf(text, options), this.activeRules(options.rules), options);
        return begun.shellJobs.length ? begun : this.finish(begun, []);
      } catch (err) {
        return failed(err);
      }
    });
    const waiting = results.filter((r): r is Begun => 'shellJobs' in r);
    const said = checkScripts(waiting.flatMap((b) => b.shellJobs));
    let next = 0;
    return results.map((r) => {
      if (!('shellJobs' in r)) return r;
      const shell = said.slice(next, (next += r.shellJobs.length)).flat();
      try {
        return this.finish(r, shell);
      } catch (err) {
        return failed(err);
      }
    });
  }

  lintModel(model: DockerfileModel, selection: Selection, options: Pick<LintOptions, 'noInlinePragmas' | 'shellcheck'> = {}): LintResult {
    const begun = this.begin(model, selection, options);
    return this.finish(begun, checkScripts(begun.shellJobs).flat());
  }

  private modelOf(text: string, options: LintOptions): DockerfileModel {
    const model = buildModel(text, options);
    if (options.target && !model.target) {
      const names = model.stages.map((s) => s.name).filter(Boolean);
      throw new InputError(`--target ${options.target}: no such stage${names.length ? ` (stages: ${names.join(', ')})` : ''}`);
    }
    return model;
  }

  /** Runs the rules and reads the pragmas; what ShellCheck must check waits for the whole batch. */
  private begin(model: DockerfileModel, selection: Selection, options: Pick<LintOptions, 'noInlinePragmas' | 'shellcheck'>): Begun {
    const pragmas: PragmaSet = options.noInlinePragmas ? { pragmas: [], checkErrors: false } : readPragmas(model);
    const { findings, ruleErrors } = runRules(model, selection.rules);
    withholdUnsafeFixes(model, findings);
    const off = [...selection.shell].filter(([, v]) => v === 'off').map(([id]) => id.slice('shell/'.length));
    const shellJobs = options.shellcheck !== false ? shellcheckJobs(model, { exclude: off, shell: pragmas.shell }) : [];
    return { model, selection, pragmas, findings, ruleErrors, shellJobs };
  }

  /** Adds ShellCheck's findings, applies the pragmas and orders the findings. */
  private finish({ model, selection, pragmas, findings, ruleErrors }: Begun, shell: ShellcheckFinding[]): LintResult {
    for (const f of shell) {
      const rule = this.resolve(`SC${f.code}`)!;
      const configured = selection.shell.get(rule.meta.id);
      findings.push({ ruleId: rule.meta.id, severity: configured && configured !== 'off' ? configured : f.severity, message: f.message, span: f.span });
    }
    const kept = findings.filter((f) => !this.suppressed(f, model, pragmas));
    const unusedRule = selection.rules.find((a) => a.rule.meta.id === UNUSED_PRAGMA_RULE);
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
      for (const f of kept) if (this.resolve(f.ruleId)!.meta.aliases.some(isBuildkitCheck)) f.severity = 'error';
    }
    kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
    return {
      findings: kept.map((f) => this.place(f, model)),
      errors: [...model.errors.map((message) => ({ message })), ...ruleErrors.map((e) => ({ rule: e.rule, message: `rule ${e.rule} failed: ${e.message}` }))],
    };
  }

  private suppressed(f: RawFinding, model: DockerfileModel, set: PragmaSet): boolean {
    const rule = this.resolve(f.ruleId)!;
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
    const rule = this.resolve(f.ruleId)!;
    const { line, column, endLine, endColumn } = model.lines.location(f.span);
    const placed: Finding = { rule: rule.meta.id, aliases: rule.meta.aliases, category: rule.meta.category, severity: f.severity, message: f.message, line, column, endLine, endColumn, span: f.span };
    if (f.fix) placed.fix = f.fix;
    return placed;
  }
}

/** A ShellCheck check as a rule: its metadata for output and configuration; ShellCheck does the checking. */
function shellcheckRule(code: number): Rule {
  return {
    meta: {
      id: `shell/SC${code}`,
      category: 'correctness',
      severity: 'warning',
      description: `ShellCheck SC${code} (see https://www.shellcheck.net/wiki/SC${code})`,
      aliases: [`SC${code}`],
      fixable: false,
    },
    create: () => ({}),
  };
}

function defaultOptions(rule: Rule): RuleOptions {
  const options: RuleOptions = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  return options;
}

/**
 * Drops the fixes of findings that would edit a RUN whose script does not parse (an unclosed quote,
 * backtick or `$(`): where its commands end is unknown, so an edit may land inside the unclosed part
 * and never show as done, and be made again on every pass. The findings are still reported.
 */
function withholdUnsafeFixes(model: DockerfileModel, findings: RawFinding[]): void {
  const broken = (offset: number) => {
    const index = instructionAt(model, offset);
    return index !== undefined && !!model.instructions[index].run?.scripts.some((s) => s.syntaxErrors.length > 0);
  };
  for (const f of findings) if (f.fix && (broken(f.span.start) || f.fix.edits.some((e) => broken(e.start)))) f.fix = undefined;
}

/** Index of the instruction whose span holds `offset`. */
export function instructionAt(model: DockerfileModel, offset: number): number | undefined {
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
