import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/invalid-definition-description';

describe(RULE, () => {
  it('reports a comment directly above an ARG or a named FROM that does not start with its name', async () => {
    const text = df`
      # pinned for reproducibility
      ARG GO_VERSION=1.22
      # compile the binary
      FROM golang:\${GO_VERSION} AS build
      # the version to stamp
      ARG VERSION
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['1:1-1:29', '3:1-3:21', '5:1-5:23']);
    expect(findings[1].message).toContain('`# build ...`');
  });

  it('accepts descriptions that start with a name (stage names in lower case), as BuildKit reads them', async () => {
    const text = df`
      # GO_VERSION is the toolchain
      ARG GO_VERSION=1.22
      # Build compiles the binary
      # build compiles the binary
      FROM golang:\${GO_VERSION} AS Build
      # B is the second of two
      ARG A=1 B=2
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('leaves alone comments set apart by a blank line or an empty #, pragmas, unnamed FROM and other instructions', async () => {
    const text = df`
      # escape=\`
      # a header comment

      ARG GO_VERSION=1.22
      # a comment
      #
      FROM golang:\${GO_VERSION} AS build
      # hadolint ignore=DL3008
      ARG DEBIAN_FRONTEND=noninteractive
      # the runtime image
      FROM alpine:3.20
      # install the tools
      RUN apk add --no-cache git
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reads the comment above a FROM continued over several lines', async () => {
    const text = df`
      # for tests
      FROM alpine:3.20 \\
          AS test
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['1:1-1:12']);
  });
});
