import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/empty-label';

describe(RULE, () => {
  it('reports labels written empty, from key to value', async () => {
    const text = df`
      FROM alpine:3.20
      LABEL a="" b='' \\
          # and one with nothing at all
          c= d=1
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:7-2:11', '2:12-2:16', '4:5-4:7']);
  });

  it('reports in every stage, with the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM alpine:3.20 AS build
      LABEL description=""
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      LABEL \`
          owner=""
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:7-3:21', '6:5-6:13']);
  });

  it('leaves alone values from variables, quoted blanks, filled labels and ENV', async () => {
    const text = df`
      FROM alpine:3.20
      ARG VERSION
      LABEL version=$VERSION description="\${DESCRIPTION}" title=app note=" "
      ENV EMPTY=""
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
