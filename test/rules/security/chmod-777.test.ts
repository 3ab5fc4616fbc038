import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/chmod-777';

describe(RULE, () => {
  it('reports world-writable modes, octal and symbolic, on the mode word', async () => {
    const text = df`
      FROM debian:12
      RUN chmod 777 /app && chmod -R 0777 /data \\
          # logs too
          && chmod a+rwx /var/log/app && chmod o+w,u+x /srv && chmod 666 /etc/app.conf
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:11-2:14', '2:32-2:36', '4:14-4:19', '4:42-4:49', '4:64-4:67']);
    expect(findings[0].message).toContain('`chmod 777`');
  });

  it('reports mkdir -m, install -m and COPY/ADD --chmod', async () => {
    const text = df`
      FROM debian:12
      RUN mkdir -pm 777 /cache && install -m0777 tool /usr/local/bin/tool
      COPY --chmod=777 entrypoint.sh /
      ADD --chmod=a+rwx https://example.com/x /x
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:15-2:18', '2:37-2:43', '3:14-3:17', '4:13-4:18']);
    expect(findings[1].message).toContain('`install -m 0777`');
  });

  it('reads heredocs, sh -c, sudo and exec form', async () => {
    const text = df`
      FROM debian:12
      RUN <<EOF
      chmod 777 /a
      EOF
      RUN sh -c 'chmod 777 /b' && sudo chmod 777 /c
      RUN ["chmod", "777", "/d"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:7-3:10', '5:18-5:21', '5:40-5:43', '6:15-6:20']);
  });

  it('accepts sticky shared directories, owner/group modes and umask-filtered modes', async () => {
    const text = df`
      FROM debian:12
      RUN chmod 1777 /tmp && chmod 755 /app && chmod 775 /data && chmod +x run.sh && chmod +w f \\
          && chmod o+t,o+w /shared && chmod a-w /ro && chmod o-rwx /private && chmod g+w /group && chmod -R u+rwX /app
      COPY --chmod=755 run.sh /
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });

  it('judges only stages whose layers ship, and not Windows stages', async () => {
    const text = df`
      FROM debian:12 AS build
      RUN chmod -R 777 /src
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
      RUN chmod 777 x
      FROM debian:12
      COPY --from=build /src/out /app
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
