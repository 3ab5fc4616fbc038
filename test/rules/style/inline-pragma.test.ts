import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/inline-pragma';

describe(RULE, () => {
  it('reports inline ignore comments of every tool', async () => {
    const text = df`
      FROM debian:12
      # hadolint ignore=DL3008
      RUN apt-get install -y curl
        # plimsoll ignore=pin/apt-packages -- pinned by the base image
      RUN apt-get install -y git
      # check=skip=JSONArgsRecommended
      CMD app
      # trivy:ignore:DS-0002
      USER root
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:1-2:25', '4:3-4:65', '6:1-6:33', '8:1-8:23']);
  });

  it('reports a stage-wide pragma too', async () => {
    const text = df`
      FROM debian:12 AS build
      # hadolint stage ignore=DL3008
      RUN apt-get install -y curl
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:1-2:31']);
  });

  it('leaves alone file-wide pragmas, the check directive, ordinary comments and comments in RUN bodies', async () => {
    const text = df`
      # check=skip=JSONArgsRecommended
      # plimsoll global ignore=bloat/consecutive-run
      FROM debian:12
      # hadolint global ignore=DL3008
      # ignore=DL3008 is what we would write
      RUN <<EOF
      # hadolint ignore=DL3008
      apt-get install -y curl
      EOF
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
