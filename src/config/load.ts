import * as path from 'node:path';
import type { Loader, PublicExplorer as Explorer } from 'cosmiconfig';
import type { Linter, RuleSetting } from '../engine/linter';
import { fromHadolint } from './hadolint';
import { preset, PRESETS } from './presets';
import { didYouMean } from './suggest';
import { ConfigError, type PlimsollConfig, type ResolvedConfig } from './types';
import { validateConfig } from './validate';

const MODULE = 'plimsoll';
const DATA_PLACES = ['package.json', `.${MODULE}rc`, `.${MODULE}rc.json`, `.${MODULE}rc.yaml`, `.${MODULE}rc.yml`];
const CODE_PLACES = [`.${MODULE}rc.js`, `.${MODULE}rc.cjs`, `.${MODULE}rc.mjs`, `${MODULE}.config.js`, `${MODULE}.config.cjs`, `${MODULE}.config.mjs`];
const HADOLINT_PLACES = ['.hadolint.yaml', '.hadolint.yml'];

export interface LoaderOptions {
  /** Use this file and search nowhere (`--config`). */
  configFile?: string;
  /** Use no configuration file at all (`--no-config`). */
  noConfig?: boolean;
  /**
   * Load JavaScript configuration (`.plimsollrc.js`, `plimsoll.config.mjs`...). The CLI does; the
   * language server does only for trusted workspaces, since loading runs the repository's code.
   */
  allowCode?: boolean;
}

interface LoadedFile {
  file: string;
  dir: string;
  config: PlimsollConfig;
  /**
   * Rule settings by the overrides that apply: files under the same ones share one object, which
   * the engine resolves once (it caches by identity).
   */
  resolved: Map<string, Pick<ResolvedConfig, 'rules' | 'shellcheck'>>;
  /** Compiled glob matchers of its overrides and ignore patterns, built on first use. */
  matchers: Map<string | string[], (rel: string) => boolean>;
}

/** Settings of files no configuration covers: one object, so the engine resolves them once. */
const NO_CONFIG: ResolvedConfig = Object.freeze({ rules: Object.freeze({}), ignored: false });

/**
 * Finds and resolves the configuration of each linted file: the nearest plimsoll config from the
 * file's directory upward (else the nearest `.hadolint.yaml`), with `extends` applied and the
 * `overrides` that match the file merged in. Results are cached per directory.
 */
export class ConfigLoader {
  private readonly byDir = new Map<string, Promise<LoadedFile | undefined>>();
  private explorers?: { plimsoll: Explorer; hadolint: Explorer };

  constructor(
    private readonly linter: Linter,
    private readonly options: LoaderOptions = {},
  ) {}

  /** cosmiconfig and its loaders, created on first use: `--no-config` runs never load them. */
  private get explorer(): Explorer {
    return this.load().plimsoll;
  }

  private get hadolint(): Explorer {
    return this.load().hadolint;
  }

  private load(): { plimsoll: Explorer; hadolint: Explorer } {
    if (this.explorers) return this.explorers;
    const { cosmiconfig, defaultLoaders } = require('cosmiconfig') as typeof import('cosmiconfig');
    const yaml = defaultLoaders['.yaml'];
    const allowCode = this.options.allowCode;
    this.explorers = {
      plimsoll: cosmiconfig(MODULE, {
        searchPlaces: allowCode ? [...DATA_PLACES, ...CODE_PLACES] : DATA_PLACES,
        searchStrategy: 'global',
        loaders: allowCode ? undefined : { '.js': refuseCode, '.cjs': refuseCode, '.mjs': refuseCode, '.ts': refuseCode },
        cache: true,
      }),
      hadolint: cosmiconfig('hadolint', {
        searchPlaces: HADOLINT_PLACES,
        searchStrategy: 'global',
        loaders: { '.yaml': yaml, '.yml': yaml },
      }),
    };
    return this.explorers;
  }

  /** The configuration in force for `file` (an absolute path, or a name such as `--stdin-filename`). */
  async forFile(file: string): Promise<ResolvedConfig> {
    if (this.options.noConfig) return NO_CONFIG;
    const loaded = this.options.configFile ? await this.explicit() : await this.nearest(path.dirname(path.resolve(file)));
    if (!loaded) return NO_CONFIG;
    return resolveFor(loaded, path.resolve(file));
  }

  private explicitFile?: Promise<LoadedFile | undefined>;

  private explicit(): Promise<LoadedFile | undefined> {
    this.explicitFile ??= (async () => {
      const file = path.resolve(this.options.configFile!);
      const isHadolint = HADOLINT_PLACES.includes(path.basename(file)) || /hadolint[^/]*\.ya?ml$/.test(path.basename(file));
      let result;
      try {
        result = isHadolint ? await this.hadolint.load(file) : await this.explorer.load(file);
      } catch (err) {
        throw asConfigError(file, err);
      }
      const config = isHadolint ? fromHadolint(result?.config, file) : result?.config ?? {};
      return this.finish(file, config, []);
    })();
    return this.explicitFile;
  }

