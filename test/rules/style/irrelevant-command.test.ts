import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/irrelevant-command';

describe(RULE, () => {
  it('reports each command by name, across continuation and comment lines', async () => {
    const text = df`
      FROM ubuntu:24.04
      RUN apt-get install -y nginx \\
          # start it to check the config
          && service nginx start \\
          && ps aux
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:8-4:15', '5:8-5:10']);
    expect(findings[0].message).toContain('`service`');
  });

  it('reads sudo, sh -c, heredocs, exec form and full paths', async () => {
    const text = df`
      FROM debian:12
      RUN sudo kill -9 1 || sh -c 'free -m'
      RUN <<EOF
      /usr/bin/vim -c wq /etc/hosts
      top -b -n1
      EOF
      RUN ["shutdown", "-h", "now"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:10-2:14', '2:30-2:34', '4:1-4:13', '5:1-5:4', '7:6-7:16']);
  });

  it('accepts installing these tools, ssh with the SSH agent mounted, and Windows stages', async () => {
    const text = df`
      # escape=\`
      FROM debian:12
      RUN apt-get install -y --no-install-recommends openssh-client vim nano procps
      RUN command -v ssh && which top && echo service
      RUN --mount=type=ssh ssh -T git@github.com || true
      RUN --mount=type=cache,target=/var/cache/apt ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN mount C: \`
          && ifconfig
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
