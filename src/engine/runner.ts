import type { DockerfileModel } from './model';
import type { InstructionKeyword, Rule, RuleContext, RuleOptions, Visitor } from './rule';
import type { RawFinding, Severity } from './types';

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: RuleOptions;
}

export interface RuleError {
  rule: string;
  message: string;
}

export interface RunOutput {
  findings: RawFinding[];
  ruleErrors: RuleError[];
}

type Handler = (...args: never[]) => void;

/**
 * Runs rules over a model in one walk. A rule that throws is stopped for this file and reported
 * as an error naming it; the other rules go on.
 */
export function runRules(model: DockerfileModel, rules: ActiveRule[]): RunOutput {
  const findings: RawFinding[] = [];
  const ruleErrors: RuleError[] = [];
  const dead = new Set<string>();
  const fail = (id: string, err: unknown) => {
    dead.add(id);
    ruleErrors.push({ rule: id, message: err instanceof Error ? err.message : String(err) });
  };

  const visitors: { id: string; visitor: Visitor }[] = [];
  for (const { rule, severity, options } of rules) {
    const id = rule.meta.id;
    const context: RuleContext = {
      model,
      options,
      report: ({ span, message, fix }) => findings.push({ ruleId: id, severity, message, span, fix }),
    };
    try {
      visitors.push({ id, visitor: rule.create(context) });
    } catch (err) {
      fail(id, err);
    }
  }

  const handlers = (key: keyof Visitor) =>
    visitors.filter((v) => typeof v.visitor[key] === 'function').map((v) => ({ id: v.id, fn: v.visitor[key] as Handler }));
  const call = (list: { id: string; fn: Handler }[], ...args: unknown[]) => {
    for (const { id, fn } of list) {
      if (dead.has(id)) continue;
      try {
        (fn as (...a: unknown[]) => void)(...args);
      } catch (err) {
        fail(id, err);
      }
    }
  };

  const byKeyword = new Map<string, { id: string; fn: Handler }[]>();
  const onStage = handlers('stage');
  const onInstruction = handlers('instruction');
  const onCommand = handlers('command');
  for (const instr of model.instructions) {
    if (instr.keyword === 'FROM' && instr.stage) call(onStage, instr.stage);
    let list = byKeyword.get(instr.keyword);
    if (!list) byKeyword.set(instr.keyword, (list = handlers(instr.keyword as InstructionKeyword)));
    call(list, instr);
    call(onInstruction, instr);
    if (instr.run && onCommand.length) for (const cmd of instr.run.commands) call(onCommand, cmd, instr);
  }
  call(handlers('end'));
  return { findings, ruleErrors };
}
