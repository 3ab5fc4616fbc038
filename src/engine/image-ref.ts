/** A parsed image reference: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  /** The reference as written after variable expansion. */
  text: string;
  /** Registry host when the first path component names one (`ghcr.io`, `localhost:5000`). */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** Offsets of the tag and digest (without the `:`/`@`) within `text`. */
  tagOffset?: number;
  digestOffset?: number;
}

/**
 * Splits an image reference. A first path component is a registry when it holds a `.` or a `:`
 * or is `localhost`, as in the Docker reference grammar; a `:` after the last `/` starts the tag.
 */
export function parseImageRef(text: string): ImageRef {
  let rest = text;
  let digest: string | undefined;
  let digestOffset: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestOffset = at + 1;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  let tagOffset: number | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    tagOffset = colon + 1;
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { text, registry, repository: rest, tag, digest, tagOffset, digestOffset };
}

/** Official-image style name without the implicit `docker.io/library/` prefix, lower-cased. */
export function shortRepository(ref: ImageRef): string {
  const repo = ref.repository.toLowerCase();
  return repo.startsWith('library/') && (!ref.registry || ref.registry === 'docker.io') ? repo.slice(8) : repo;
}

/** Name parts that only Windows images carry (`windows/servercore`, `node-windows`, `dotnet-framework`). */
const WINDOWS_WORDS = new Set(['windows', 'windowsservercore', 'nanoserver', 'servercore', 'dotnet-framework', 'iis']);

/**
 * Whether a base image is (almost certainly) a Windows image, decided from well-known names and
 * tags, since the registry cannot be asked offline.
 */
export function looksWindows(ref: ImageRef): boolean {
  const repo = shortRepository(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  if (/(^|[-_.])(windowsservercore|nanoserver|ltsc20\d\d|servercore|windows)([-_.]|$)/.test(tag)) return true;
  if (repo.split('/').some((part) => WINDOWS_WORDS.has(part)) || repo.includes('dotnet/framework')) return true;
  return repo.split(/[-_/.]/).some((word) => word === 'windows' || word === 'windowsservercore' || word === 'nanoserver');
}
