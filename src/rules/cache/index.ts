import type { Rule } from '../../engine/rule';
import addUrl from './add-url';
import aptUpdateSeparate from './apt-update-separate';
import copyBeforeInstall from './copy-before-install';
import earlyArg from './early-arg';
import mountOpportunity from './mount-opportunity';

const rules: Rule[] = [copyBeforeInstall, aptUpdateSeparate, addUrl, earlyArg, mountOpportunity];
export default rules;
