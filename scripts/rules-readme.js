#!/usr/bin/env node
// Writes rules-docs/README.md from the built rules' metadata (run `npm run build` first).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { allRules } = require('../dist/rules');
const { rulesReadme } = require('../dist/docs/rules-readme');
fs.writeFileSync(path.join(__dirname, '../rules-docs/README.md'), rulesReadme(allRules));
