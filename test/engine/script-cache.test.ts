import { buildModel } from '../../src/engine/build';
import { initShellParser } from '../../src/engine/shell/parser';
import { keepScripts } from '../../src/engine/shell/script-cache';

/** RUNs of every shape the shell model reads: continuations with comments, heredocs, nesting, pipelines, errors. */
const TEXT = [
  'FROM debian:12 AS build',
  'RUN apt-get update \\',
  '  # a comment inside the continuation',
  '  && apt-get install -y --no-install-recommends curl ca-certificates \\',
  '  && rm -rf /var/lib/apt/lists/*',
  'RUN <<EOF bash',
  'set -e',
  'curl -fsSL https://example.com/x | sh -s -- --yes > /tmp/log 2>&1',
  'EOF',
  'RUN sh -c \'cd /app && make || echo "failed $X"\'',
  'RUN if [ -f a ]; then cat a | grep b; fi; echo `date` $(whoami)',
  'RUN ["sh", "-c", "echo exec form"]',
  'RUN echo "unclosed',
  'FROM alpine:3.20',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'RUN apk add --no-cache curl && curl -fsSL https://example.com | bash',
  '',
].join('\n');

const runs = (text: string) => buildModel(text, {}).instructions.filter((i) => i.run).map((i) => i.run);

describe('the RUN script cache', () => {
  beforeAll(() => initShellParser());
  afterEach(() => keepScripts(0));

  it('gives what a fresh parse gives, for RUNs seen before at the same place or elsewhere', () => {
    const shifted = '# moved down\n\n' + TEXT.replace('FROM alpine:3.20', 'FROM alpine:3.20\nRUN echo new');
    const fresh = [runs(TEXT), runs(shifted)];
    keepScripts(512 * 1024);
    expect(runs(TEXT)).toEqual(fresh[0]); // parsed and kept
    expect(runs(TEXT)).toEqual(fresh[0]); // every RUN from the cache
    expect(runs(shifted)).toEqual(fresh[1]); // from the cache, moved; one RUN new
  });

  it('keeps no more than it is given room for', () => {
    const fresh = runs(TEXT);
    keepScripts(64);
    expect(runs(TEXT)).toEqual(fresh);
    expect(runs(TEXT)).toEqual(fresh);
  });
});
