import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/non-numeric-user';

describe(RULE, () => {
  it('reports a named final USER, and fixes it when a RUN created the account with a UID', async () => {
    const text = df`
      FROM debian:12
      RUN groupadd -g 10001 app \\
          # fixed ids for Kubernetes
          && useradd -l -u 10001 -g app app
      USER app:app
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['5:6-5:13']);
    expect(finding.message).toContain('`USER 10001:app`');
    const at = text.indexOf('app:app');
    expect(finding.fix?.edits).toEqual([{ start: at, end: at + 3, text: '10001' }]);
  });

  it('reads the UID from adduser, --uid=, and ARG values', async () => {
    const text = df`
      FROM alpine:3.20
      ARG UID=10002
      RUN adduser -D -u "\${UID}" svc
      USER svc
    `;
    const [finding] = await lintWith(RULE, text);
    expect(finding.fix?.edits[0].text).toBe('10002');
    const debian = 'FROM debian:12\nRUN adduser --uid=2000 --disabled-password --gecos "" web\nUSER web\n';
    expect((await lintWith(RULE, debian))[0].fix?.edits[0].text).toBe('2000');
  });

  it('reports without a fix when the UID is unknown or the USER comes through a variable', async () => {
    const text = df`
      FROM node:20
      USER node
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:6-2:10']);
    expect(finding.fix).toBeUndefined();
    const viaArg = 'FROM debian:12\nARG NAME=app\nRUN useradd -u 1000 app\nUSER $NAME\n';
    const [arg] = await lintWith(RULE, viaArg);
    expect(positions([arg])).toEqual(['4:6-4:11']);
    expect(arg.fix).toBeUndefined();
  });

  it('judges only the USER the image ends with', async () => {
    const text = df`
      FROM debian:12 AS build
      USER builder
      FROM debian:12
      USER app
      RUN echo hi
      USER 10001
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('leaves numeric users, root (security/root-user), unknown values and Windows alone', async () => {
    for (const user of ['10001', '10001:10001', '10001:app', 'root', '0', '$UNSET']) {
      expect(await lintWith(RULE, `FROM debian:12\nARG UNSET\nUSER ${user}\n`)).toEqual([]);
    }
    expect(await lintWith(RULE, 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n')).toEqual([]);
  });
});
