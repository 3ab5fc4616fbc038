import { forgetLintMemos } from './memo';
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

/** A rule's handler for one event; `state` is shared by all handlers of the rule, so one failure stops them all. */
interface Entry {
  fn: (a?: unknown, b?: unknown) => void;
  state: { id: string; dead: boolean };
}

/**
 * Runs rules over a model in one walk. A rule that throws is stopped for this file and reported
 * as an error naming it; the other rules go on.
 */
export function runRules(model: DockerfileModel, rules: ActiveRule[]): RunOutput {
  const findings: RawFinding[] = [];
  const ruleErrors: RuleError[] = [];
  const fail = (state: Entry['state'], err: unknown) => {
    state.dead = true;
    ruleErrors.push({ rule: state.id, message: err instanceof Error ? err.message : String(err) });
  };

  const visitors: { state: Entry['state']; visitor: Visitor }[] = [];
  for (const { rule, severity, options } of rules) {
    const id = rule.meta.id;
    const state = { id, dead: false };
    const context: RuleContext = {
      model,
      options,
      // Only the offsets of what a rule passes as the span: it may be a model object (a parse
      // problem, an instruction) that must not travel with the finding to workers, caches or JSON.
      report: ({ span, message, fix }) => findings.push({ ruleId: id, severity, message, span: { start: span.start, end: span.end }, fix }),
    };
    try {
      visitors.push({ state, visitor: rule.create(context) });
    } catch (err) {
      fail(state, err);
    }
  }

  const handlers = (key: keyof Visitor): Entry[] =>
    visitors.filter((v) => typeof v.visitor[key] === 'function').map((v) => ({ state: v.state, fn: v.visitor[key] as Entry['fn'] }));
  // Called for every instruction and every shell command with every rule: kept free of rest
  // arguments and lookups, which showed in profiles.
  const call = (list: Entry[], a?: unknown, b?: unknown) => {
    for (let i = 0; i < list.length; i++) {
      const { fn, state } = list[i];
      if (state.dead) continue;
      try {
        fn(a, b);
      } catch (err) {
        fail(state, err);
      }
    }
  };

  const byKeyword = new Map<string, Entry[]>();
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
  forgetLintMemos();
  return { findings, ruleErrors };
}
