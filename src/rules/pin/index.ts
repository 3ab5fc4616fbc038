import baseImageDigest from './base-image-digest';
import baseImageLatest from './base-image-latest';
import baseImageTag from './base-image-tag';

export default [baseImageTag, baseImageLatest, baseImageDigest];
