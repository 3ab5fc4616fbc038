import emptyInstruction from './empty-instruction';
import unknownFlag from './unknown-flag';
import unknownInstruction from './unknown-instruction';
import unterminatedHeredoc from './unterminated-heredoc';
import workdirRelative from './workdir-relative';
import copyMultipleSources from './copy-multiple-sources';
import copyFromUnknownStage from './copy-from-unknown-stage';
import copyFromSelf from './copy-from-self';
import duplicateStageName from './duplicate-stage-name';
import reservedStageName from './reserved-stage-name';
import multipleInstructions from './multiple-instructions';
import onbuildTrigger from './onbuild-trigger';
import copyRelativeDestination from './copy-relative-destination';
import instructionBeforeFrom from './instruction-before-from';
import copyFromRoot from './copy-from-root';
import fromPlatformConstant from './from-platform-constant';
import exposeInvalid from './expose-invalid';
import unusedStage from './unused-stage';
import copyIgnoredFile from './copy-ignored-file';
import invalidBaseImagePlatform from './invalid-base-image-platform';
import envSelfReference from './env-self-reference';
import undefinedArgInFrom from './undefined-arg-in-from';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from';
import undefinedVar from './undefined-var';
import emptyContinuation from './empty-continuation';
import nonInteractiveInstall from './non-interactive-install';
import pipefail from './pipefail';

export default [
  emptyInstruction, unknownFlag, unknownInstruction, unterminatedHeredoc,
  // structural checks
  workdirRelative, copyMultipleSources, copyFromUnknownStage, copyFromSelf, duplicateStageName, reservedStageName,
  multipleInstructions, onbuildTrigger, copyRelativeDestination, instructionBeforeFrom, copyFromRoot,
  fromPlatformConstant, exposeInvalid, unusedStage, copyIgnoredFile, invalidBaseImagePlatform,
  // variables and shell behaviour
  envSelfReference, undefinedArgInFrom, invalidDefaultArgInFrom, undefinedVar, emptyContinuation, nonInteractiveInstall, pipefail,
];
