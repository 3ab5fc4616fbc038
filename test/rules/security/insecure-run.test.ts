import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/insecure-run';

describe(RULE, () => {
  it('reports --security=insecure on the flag, in any stage', async () => {
    const text = df`
      # syntax=docker/dockerfile:1-labs
      FROM debian:12 AS build
      RUN --security=insecure mount -t tmpfs none /mnt
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt \\
          --security=INSECURE \\
          apt-get update
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-3:24', '6:5-6:24']);
    expect(findings[0].message).toContain('privileged');
  });

  it('accepts the sandboxed default and other RUN flags', async () => {
    const text = df`
      FROM debian:12
      RUN --security=sandbox echo hi
      RUN --network=none --mount=type=secret,id=x echo hi
      RUN echo --security=insecure
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
