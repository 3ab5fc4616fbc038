/**
 * What BuildKit's ADD makes of a source: a Git repository (`git@host:repo`, `git://`, `ssh://`, or
 * an http(s) URL whose path ends in `.git`), a download (any other http(s) URL), or, undefined, a
 * path in the build context.
 */
export function remoteKind(source: string): 'git' | 'http' | undefined {
  if (/^git@/i.test(source) || /^(git|ssh):\/\//i.test(source)) return 'git';
  if (!/^https?:\/\//i.test(source)) return undefined;
  return /\.git\/?$/i.test(source.replace(/[#?].*$/, '')) ? 'git' : 'http';
}
