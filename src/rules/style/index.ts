import addInsteadOfCopy from './add-instead-of-copy';
import aptInsteadOfAptGet from './apt-instead-of-apt-get';
import cdInsteadOfWorkdir from './cd-instead-of-workdir';
import emptyLabel from './empty-label';
import exposeProtoCasing from './expose-proto-casing';
import fromAsCasing from './from-as-casing';
import inlinePragma from './inline-pragma';
import instructionCasing from './instruction-casing';
import invalidDefinitionDescription from './invalid-definition-description';
import irrelevantCommand from './irrelevant-command';
import jsonArgs from './json-args';
import labelKey from './label-key';
import labelSchema from './label-schema';
import missingHealthcheck from './missing-healthcheck';
import redundantTargetPlatform from './redundant-target-platform';
import shellSymlink from './shell-symlink';
import stageNameCasing from './stage-name-casing';
import wgetAndCurl from './wget-and-curl';
import wgetProgress from './wget-progress';

// style/unused-pragma is registered in src/rules/index.ts by its author.
export default [
  cdInsteadOfWorkdir,
  addInsteadOfCopy,
  jsonArgs,
  aptInsteadOfAptGet,
  wgetProgress,
  wgetAndCurl,
  shellSymlink,
  irrelevantCommand,
  inlinePragma,
  instructionCasing,
  fromAsCasing,
  stageNameCasing,
  exposeProtoCasing,
  redundantTargetPlatform,
  missingHealthcheck,
  labelKey,
  labelSchema,
  emptyLabel,
  invalidDefinitionDescription,
];
