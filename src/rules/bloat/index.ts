import aptNoInstallRecommends from './apt-no-install-recommends';

export default [aptNoInstallRecommends];
