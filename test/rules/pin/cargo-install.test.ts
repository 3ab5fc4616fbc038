import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/cargo-install';

describe(RULE, () => {
  it('reports crates without a version, across continuation and comment lines; --locked does not pin', async () => {
    const text = df`
      FROM rust:1.82
      RUN cargo install --locked \\
          # search tools
          ripgrep fd-find@10.2.0
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:5-4:12']);
    expect(findings[0].message).toBe('Pin `ripgrep` to a version: `ripgrep@<version>`');
  });

  it('accepts --version (even from a variable), crate@version, --path and variables', async () => {
    const text = df`
      FROM rust:1.82
      ARG SQLX_VERSION
      RUN cargo install --version 0.8.2 sqlx-cli && cargo install --vers "\${SQLX_VERSION}" sqlx-cli
      RUN cargo install bat@0.24.0 $CRATES && cargo install --path . && cargo install --path ./tools/gen gen
      RUN cargo build --release && cargo install --list
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports a git source without --rev or --tag, once per command', async () => {
    const text = df`
      FROM rust:1.82
      RUN cargo install --git https://github.com/org/tools a b
      RUN cargo install --git https://github.com/org/x --branch dev x
      RUN cargo install --git https://github.com/org/y --rev 4f2a9c1 y && cargo install --git=https://github.com/org/z --tag v1.0
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:25-2:53', '3:25-3:49']);
    expect(findings[0].message).toBe(
      '`https://github.com/org/tools` installs whatever the default branch holds; pin a tag or commit: `--rev <commit>` or `--tag <tag>`',
    );
    expect(findings[1].message).toContain('the moving ref `dev`');
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM rust:1.82 AS build
      RUN sudo cargo install a
      FROM rust:1.82-slim
      RUN sh -c 'cargo install b'
      RUN <<EOF
      cargo install c
      EOF
      RUN ["cargo", "install", "d"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN cargo install e
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:24-2:25', '4:26-4:27', '6:15-6:16', '8:26-8:29']);
  });
});
