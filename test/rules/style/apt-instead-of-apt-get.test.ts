import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/apt-instead-of-apt-get';

describe(RULE, () => {
  it('reports apt with its action and renames it, across continuation and comment lines', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN apt update \\
          # then the packages
          && apt install -y --no-install-recommends curl
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:15', '4:8-4:19']);
    expect(findings.map((f) => f.fix?.edits)).toEqual([[{ start: 22, end: 25, text: 'apt-get' }], [{ start: 66, end: 69, text: 'apt-get' }]]);
  });

  it('keeps upgrade as it was with --with-new-pkgs, also in exec form', async () => {
    const text = df`
      FROM debian:12
      RUN apt upgrade -y
      RUN ["apt", "upgrade", "-y"]
    `;
    const findings = await lintWith(RULE, text);
    expect(findings.map((f) => f.fix?.edits)).toEqual([
      [{ start: 19, end: 22, text: 'apt-get' }, { start: 30, end: 30, text: ' --with-new-pkgs' }],
      [{ start: 39, end: 44, text: '"apt-get"' }, { start: 55, end: 55, text: ', "--with-new-pkgs"' }],
    ]);
  });

  it('sees through sudo, env, sh -c, heredocs and the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN sudo apt remove -y x && \`
          env DEBIAN_FRONTEND=noninteractive /usr/bin/apt purge -y y
      RUN sh -c 'apt autoremove -y'
      RUN <<EOF
      apt-get update
      apt clean
      EOF
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:10-3:20', '4:40-4:58', '5:12-5:26', '8:1-8:10']);
    expect(findings[1].fix?.edits).toEqual([{ start: 95, end: 107, text: '/usr/bin/apt-get' }]);
  });

  it('reports queries and unknown actions without a fix, naming the stable tool', async () => {
    const text = df`
      FROM debian:12
      RUN apt search jq && apt full-upgrade -y && apt
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:15', '2:22-2:38', '2:45-2:48']);
    expect(findings[0].message).toContain('`apt-cache search`');
    expect(findings.map((f) => f.fix)).toEqual([undefined, undefined, undefined]);
  });

  it('leaves alone apt-get, apt-cache, apt as a word and Windows stages', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update && apt-cache policy curl && echo apt install x
      RUN --mount=type=cache,target=/var/cache/apt apt-get install -y --no-install-recommends curl
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN apt install x
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
