import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'bloat/useradd-large-uid';

describe(RULE, () => {
  it('reports a six-digit UID without -l, on the option, and fixes by adding -l', async () => {
    const text = df`
      FROM debian:12
      RUN groupadd -g 123456 app \\
          # a large id from the platform team
          && useradd -u 123456 -g app app
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['4:16-4:25']);
    const at = text.indexOf('useradd') + 'useradd'.length;
    expect(finding.fix?.edits).toEqual([{ start: at, end: at, text: ' -l' }]);
  });

  it('reads clustered, attached and long options, ARG values, sudo, heredocs and exec form', async () => {
    const text = df`
      FROM debian:12
      ARG BIG=2000000
      RUN useradd -mu 100000 a && useradd --uid=999999 b && sudo useradd -u "$BIG" c
      RUN <<EOF
      useradd -u100001 d
      EOF
      RUN ["useradd", "-u", "654321", "e"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:13-3:23', '3:37-3:49', '3:68-3:77', '5:9-5:17', '7:17-7:31']);
  });

  it('adds -l as one more JSON string in the exec form', async () => {
    const text = 'FROM debian:12\nRUN ["useradd", "-u", "654321", "e"]\n';
    const [finding] = await lintWith(RULE, text);
    const at = text.indexOf('"useradd"') + '"useradd"'.length;
    expect(finding.fix?.edits).toEqual([{ start: at, end: at, text: ', "-l"' }]);
  });

  it('accepts -l/--no-log-init, small UIDs, adduser and unknown values', async () => {
    const text = df`
      FROM debian:12
      RUN useradd -l -u 123456 a && useradd --no-log-init --uid 123456 b && useradd -lu 123456 c
      RUN useradd -u 99999 d && useradd -u 10001 e && useradd f && adduser -u 123456 -D g && useradd -u "$UNKNOWN" h
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges only shipping, non-Windows stages', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN useradd -u 123456 builder
      FROM debian:12
      COPY --from=build /out /out
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
