import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-from-unknown-stage';

describe(RULE, () => {
  it('reports a typo, a later stage, a missing index and a variable', async () => {
    const text = df`
      FROM golang:1.22 AS build
      FROM alpine:3.20
      COPY --from=biuld /src /src
      COPY --from=later /x /x
      COPY --from=5 /x /x
      COPY --from=$IMG /x /x
      FROM alpine:3.20 AS later
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:13-3:18', '4:13-4:18', '5:13-5:14', '6:13-6:17']);
    expect(findings[0].message).toContain('docker.io/library/biuld:latest');
    expect(findings[0].message).toContain('did you mean `--from=build`?');
    expect(findings[1].message).toContain('stage "later" (line 7), which comes after this one');
    expect(findings[2].message).toContain('stages 0 to 2');
    expect(findings[3].message).toContain('does not expand');
  });

  it('suggests the stage that has the word as a part of its name', async () => {
    const text = df`
      FROM golang:1.22 AS test
      FROM golang:1.22 AS license-set
      FROM scratch
      COPY --from=set /out /
    `;
    const [finding] = await lintWith(RULE, text);
    expect(finding.message).toContain('did you mean `--from=license-set`?');
  });

  it('accepts earlier stages by name in any case or by index, and image references', async () => {
    const text = df`
      FROM golang:1.22 AS build
      FROM alpine:3.20 AS final
      COPY --from=build /out /out
      COPY --from=BUILD /out /out
      COPY --from=0 /out /out
      COPY --from=nginx:1.27 /etc/nginx /etc/nginx
      COPY --from=ghcr.io/org/tool /bin/tool /bin/tool
      COPY --from=final /x /y
      ONBUILD COPY --from=assets /a /a
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reads --from the same way with the backtick escape on Windows images', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      COPY --from=bulid C:\\out C:\\app
      COPY --from=build C:\\out C:\\app
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:13-4:18']);
  });
});
