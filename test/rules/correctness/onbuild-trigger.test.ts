import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/onbuild-trigger';

describe(RULE, () => {
  it('reports ONBUILD ONBUILD, FROM and MAINTAINER triggers and a bare ONBUILD', async () => {
    const text = df`
      FROM alpine:3.20
      ONBUILD ONBUILD RUN x
      ONBUILD FROM alpine
      onbuild maintainer me
      ONBUILD
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:9-2:16', '3:9-3:13', '4:9-4:19', '5:1-5:8']);
    expect(findings[2].message).toContain('`ONBUILD maintainer`');
  });

  it('stays silent for allowed triggers, heredocs included', async () => {
    const text = df`
      FROM alpine:3.20
      ONBUILD RUN echo ok
      ONBUILD COPY . /app
      ONBUILD RUN <<EOF
      echo FROM x
      EOF
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
  it('reads triggers the same way on Windows images under the backtick escape', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      ONBUILD FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      ONBUILD RUN powershell -Command \`
          Write-Host ok
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:9-3:13']);
  });
});
