import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-from-self';

describe(RULE, () => {
  it('reports --from naming the current stage by name in any case or by index', async () => {
    const text = df`
      FROM alpine:3.20 AS app
      COPY --from=app /a /b
      COPY --from=APP /a /b
      COPY --from=0 /a /b
      FROM alpine:3.20
      COPY --from=1 /a /b
      COPY --from=app /a /b
      COPY --from=0 /a /b
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:13-2:16', '3:13-3:16', '4:13-4:14', '6:13-6:14']);
    expect(findings[0].message).toContain('cannot copy from itself');
  });

  it('follows BuildKit when a name is repeated: it means the last stage with it', async () => {
    const text = df`
      FROM alpine:3.20 AS x
      FROM alpine:3.20 AS x
      COPY --from=x /a /b
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:13-3:14']);
  });

  it('stays silent for other stages, images, JSON form and ONBUILD triggers', async () => {
    const text = df`
      FROM alpine:3.20 AS base
      FROM base AS app
      COPY --from=base ["/a", "/b"]
      COPY --from=app:1.0 /a /b
      ONBUILD COPY --from=app /a /b
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
  it('reports on Windows images under the backtick escape', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
      COPY --from=win C:\\a C:\\b
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:13-3:16']);
  });
});
