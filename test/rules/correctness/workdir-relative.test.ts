import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/workdir-relative';

describe(RULE, () => {
  it('reports a relative WORKDIR resolved against the base image, without a fix', async () => {
    const findings = await lintWith(RULE, 'FROM alpine:3.20\nWORKDIR app\n');
    expect(positions(findings)).toEqual(['2:9-2:12']);
    expect(findings[0].message).toContain("base image's WORKDIR");
    expect(findings[0].fix).toBeUndefined();
  });

  it('fixes to the absolute path when an earlier WORKDIR of the stage or its FROM chain decides it', async () => {
    const text = df`
      FROM debian:12 AS base
      WORKDIR /opt
      FROM base
      WORKDIR tool/../bin
      FROM scratch
      WORKDIR data
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:9-4:20', '6:9-6:13']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['/opt/bin', '/data']);
    expect(findings[0].message).toContain('resolves to `/opt/bin`');
  });

  it('does not carry a WORKDIR across stages that are not built FROM each other', async () => {
    const text = df`
      FROM debian:12 AS one
      WORKDIR /srv
      FROM debian:12
      WORKDIR app
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:9-4:12']);
    expect(findings[0].fix).toBeUndefined();
  });

  it('expands ARG values but fixes only literal paths', async () => {
    const text = df`
      FROM alpine:3.20
      ARG DIR=data
      ARG ABS=/srv
      WORKDIR \${ABS}
      WORKDIR $DIR
      WORKDIR $UNSET
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:9-5:13']);
    expect(findings[0].message).toContain('resolves to `/srv/data`');
    expect(findings[0].fix).toBeUndefined();
  });

  it('keeps quoted paths with spaces in one piece', async () => {
    const text = 'FROM alpine:3.20\nWORKDIR "/srv"\nWORKDIR "my app"\nWORKDIR "/abs dir"\n';
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:9-3:17']);
    expect(findings[0].fix?.edits[0].text).toBe('"/srv/my app"');
  });

  it('treats drive-letter paths as absolute on Windows images and does not guess below them', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      WORKDIR C:\\app
      WORKDIR c:/tools
      WORKDIR logs
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:9-5:13']);
    expect(findings[0].message).toContain('WORKDIR set above');
    expect(findings[0].fix).toBeUndefined();
  });

  it('stays silent on absolute paths and on ONBUILD triggers', async () => {
    const text = df`
      FROM alpine:3.20
      WORKDIR /app
      WORKDIR /app/sub
      ONBUILD WORKDIR relative
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
