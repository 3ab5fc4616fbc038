/**
 * The checks of the tools users come from, so the docs can map every one of them to a plimsoll
 * rule (through that rule's aliases) or say why there is none. A test keeps both lists complete.
 */

/** hadolint's DL ids: DL1001, DL3000–DL3067, DL4000–DL4006. */
export const HADOLINT_IDS: string[] = [
  'DL1001',
  ...Array.from({ length: 68 }, (_, i) => `DL${3000 + i}`),
  ...Array.from({ length: 7 }, (_, i) => `DL${4000 + i}`),
];

/** BuildKit's `docker build --check` rules. */
export const BUILDKIT_CHECKS: string[] = [
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom',
  'InvalidDefinitionDescription', 'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated',
  'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform', 'ReservedStageName',
  'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
];

/** Why an id has no plimsoll rule. An id listed here must not also be a rule's alias. */
export const NO_RULE_REASONS: Record<string, string> = {
  DL3017: 'retired by hadolint (`apk upgrade`); the upgrade itself is judged by [`bloat/package-upgrade`](bloat/package-upgrade.md)',
  DL3031: 'retired by hadolint (`yum update`); the upgrade itself is judged by [`bloat/package-upgrade`](bloat/package-upgrade.md)',
  DL3035: 'retired by hadolint (`zypper dist-upgrade`); the upgrade itself is judged by [`bloat/package-upgrade`](bloat/package-upgrade.md)',
  DL3039: 'retired by hadolint (`dnf update`); the upgrade itself is judged by [`bloat/package-upgrade`](bloat/package-upgrade.md)',
  DL4002: 'never assigned by hadolint',
};