  private nearest(dir: string): Promise<LoadedFile | undefined> {
    let pending = this.byDir.get(dir);
    if (!pending) {
      pending = this.search(dir);
      this.byDir.set(dir, pending);
    }
    return pending;
  }

  private async search(dir: string): Promise<LoadedFile | undefined> {
    const found = await searchFrom(this.explorer, dir);
    if (found && !found.isEmpty) return this.found(found.filepath, () => this.finish(found.filepath, found.config, []));
    const legacy = await searchFrom(this.hadolint, dir);
    if (legacy) return this.found(legacy.filepath, () => this.finish(legacy.filepath, fromHadolint(legacy.config, legacy.filepath), []));
    return undefined;
  }

  private readonly byFile = new Map<string, Promise<LoadedFile>>();

  /** One LoadedFile per configuration file, however many directories find it. */
  private found(file: string, load: () => Promise<LoadedFile>): Promise<LoadedFile> {
    let loaded = this.byFile.get(file);
    if (!loaded) this.byFile.set(file, (loaded = load()));
    return loaded;
  }

  /** Validates a loaded config and folds its `extends` chain into it. */
  private async finish(file: string, raw: unknown, chain: string[]): Promise<LoadedFile> {
    if (chain.includes(file)) throw new ConfigError(file, 'extends', `circular: ${[...chain, file].join(' → ')}`);
    const config = validateConfig(raw, file, this.linter);
    const bases = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
    let merged: PlimsollConfig = {};
    for (const base of bases) {
      let resolved: PlimsollConfig;
      if (base.startsWith('plimsoll:')) {
        const p = preset(base, this.linter);
        if (!p) throw new ConfigError(file, 'extends', `unknown preset "${base}"${didYouMean(base, PRESETS)}`);
        resolved = p;
      } else {
        const target = path.resolve(path.dirname(file), base);
        let result;
        try {
          result = await this.explorer.load(target);
        } catch (err) {
          throw asConfigError(target, err);
        }
        resolved = (await this.finish(target, result?.config ?? {}, [...chain, file])).config;
      }
      merged = merge(merged, resolved);
    }
    return { file, dir: path.dirname(file), config: merge(merged, { ...config, extends: undefined }), resolved: new Map(), matchers: new Map() };
  }
}

function merge(base: PlimsollConfig, over: PlimsollConfig): PlimsollConfig {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)),
    rules: { ...base.rules, ...over.rules },
    overrides: [...(base.overrides ?? []), ...(over.overrides ?? [])],
    ignorePatterns: [...(base.ignorePatterns ?? []), ...(over.ignorePatterns ?? [])],
  };
}

function resolveFor(loaded: LoadedFile, file: string): ResolvedConfig {
  const rel = path.relative(loaded.dir, file).split(path.sep).join('/');
  const matches = (globs: string | string[]) => {
    let matcher = loaded.matchers.get(globs);
    if (!matcher) {
      // Loaded on first use: a run without configuration files never needs it.
      const picomatch = require('picomatch') as typeof import('picomatch');
      loaded.matchers.set(globs, (matcher = picomatch(globs, { dot: true, matchBase: !String(globs).includes('/') })));
    }
    return matcher(rel);
  };
  const { config } = loaded;
  const applying = (config.overrides ?? []).flatMap((o, i) => (matches(o.files) ? [i] : []));
  const key = applying.join(',');
  let settings = loaded.resolved.get(key);
  if (!settings) {
    let rules: Record<string, RuleSetting> = { ...config.rules };
    let shellcheck = config.shellcheck;
    for (const i of applying) {
      const o = config.overrides![i];
      rules = { ...rules, ...o.rules };
      if (o.shellcheck !== undefined) shellcheck = o.shellcheck;
    }
    loaded.resolved.set(key, (settings = { rules, shellcheck }));
  }
  const { rules, shellcheck } = settings;
  return {
    rules,
    failureThreshold: config.failureThreshold,
    shellcheck,
    inlinePragmas: config.inlinePragmas,
    ignored: (config.ignorePatterns ?? []).length > 0 && !rel.startsWith('..') && matches(config.ignorePatterns!),
    source: loaded.file,
  };
}

const refuseCode: Loader = (filepath) => {
  throw new ConfigError(filepath, '', 'JavaScript configuration is not loaded here (untrusted workspace); use .plimsollrc.json or .yaml');
};

/**
 * Searches from `dir` up, then the user's global configuration directory. That directory is looked
 * at last, once nothing was found nearer, and a process may be unable to read it (`docker run -u
 * 1000` with HOME=/root): cosmiconfig then fails on its `stat`, which means nothing to find there.
 */
async function searchFrom(explorer: Explorer, dir: string) {
  try {
    return await explorer.search(dir);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { filepath?: string };
    if ((e.code === 'EACCES' || e.code === 'EPERM') && e.syscall === 'stat') return null;
    throw asConfigError(e.filepath ?? dir, err);
  }
}

function asConfigError(file: string, err: unknown): ConfigError {
  if (err instanceof ConfigError) return err;
  return new ConfigError(file, '', (err as Error)?.message ?? String(err));
}
