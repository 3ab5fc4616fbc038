import type { DockerfileModel, Instruction, Stage } from './model';
import type { ShellCommand } from './shell/model';
import type { Category, Fix, Severity, Span } from './types';

export interface RuleMeta {
  /** `family/name`, e.g. `pin/base-image-tag`. */
  id: string;
  category: Category;
  severity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** Ids of the same check in other tools (hadolint `DL3006`, BuildKit `FromAsCasing`...). */
  aliases: string[];
  fixable: boolean;
  /** Off unless configuration turns it on (for strict users). Defaults to true. */
  enabledByDefault?: boolean;
  /** The options the rule accepts, with their defaults; configuration is validated against this. */
  options?: OptionsSchema;
}

export type OptionType = 'string' | 'boolean' | 'number' | 'string[]' | 'record';

export interface OptionSpec {
  type: OptionType;
  default: unknown;
  description: string;
}

export type OptionsSchema = Record<string, OptionSpec>;

/** A rule's options: its schema's defaults overlaid with what configuration gave. */
export type RuleOptions = Record<string, unknown>;

export interface Report {
  span: Span;
  message: string;
  fix?: Fix;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly options: RuleOptions;
  report(report: Report): void;
}

export type InstructionKeyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY' | 'ENTRYPOINT'
  | 'VOLUME' | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL';

/**
 * What a rule wants to see. The runner walks the model once and calls every rule's handlers in
 * file order: `stage` on each FROM (before its instruction handlers), the keyword handlers and
 * `instruction` on each instruction, `command` on each shell command of a RUN, `end` last.
 */
export type Visitor = Partial<Record<InstructionKeyword, (instruction: Instruction) => void>> & {
  stage?(stage: Stage): void;
  instruction?(instruction: Instruction): void;
  command?(command: ShellCommand, run: Instruction): void;
  end?(): void;
};

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Visitor;
}

/** Identity helper that gives rule modules their type. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
