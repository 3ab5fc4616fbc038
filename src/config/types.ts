import type { RuleSetting } from '../engine/linter';
import type { Severity } from '../engine/types';

/** A configuration file's content, as users write it (`.plimsollrc.yaml`, `"plimsoll"` in package.json...). */
export interface PlimsollConfig {
  /** Built-in presets (`plimsoll:recommended`, `plimsoll:strict`) or paths to other config files, applied in order. */
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  /** Settings for files matching globs (relative to the config file's directory). */
  overrides?: { files: string | string[]; rules?: Record<string, RuleSetting>; shellcheck?: boolean }[];
  /** The least severe finding that fails the run; `none` never fails. */
  failureThreshold?: Severity | 'none';
  /** Globs of files not to lint (relative to the config file's directory). */
  ignorePatterns?: string[];
  /** Run ShellCheck over RUN scripts when it is installed (default true). */
  shellcheck?: boolean;
  /** Honour inline ignore pragmas (default true; hadolint's `disable-ignore-pragma` turns this off). */
  inlinePragmas?: boolean;
}

/** The settings in force for one Dockerfile. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  failureThreshold?: Severity | 'none';
  shellcheck?: boolean;
  inlinePragmas?: boolean;
  /** The file is matched by `ignorePatterns`. */
  ignored: boolean;
  /** The configuration file in force, if any. */
  source?: string;
}

/** A configuration problem: the file, the key path, what is wrong. The CLI exits with status 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${file}: ${key ? `${key}: ` : ''}${problem}`);
  }
}
