import aptPackages from './apt-packages';
import apkPackages from './apk-packages';
import baseImageDigest from './base-image-digest';
import baseImageLatest from './base-image-latest';
import baseImageTag from './base-image-tag';
import cargoInstall from './cargo-install';
import gemPackages from './gem-packages';
import goInstall from './go-install';
import npmPackages from './npm-packages';
import pipPackages from './pip-packages';
import rpmPackages from './rpm-packages';
import zypperPackages from './zypper-packages';

export default [
  baseImageTag,
  baseImageLatest,
  baseImageDigest,
  aptPackages,
  apkPackages,
  rpmPackages,
  zypperPackages,
  pipPackages,
  npmPackages,
  gemPackages,
  goInstall,
  cargoInstall,
];
