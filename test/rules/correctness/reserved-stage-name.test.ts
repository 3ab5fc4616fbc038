import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/reserved-stage-name';

describe(RULE, () => {
  it('reports scratch and context in any case', async () => {
    const text = df`
      FROM alpine:3.20 AS scratch
      FROM alpine:3.20 AS Context
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:21-1:28', '2:21-2:28']);
    expect(findings[0].message).toContain('empty image');
  });

  it('stays silent for FROM scratch and names that merely contain a reserved word', async () => {
    const text = df`
      FROM scratch AS base
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS scratchpad
      FROM alpine:3.20 AS build-context
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
