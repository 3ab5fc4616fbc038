import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-relative-destination';

describe(RULE, () => {
  it('reports relative destinations before any WORKDIR, in every COPY form', async () => {
    const text = df`
      FROM node:20
      COPY package.json .
      ADD app.tar app
      COPY ["a", "dest"]
      COPY <<EOF conf.txt
      x=1
      EOF
      COPY a /abs
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:19-2:20', '3:13-3:16', '4:12-4:18', '5:12-5:20']);
    expect(findings[0].message).toContain("base image's WORKDIR");
  });

  it('accepts a WORKDIR set earlier in the stage or its FROM chain, and FROM scratch', async () => {
    const text = df`
      FROM node:20 AS base
      WORKDIR /app
      COPY . .
      FROM base
      COPY x y
      FROM scratch
      COPY x y
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('does not inherit a WORKDIR from an unrelated stage', async () => {
    const text = df`
      FROM node:20 AS one
      WORKDIR /app
      FROM node:20
      COPY --from=one /app/dist dist
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:27-4:31']);
  });

  it('expands ARG destinations and skips unknown ones', async () => {
    const text = df`
      FROM node:20
      ARG OUT=out
      ARG ABS=/abs
      COPY a $OUT
      COPY a $ABS
      COPY a $UNSET
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:8-4:12']);
  });

  it('knows Windows absolute paths under the backtick escape', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY a.ps1 C:\\scripts\\
      COPY b.ps1 scripts\\
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:12-4:20']);
  });
});
