import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-from-root';

describe(RULE, () => {
  it('reports copying the root of a system stage or image over the root', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN make
      FROM debian:12
      COPY --from=build / /
      COPY --link --from=busybox:1.36 "/" /.
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:19-4:22', '5:33-5:39']);
    expect(findings[0].message).toContain('entire filesystem');
  });

  it('allows squashing into FROM scratch, stages rooted in scratch and tool images built for it', async () => {
    const text = df`
      FROM debian:12 AS build
      FROM scratch AS files
      COPY etc /etc
      FROM files AS more
      FROM scratch
      COPY --from=build / /
      FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx
      FROM alpine:3.20
      COPY --from=more / /
      COPY --from=xx / /
      COPY --from=tonistiigi/xx / /
      COPY --from=gloursdocker/docker / /
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('stays silent for partial copies and copies from the context', async () => {
    const text = df`
      FROM debian:12 AS build
      FROM debian:12
      COPY --from=build / /app
      COPY --from=build /app /
      COPY ["/", "/"]
      COPY / /
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
