#!/usr/bin/env node
'use strict';
require('../dist/lsp/main').main();
