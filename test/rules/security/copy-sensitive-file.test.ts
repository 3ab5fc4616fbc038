import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/copy-sensitive-file';

describe(RULE, () => {
  it('reports SSH keys and .ssh directories, suggesting an ssh mount', async () => {
    const text = df`
      FROM alpine:3.20
      COPY id_rsa /root/.ssh/id_rsa
      ADD keys/id_ed25519 .ssh/ /root/
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:12', '3:5-3:20', '3:21-3:26']);
    expect(findings[0].message).toContain('--mount=type=ssh');
  });

  it('reports credential files, suggesting a secret mount', async () => {
    const text = df`
      FROM node:20
      COPY package.json .npmrc ./
      COPY .env /app/.env
      COPY .env.production config/.pypirc .netrc .git-credentials /app/
      COPY --chown=app home/.aws/credentials home/.docker/config.json home/.kube/config /home/app/
      COPY certs/server.key certs/privkey.pem certs/client.p12 /etc/ssl/private/
    `;
    const findings = await lintWith(RULE, text);
    expect(findings.map((f) => sourceNamed(f.message))).toEqual([
      '.npmrc', '.env', '.env.production', 'config/.pypirc', '.netrc', '.git-credentials', 'home/.aws/credentials',
      'home/.docker/config.json', 'home/.kube/config', 'certs/server.key', 'certs/privkey.pem', 'certs/client.p12',
    ]);
    expect(positions(findings).slice(0, 2)).toEqual(['2:19-2:25', '3:6-3:10']);
    expect(findings[0].message).toContain('--mount=type=secret');
  });

  it('expands ARG values in sources', async () => {
    const text = df`
      FROM alpine:3.20
      ARG KEY=id_ecdsa
      COPY \${KEY} /root/.ssh/
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:6-3:12']);
  });

  it('does not report public keys, certificates, templates or look-alikes', async () => {
    const text = df`
      FROM alpine:3.20
      COPY id_rsa.pub .ssh/known_hosts .ssh/config /root/.ssh/
      COPY .env.example .env.sample .envrc environment.ts /app/
      COPY certs/cert.pem certs/fullchain.pem certs/ca.pem /etc/ssl/certs/
      COPY nodesource-repo.gpg.key repo.key release.key public.key /usr/share/keyrings/
      COPY credentials.example.json keyboard.conf /app/
      COPY jenkins.io-2026.key /war/jenkins-key.pub
      ADD https://example.com/.env /tmp/remote
      COPY <<EOF /app/.env
      MODE=production
      EOF
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });
});

/** The source a message names. */
function sourceNamed(message: string): string {
  return /^`(?:COPY|ADD) ([^`]+)`/.exec(message)![1];
}
