import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/secret-in-label-or-value';
// Made-up tokens of the right shape, assembled so that the source holds none.
const GH = 'gh' + 'p_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const GL = 'glp' + 'at-' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm';
const NPM = 'np' + 'm_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8';
const JWT = 'eyJ' + 'hbGciOiJIUzI1NiJ9.eyJ' + 'zdWIiOiJkZW1vIn0.c2lnbmF0dXJlLXBsYWNl';

describe(RULE, () => {
  it('reports a service token in LABEL, ENV and ARG values, on the token itself', async () => {
    const text = df`
      ARG GITLAB=${GL}
      FROM alpine:3.20
      LABEL ci.token="${GH}"
      ENV CONFIG="{\\"jwt\\": \\"${JWT}\\"}"
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:12-1:38', '3:17-3:57', `4:25-4:${25 + JWT.length}`]);
    expect(findings[0].message).toContain('a GitLab token');
    expect(findings[0].message).not.toContain(GL);
  });

  it('reports passwords written into URLs, in values and ADD sources', async () => {
    const text = df`
      FROM python:3.12
      ENV DATABASE_URL=postgres://app:s3cr3t@db:5432/app
      ADD https://deploy:hunter2@files.example.com/app.tar.gz /tmp/
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:33-2:39', '3:20-3:27']);
  });

  it('reads exec forms, COPY heredocs and comments', async () => {
    const text = df`
      FROM node:20
      # old token: ${NPM}
      COPY <<EOF /root/.npmrc
      //registry.npmjs.org/:_authToken=${NPM}
      EOF
      CMD ["node", "app.js", "--github-token", "${GH}"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:14-2:54', '4:34-4:74', '6:43-6:83']);
  });

  it('ignores documentation placeholders, expansions, and URLs without a password', async () => {
    const text = df`
      FROM alpine:3.20
      ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
      ENV GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
      ARG DB_PASS
      ENV DATABASE_URL=postgres://app:\${DB_PASS}@db/app MIRROR=https://mirror@example.com PROXY=http://proxy:3128
      LABEL org.opencontainers.image.source=https://github.com/acme/app key="-----BEGIN PUBLIC KEY-----"
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });

  it('leaves RUN, and comment lines inside it, to security/secret-in-run', async () => {
    const text = `FROM alpine:3.20\nRUN echo ${GH} \\\n  # was ${NPM}\n  && true\n`;
    expect(await lintWith(RULE, text)).toEqual([]);
    expect(positions(await lintWith('security/secret-in-run', text))).toEqual(['2:10-2:50', '3:9-3:49']);
  });
});
