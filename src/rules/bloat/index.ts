import addRemoteArchive from './add-remote-archive';
import aptNoInstallRecommends from './apt-no-install-recommends';
import chownAfterCopy from './chown-after-copy';
import cleanupInLaterLayer from './cleanup-in-later-layer';
import consecutiveRun from './consecutive-run';
import copyThenExtract from './copy-then-extract';
import packageManagerCache from './package-manager-cache';
import packageUpgrade from './package-upgrade';
import removeInLaterLayer from './remove-in-later-layer';
import useraddLargeUid from './useradd-large-uid';

export default [
  aptNoInstallRecommends,
  packageManagerCache,
  cleanupInLaterLayer,
  removeInLaterLayer,
  chownAfterCopy,
  addRemoteArchive,
  consecutiveRun,
  packageUpgrade,
  useraddLargeUid,
  copyThenExtract,
];
