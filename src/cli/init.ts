import * as fs from 'node:fs';
import * as path from 'node:path';
import { cosmiconfig, defaultLoaders } from 'cosmiconfig';
import { fromHadolint } from '../config/hadolint';
import { ConfigError } from '../config/types';
import { validateConfig } from '../config/validate';
import type { Linter } from '../engine/linter';
import type { Io } from './main';

const TARGET = '.plimsollrc.json';

/** `plimsoll init --from-hadolint [file]`: writes the plimsoll configuration equivalent to a `.hadolint.yaml`. */
export async function initFromHadolint(args: string[], io: Io, linter: Linter): Promise<number> {
  const explorer = cosmiconfig('hadolint', {
    searchPlaces: ['.hadolint.yaml', '.hadolint.yml'],
    loaders: { '.yaml': defaultLoaders['.yaml'], '.yml': defaultLoaders['.yaml'] },
    searchStrategy: 'global',
  });
  const found = args[0] ? await explorer.load(path.resolve(io.cwd, args[0])) : await explorer.search(io.cwd);
  if (!found) {
    io.stderr.write('plimsoll: no .hadolint.yaml or .hadolint.yml found here or above\n');
    return 2;
  }
  const config = fromHadolint(found.config, found.filepath);
  const target = path.join(io.cwd, TARGET);
  validateConfig(config, target, linter);
  if (fs.existsSync(target)) throw new ConfigError(target, '', 'already exists; remove it first');
  fs.writeFileSync(target, JSON.stringify(config, null, 2) + '\n');
  io.stdout.write(`wrote ${TARGET} from ${path.relative(io.cwd, found.filepath) || found.filepath}\n`);
  return 0;
}
