import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/tls-verification-disabled';

const spans = async (text: string) => (await lintWith(RULE, text)).map((f) => text.slice(f.span.start, f.span.end));

describe(RULE, () => {
  it('reports curl and wget without certificate checks, on the option word', async () => {
    const text = df`
      FROM debian:12
      RUN curl -k https://a && curl --insecure https://b \\
          # quiet and insecure
          && curl -fsSLk https://c | tar -xz \\
          && wget --no-check-certificate https://d
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:10-2:12', '2:31-2:41', '4:13-4:19', '5:13-5:35']);
    expect(findings.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['-k', '--insecure', '-fsSLk', '--no-check-certificate']);
    expect(findings[0].message).toContain('`curl -k` turns off TLS certificate checks');
  });

  it('reports package managers told to skip TLS or signature checks', async () => {
    const text = df`
      FROM debian:12
      RUN pip install --trusted-host pypi.org flask && python3 -m pip install --trusted-host=mirror x
      RUN pip config set global.trusted-host mirror.local
      RUN npm config set strict-ssl false && yarn config set enableStrictSsl false && npm i --no-strict-ssl && npm ci --strict-ssl=false
      RUN apt-get install -y --allow-unauthenticated pkg && apt-get -o Acquire::https::Verify-Peer=false update && apt-get install --force-yes x
      RUN apk add --allow-untrusted /tmp/x.apk
      RUN yum install -y --nogpgcheck x && dnf --setopt=sslverify=0 install y && yum-config-manager --setopt=myrepo.gpgcheck=false
      RUN rpm -ivh --nosignature x.rpm && zypper --no-gpg-checks install z
      RUN composer config -g secure-http false
    `;
    expect(await spans(text)).toEqual([
      '--trusted-host pypi.org', '--trusted-host=mirror', 'global.trusted-host mirror.local',
      'strict-ssl false', 'enableStrictSsl false', '--no-strict-ssl', '--strict-ssl=false',
      '--allow-unauthenticated', '-o Acquire::https::Verify-Peer=false', '--force-yes',
      '--allow-untrusted',
      '--nogpgcheck', '--setopt=sslverify=0', '--setopt=myrepo.gpgcheck=false',
      '--nosignature', '--no-gpg-checks',
      'secure-http false',
    ]);
    const findings = await lintWith(RULE, text);
    expect(findings.find((f) => f.message.includes('--allow-untrusted'))?.message).toContain('signatures are not checked');
  });

  it('reports git, Kubernetes and OCI tool settings', async () => {
    const text = df`
      FROM alpine:3.20
      RUN git -c http.sslVerify=false clone https://git.local/a && git config --global http.sslverify false
      RUN helm repo add --insecure-skip-tls-verify r https://charts.local && skopeo copy --src-tls-verify=false a b
    `;
    expect(await spans(text)).toEqual(['-c http.sslVerify=false', 'http.sslverify false', '--insecure-skip-tls-verify', '--src-tls-verify=false']);
  });

  it('reports environment variables set by ENV, ARG, command prefixes and env', async () => {
    const text = df`
      FROM node:20
      ENV NODE_TLS_REJECT_UNAUTHORIZED=0 PYTHONHTTPSVERIFY=0
      ARG GIT_SSL_NO_VERIFY=1
      ENV npm_config_strict_ssl=false PIP_TRUSTED_HOST="pypi.org" GOINSECURE=*
      RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm install && env GIT_SSL_NO_VERIFY=true git clone https://x
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:33', '2:36-2:53', '3:5-3:22', '4:5-4:26', '4:33-4:49', '4:61-4:71', '5:5-5:35', '5:55-5:77']);
  });

  it('reads heredocs, sh -c and sudo', async () => {
    const text = df`
      FROM debian:12
      RUN <<EOF
      curl -k https://a
      EOF
      RUN sh -c 'wget --no-check-certificate https://b' && sudo apt-get install --allow-unauthenticated c
    `;
    expect(await spans(text)).toEqual(['-k', '--no-check-certificate', '--allow-unauthenticated']);
  });

  it('does not report verification left on, or look-alike options of other commands', async () => {
    const text = df`
      FROM debian:12
      ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 npm_config_strict_ssl=true
      ARG GIT_SSL_NO_VERIFY
      RUN curl -fsSL -o -k https://a && sort -k 2 f && npm config set strict-ssl true && git -c http.sslVerify=true fetch
      RUN dnf --setopt=keepcache=0 --setopt=sslverify=1 install x && apk add --no-cache curl && rpm --import key.asc
      RUN echo curl -k && apt-get -o Acquire::Retries=3 update
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN curl.exe -k https://a
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });
});
