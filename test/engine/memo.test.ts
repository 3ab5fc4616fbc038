import { createLinter } from '../../src/index';
import { lintMemo } from '../../src/engine/memo';

describe('lint memos', () => {
  it('are emptied once a lint is over, so no model outlives its lint', async () => {
    const linter = await createLinter();
    const table = lintMemo<object, number>();
    table.set({}, 1);
    const result = linter.lintText('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', { shellcheck: false });
    expect(result.findings.length).toBeGreaterThan(0);
    expect(table.size).toBe(0);
  });

});
