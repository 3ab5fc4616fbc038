import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/secret-in-run';
// Made-up tokens of the right shape, assembled so that the source holds none.
const NPM = 'np' + 'm_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8';
const GH = 'gh' + 'p_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe(RULE, () => {
  it('reports passwords given to curl, in URLs and to mysql, narrowed to the password', async () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSL -u admin:hunter2 https://files.example.com/a \\
          # clone with credentials
          && git clone https://ci:s3cret@git.example.com/app.git \\
          && mysql -uroot -proot123 -e 'select 1'
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:25-2:32', '4:29-4:35', '5:23-5:30']);
    expect(findings[0].message).toContain('`curl -u`');
    expect(findings[0].message).not.toContain('hunter2');
  });

  it('reports registry logins, password options and secret settings', async () => {
    const text = df`
      FROM docker:27
      RUN docker login -u me -p s3cret registry.example.com
      RUN ./deploy --api-key abc123def && sshpass -p pw0rd ssh host true
      RUN aws configure set aws_secret_access_key wJalrXUtnFEMI
      RUN npm config set //registry.npmjs.org/:_authToken abc123
      RUN htpasswd -bc /etc/nginx/.htpasswd admin adminpw
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:27-2:33', '3:24-3:33', '3:48-3:53', '4:45-4:58', '5:53-5:59', '6:45-6:52']);
  });

  it('reports secret-named assignments and passwords piped to chpasswd or --password-stdin', async () => {
    const text = df`
      FROM debian:12
      RUN PGPASSWORD=pg123 psql -h db -c 'select 1'
      RUN env DB_PASSWORD=abc ./migrate --set auth.rootPassword=xyz
      RUN echo 'root:toor' | chpasswd
      RUN echo s3cret | docker login --password-stdin -u me
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:16-2:21', '3:21-3:24', '3:59-3:62', '4:16-4:20', '5:10-5:16']);
  });

  it('finds service tokens anywhere in the RUN: words, heredoc bodies, sh -c, Windows command lines', async () => {
    const text = df`
      FROM node:20
      RUN <<EOF
      cat > /root/.npmrc <<NPMRC
      //registry.npmjs.org/:_authToken=${NPM}
      NPMRC
      npm ci
      EOF
      RUN sh -c 'curl -H "Authorization: token ${GH}" https://api.github.com/user'
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN powershell -Command Invoke-WebRequest -Headers @{Authorization='token ${GH}'} https://api.github.com
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:34-4:74', '8:42-8:82', '10:75-10:115']);
    expect(findings[0].message).toContain('an npm token');
  });

  // One made-up token per service pattern (split so the source holds none): each must be found,
  // which also keeps the quick prefix scan in _secrets.ts in step with the patterns.
  const body = (n: number) => 'q7W2e9R4t1Y6u3I8o5P0a2S7d4F9g1H6j3K8l5Z0x2C7v4B9n1M6'.repeat(4).slice(0, n);
  it.each([
    ['an AWS access key id', 'AK' + 'IA' + body(16).toUpperCase()],
    ['a GitHub token', 'gh' + 'o_' + body(36)],
    ['a GitHub token', 'github' + '_pat_' + body(60)],
    ['a GitLab token', 'glp' + 'at-' + body(20)],
    ['a Slack token', 'xo' + 'xb-' + body(30)],
    ['a Slack webhook', 'hooks.slack.com/services/' + 'T' + body(9).toUpperCase() + '/B' + body(9).toUpperCase() + '/' + body(24)],
    ['an npm token', NPM],
    ['a PyPI token', 'pypi-' + 'AgEIcHlwaS5vcmc' + body(60)],
    ['a Docker Hub token', 'dckr' + '_pat_' + body(30)],
    ['a Hugging Face token', 'hf' + '_' + body(36).replace(/[0-9]/g, 'x')],
    ['an OpenAI key', 's' + 'k-proj-' + body(48)],
    ['a Stripe secret key', 's' + 'k_live_' + body(30)],
    ['a SendGrid key', 'S' + 'G.' + body(22) + '.' + body(43)],
    ['a private key', '-----BEGIN ' + 'OPENSSH PRIVATE KEY-----'],
    ['a JSON Web Token', 'ey' + 'J' + body(20) + '.ey' + 'J' + body(20) + '.' + body(20)],
  ])('finds %s', async (what, token) => {
    const findings = await lintWith(RULE, `FROM alpine:3\nRUN echo '${token}' > /tmp/t\n`);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining(`This RUN holds ${what}`)]);
  });

  it('does not report expansions, prompts, secret mounts or files', async () => {
    const text = df`
      FROM debian:12
      RUN curl -u "$USER:$PASS" https://a && curl -u admin https://b && curl -u admin: https://c
      RUN docker login -u me --password-stdin registry < /run/secrets/pw
      RUN cat /run/secrets/pw | docker login --password-stdin -u me
      RUN echo "$PW" | chpasswd && echo 'root:$6$salt$hash' | chpasswd -e
      RUN mysql -p mydb && git clone https://\${TOKEN}@github.com/a/b && git clone https://oauth2:$TOKEN@gitlab.com/a/b
      RUN ./tool --password-file /run/secrets/pw --token-file=/run/secrets/t --no-password db
      RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci
      RUN sed -i 's/#PasswordAuthentication yes/PasswordAuthentication no/' /etc/ssh/sshd_config
      RUN PASSWORD_AUTHENTICATION=no ./configure && echo "password=$PW" >> app.ini
      RUN npm config set strict-ssl false && npm config set //registry.npmjs.org/:_authToken "\${NPM_TOKEN}"
      RUN adduser --disabled-password --gecos "" app && useradd --password-stdin bob
      RUN SECRET_KEY=dummy python manage.py collectstatic && SECRET_KEY_BASE=fake_for_precompile rails assets:precompile
      RUN SECRET_KEY=not-so-secret-key-just-for-collectstatic ./manage.py check
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });
});
