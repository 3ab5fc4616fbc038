import addHttp from './add-http';
import chmod777 from './chmod-777';
import copySensitiveFile from './copy-sensitive-file';
import insecureRun from './insecure-run';
import nonNumericUser from './non-numeric-user';
import pipeToShell from './pipe-to-shell';
import rootUser from './root-user';
import secretInArgEnv from './secret-in-arg-env';
import secretInLabelOrValue from './secret-in-label-or-value';
import secretInRun from './secret-in-run';
import sudo from './sudo';
import tlsVerificationDisabled from './tls-verification-disabled';
import trustedRegistry from './trusted-registry';

export default [
  rootUser,
  sudo,
  trustedRegistry,
  secretInArgEnv,
  secretInLabelOrValue,
  secretInRun,
  pipeToShell,
  chmod777,
  copySensitiveFile,
  insecureRun,
  addHttp,
  tlsVerificationDisabled,
  nonNumericUser,
];
