/**
 * Property-based fuzzing of the whole engine (every rule on) with generated and mutated Dockerfiles.
 *
 * Seeded and bounded so CI is reproducible: FUZZ_RUNS, FUZZ_SEED, FUZZ_MINUTES override the run,
 * FUZZ_PATH (with the seed of the failure) replays one counterexample. `npm run fuzz` runs this file
 * with many more runs. A failure says how to replay it.
 */
import fc from 'fast-check';
import { CORPUS, corpusSample, grammarDockerfile, mutatedDockerfile } from './arbitraries';
import { checkFixes, checkLintAndRanges, checkSarif, fuzzEngine, fuzzSettings, haveSarifSchema, lintChecked, type FuzzEngine } from './properties';

const sample = corpusSample();
if (!sample.length) console.warn(`corpus not found at ${CORPUS}: mutations are applied to generated files only`);
if (!haveSarifSchema) console.warn('SARIF schema not found: the SARIF property checks only that the output is JSON with one result per finding');

const sources: [string, fc.Arbitrary<string>][] = [
  ['generated', grammarDockerfile],
  ['mutated', mutatedDockerfile(sample)],
];

/** Default runs per source are sized by each check's cost so the file stays under a minute on 2 cores. */
const properties: { name: string; runs: number; check: (e: FuzzEngine, text: string) => void | Promise<void> }[] = [
  { name: 'a. linting never throws and no rule fails', runs: 800, check: (e, t) => void lintChecked(e, t) },
  { name: 'b. every finding and fix range lies inside the text, with consistent lines and columns', runs: 800, check: (e, t) => void checkLintAndRanges(e, t) },
  { name: 'c. the SARIF log is valid against the SARIF 2.1.0 schema', runs: 250, check: checkSarif },
  { name: 'd. fixing is idempotent and adds no parse problem', runs: 500, check: checkFixes },
];

describe.each(properties)('$name', ({ name, runs, check }) => {
  const { parameters, timeoutMs } = fuzzSettings(runs, properties.length * sources.length);

  it.each(sources)('on %s Dockerfiles', async (source, arbitrary) => {
    const engine = await fuzzEngine();
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (text) => {
        await check(engine, text);
      }),
      parameters,
    );
    if (details.failed) {
      // fast-check's report has the seed, path and shrunk input; the command saves working out the rest.
      const test = `${name} on ${source} Dockerfiles`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx jest test/fuzz -t '${test}'`;
      throw new Error(`${fc.defaultReportMessage(details)}\n\nReplay: ${replay}`);
    }
  }, timeoutMs);
});
