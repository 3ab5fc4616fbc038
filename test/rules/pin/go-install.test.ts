import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/go-install';

describe(RULE, () => {
  it('reports @latest and branch heads, across continuation and comment lines', async () => {
    const text = df`
      FROM golang:1.23
      RUN go install golang.org/x/tools/gopls@latest \\
          # linters
          && go install honnef.co/go/tools/cmd/staticcheck@v0.5.1 \\
          && go install github.com/org/tool/cmd/tool@main
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:16-2:47', '5:19-5:52']);
    expect(findings[0].message).toBe(
      '`golang.org/x/tools/gopls@latest` follows a moving reference; pin an exact version: `golang.org/x/tools/gopls@<version>`',
    );
  });

  it('reports the other queries that name no version: upgrade, patch, HEAD', async () => {
    const text = df`
      FROM golang:1.23
      RUN go install example.com/a@upgrade example.com/b@patch example.com/c@HEAD example.com/d@master
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:16-2:37', '2:38-2:57', '2:58-2:76', '2:77-2:97']);
  });

  it('accepts versions, ranges and commits, local packages and modules versioned by go.mod', async () => {
    const text = df`
      FROM golang:1.23
      ARG TOOL_VERSION=v1.0.0
      RUN go install example.com/a@v1.2.3 example.com/b@4f2a9c1 example.com/c@v0.0.0-20240101000000-4f2a9c1d2e3f example.com/d@v1.28 'example.com/e@>=v1.2'
      RUN go install ./cmd/... . example.com/tool "example.com/x@\${TOOL_VERSION}" && go install -ldflags "-s -w" ./cmd/app
      RUN go get -d ./... && go get example.com/lib@v1.4.0 example.com/old@none && go mod download && go build ./...
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports go get without a version, which takes the newest release', async () => {
    const text = df`
      FROM golang:1.23
      RUN go get -u github.com/org/lib
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:15-2:33']);
    expect(findings[0].message).toBe(
      '`go get github.com/org/lib` without a version takes the newest release; pin one: `github.com/org/lib@<version>`',
    );
  });

  it('judges only the package of go run, not the program arguments', async () => {
    const text = df`
      FROM golang:1.23
      RUN go run example.com/gen@latest -out example.com/x@latest && go run example.com/gen@v1.0.0 && go run .
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:12-2:34']);
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM golang:1.23 AS build
      RUN sudo go install example.com/a@latest
      FROM golang:1.23-alpine
      RUN sh -c 'go install example.com/b@latest'
      RUN <<EOF
      go install example.com/c@latest
      EOF
      RUN ["go", "install", "example.com/d@latest"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN go install example.com/e@latest
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:21-2:41', '4:23-4:43', '6:12-6:32', '8:23-8:45']);
  });
});
