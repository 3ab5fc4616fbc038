import { df, lintWith, positions } from '../../helpers/lint';
import type { LintOptions } from '../../../src/engine/linter';

const RULE = 'security/root-user';
const requireUser: LintOptions = { rules: { [RULE]: ['warning', { requireUser: true }] } };

describe(RULE, () => {
  it('reports a last USER that is root, by name or id, with or without a group', async () => {
    for (const user of ['root', '0', 'root:root', '0:0', '0:1000', '00']) {
      const text = df`
        FROM debian:12
        USER app
        USER ${user}
      `;
      expect(positions(await lintWith(RULE, text))).toEqual([`3:6-3:${6 + user.length}`]);
    }
  });

  it('accepts switching back to an unprivileged user after root work', async () => {
    const text = df`
      FROM debian:12
      USER root
      RUN apt-get update
      USER 10001
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges only the target stage and the stages it is built FROM', async () => {
    const text = df`
      FROM golang:1.22 AS build
      USER root
      RUN go build -o /app .
      FROM gcr.io/distroless/static
      COPY --from=build /app /app
      USER nonroot
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('follows the FROM chain: a root USER in the parent stage is inherited', async () => {
    const text = df`
      FROM debian:12 AS base
      USER root
      FROM base
      RUN echo hi
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:6-2:10']);
  });

  it('honours --target', async () => {
    const text = df`
      FROM debian:12 AS dev
      USER root
      FROM debian:12 AS prod
      USER 10001
    `;
    expect(positions(await lintWith(RULE, text, { target: 'dev' }))).toEqual(['2:6-2:10']);
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('expands ARG values and leaves unknown ones alone', async () => {
    const text = df`
      ARG RUNTIME_USER=root
      FROM debian:12
      ARG RUNTIME_USER
      USER \${RUNTIME_USER}
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['4:6-4:21']);
    const unknown = df`
      FROM debian:12
      ARG RUNTIME_USER
      USER $RUNTIME_USER
    `;
    expect(await lintWith(RULE, unknown)).toEqual([]);
  });

  it('does not report a missing USER by default (the base image user is unknown)', async () => {
    expect(await lintWith(RULE, 'FROM debian:12\nRUN echo hi\n')).toEqual([]);
  });

  it('with requireUser, reports an image that never sets USER, at the target FROM', async () => {
    const text = df`
      FROM debian:12 AS base
      RUN echo hi
      FROM base
      CMD ["sh"]
    `;
    const findings = await lintWith(RULE, text, requireUser);
    expect(positions(findings)).toEqual(['3:6-3:10']);
    expect(findings[0].message).toContain('`debian:12`');
    expect(positions(await lintWith(RULE, 'FROM scratch\nCOPY app /\n', requireUser))).toEqual(['1:6-1:13']);
  });

  it('with requireUser, trusts images named nonroot and leaves unknown and Windows bases alone', async () => {
    for (const image of ['gcr.io/distroless/static:nonroot', 'cgr.dev/chainguard/static:latest-nonroot', '$BASE', 'mcr.microsoft.com/windows/servercore:ltsc2022']) {
      expect(await lintWith(RULE, `ARG BASE\nFROM ${image}\nCOPY app /\n`, requireUser)).toEqual([]);
    }
  });

  it('treats ContainerAdministrator as root on Windows images', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      USER ContainerAdministrator
      RUN echo hi
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:28']);
    expect(findings[0].message).toContain('ContainerUser');
    expect(await lintWith(RULE, text.replace('ContainerAdministrator', 'ContainerUser'))).toEqual([]);
  });

  it('does not take root for a name that merely contains it', async () => {
    for (const user of ['rootless', 'nonroot', '1000:0', 'app:root']) {
      expect(await lintWith(RULE, `FROM debian:12\nUSER ${user}\n`)).toEqual([]);
    }
  });
});
