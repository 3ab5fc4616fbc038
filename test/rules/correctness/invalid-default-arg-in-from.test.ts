import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/invalid-default-arg-in-from';

describe(RULE, () => {
  it('reports an image whose tag comes out empty without a --build-arg', async () => {
    const text = df`
      ARG TAG
      FROM alpine:\${TAG}
      RUN echo hi
      FROM alpine:$TAG AS second
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:19', '4:6-4:17']);
    expect(findings[0].message).toContain('expands to `alpine:` without a --build-arg for `TAG`');
    expect(findings[0].message).toContain('its tag is empty');
  });

  it('accepts the build arguments the linter is given', async () => {
    const text = df`
      ARG TAG
      FROM alpine:\${TAG}
    `;
    expect(await lintWith(RULE, text, { buildArgs: { TAG: '3.20' } })).toEqual([]);
    expect(positions(await lintWith(RULE, text, { buildArgs: { TAG: '' } }))).toEqual(['2:6-2:19']);
  });

  it('reports defaults that are not valid references: upper case, empty registry part, bad digest', async () => {
    const text = df`
      ARG IMAGE=Alpine
      ARG REGISTRY
      ARG DIGEST
      FROM $IMAGE
      FROM \${REGISTRY}/team/app:1.0
      FROM alpine@\${DIGEST}
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:6-4:12', '5:6-5:30', '6:6-6:22']);
    expect(findings[0].message).toContain('upper-case');
    expect(findings[0].message).toContain('with its ARG defaults');
    expect(findings[1].message).toContain('empty part');
    expect(findings[2].message).toContain('digest is malformed');
  });

  it('reads continued FROM lines with comments and the backtick escape', async () => {
    const text = df`
      # escape=\`
      ARG SERVERCORE
      FROM \`
        # comment
        mcr.microsoft.com/windows/servercore:$SERVERCORE
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:3-5:51']);
  });

  it('stays silent when the reference is valid with the defaults', async () => {
    const text = df`
      ARG TAG=latest
      ARG VARIANT
      ARG MINOR
      ARG BUILDER=build
      FROM golang:1.22 AS build
      FROM busybox:stable\${VARIANT}
      FROM alpine:\${MINOR:-3.20}
      FROM alpine:$TAG
      FROM $BUILDER
      FROM --platform=$BUILDPLATFORM golang:1.22-\${TARGETOS}
      FROM scratch
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('leaves undeclared names and literal references to other rules', async () => {
    const text = df`
      FROM alpine:\${UNDECLARED}
      FROM Alpine:3.20
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
