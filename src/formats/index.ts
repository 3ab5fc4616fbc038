import type { Formatter } from './types';

/**
 * Output formats by name, each loaded only when asked for so that a run pays for one formatter
 * (chalk, the SARIF builder...) and not for all of them.
 */
export const FORMATS: Record<string, () => Formatter> = {
  stylish: () => require('./stylish').formatStylish,
  json: () => require('./json').formatJson,
  sarif: () => require('./sarif').formatSarif,
  checkstyle: () => require('./checkstyle').formatCheckstyle,
  gitlab: () => require('./gitlab').formatGitlab,
  github: () => require('./github').formatGithub,
  compact: () => require('./compact').formatCompact,
  gnu: () => require('./compact').formatGnu,
};
