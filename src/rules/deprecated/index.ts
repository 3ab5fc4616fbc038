import legacyKeyValue from './legacy-key-value';
import maintainer from './maintainer';

export default [maintainer, legacyKeyValue];
