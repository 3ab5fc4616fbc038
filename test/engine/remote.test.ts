import { remoteKind } from '../../src/engine/remote';

describe('remoteKind: what ADD makes of a source', () => {
  it.each([
    ['git@github.com:moby/buildkit.git', 'git'],
    ['git://example.com/repo', 'git'],
    ['ssh://git@example.com/repo', 'git'],
    ['https://github.com/moby/buildkit.git', 'git'],
    ['https://github.com/moby/buildkit.git#v0.12.0', 'git'],
    ['https://example.com/repo.git/?ref=main', 'git'],
    ['https://example.com/app.tar.gz', 'http'],
    ['HTTP://example.com/file', 'http'],
    ['https://example.com/file.git.tar.gz', 'http'],
    ['ftp://example.com/file', undefined],
    ['app.git', undefined],
    ['./src', undefined],
  ])('%s is %s', (source, kind) => {
    expect(remoteKind(source)).toBe(kind);
  });
});
