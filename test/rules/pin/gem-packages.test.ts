import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/gem-packages';

describe(RULE, () => {
  it('reports each unpinned gem, across continuation and comment lines', async () => {
    const text = df`
      FROM ruby:3.3
      RUN gem install --no-document \\
          # tooling
          bundler:2.5.22 \\
          rubocop
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:5-5:12']);
    expect(findings[0].message).toBe('Pin `rubocop` to a version: `rubocop:<version>`');
  });

  it('accepts -v/--version (even from a variable), name:version, .gem files and paths', async () => {
    const text = df`
      FROM ruby:3.3
      ARG RAILS_VERSION=7.2.1
      RUN gem install rails -v "\${RAILS_VERSION}" && gem install --version '~> 13.0' rake && gem i --version=1.16 nokogiri
      RUN gem install 'puma:~> 6.4' ./vendor/tool-1.0.gem tool.gem $GEMS && gem update --system && bundle install
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM ruby:3.3 AS build
      RUN sudo gem install a
      FROM ruby:3.3-slim
      RUN sh -c 'gem i b'
      RUN <<EOF
      gem install c
      EOF
      RUN ["gem", "install", "d"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN gem install e
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:22-2:23', '4:18-4:19', '6:13-6:14', '8:24-8:27']);
  });
});
