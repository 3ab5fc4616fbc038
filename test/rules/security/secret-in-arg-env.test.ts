import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/secret-in-arg-env';

describe(RULE, () => {
  it('reports build arguments named like secrets, with or without a default', async () => {
    const text = df`
      ARG GITHUB_TOKEN
      FROM node:20
      ARG NPM_TOKEN=abc123
      ARG VERSION=1 SECRET_KEY_BASE
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:5-1:17', '3:5-3:14', '4:15-4:30']);
    expect(findings[0].message).toContain('--mount=type=secret,id=github_token');
  });

  it('reports ENV names in every spelling: snake, camel, legacy form, and values taken from an ARG', async () => {
    const text = df`
      FROM node:20
      ENV DB_PASSWORD=hunter2 \\
          # the AWS pair
          AWS_SECRET_ACCESS_KEY=abc
      ENV apiKey=x
      ENV MYSQL_ROOT_PASSWORD root
      ARG NODE_AUTH_TOKEN
      ENV NODE_AUTH_TOKEN=\${NODE_AUTH_TOKEN} SMTP_PASS=pw
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:16', '4:5-4:26', '5:5-5:11', '6:5-6:24', '7:5-7:20', '8:5-8:20', '8:40-8:49']);
    expect(findings[1].message).toContain('image config');
  });

  it('does not report names that describe a secret rather than hold it', async () => {
    const text = df`
      FROM python:3.12
      ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D GPG_KEYS="B0B4 1234"
      ARG PASSWORD_FILE=/run/secrets/db
      ENV POSTGRES_PASSWORD_FILE=/run/secrets/pg SESSION_SECRET_FILE=x
      ENV TOKEN_URL=https://auth.example.com/token SECRET_NAME=app API_KEY_NAME=x
      ARG PUBLIC_KEY
      ARG STRIPE_PUBLISHABLE_KEY
      ENV SSH_AUTH_SOCK=/ssh-agent SSH_KEY_DIR=/keys
      ARG AWS_ACCESS_KEY_ID
      ARG AUTH_MODULE_VERSION=1.2
      ENV TOKENIZERS_PARALLELISM=false KEYCLOAK_VERSION=24 PASS_THROUGH=1 AUTH_TYPE=oauth CACHE_KEY=v1 KEY=x
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });

  it('does not report values that cannot be secrets: empty, switches, paths', async () => {
    const text = df`
      FROM debian:12
      ENV DB_PASSWORD=
      ARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT
      ENV TOKEN_EXPIRATION_TIME=3600 JWT_SECRET=dummy
      ENV PASSWORD_AUTH=no REQUIRE_TOKEN=true
      ENV GIT_CREDENTIALS=/run/secrets/git-credentials
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports in every stage, including Windows ones', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
      ENV ADMIN_PASSWORD=P@ssw0rd
      FROM alpine:3.20
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:19']);
  });
});
