// Where the shared real-world corpus is and what files it holds, for the benchmarks, the corpus
// report and the smoke test (one listing, sorted, so every consumer sees the same order).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The corpus directory: PLIMSOLL_CORPUS, or ../shared/corpus/files beside the project. */
const corpusDir = process.env.PLIMSOLL_CORPUS ?? path.resolve(__dirname, '../../shared/corpus/files');

/** Every file under `dir`, sorted by path; [] when the corpus is absent. */
function corpusFiles(dir = corpusDir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  })(dir);
  return out.sort();
}

module.exports = { corpusDir, corpusFiles };
