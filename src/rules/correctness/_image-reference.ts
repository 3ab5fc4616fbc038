/**
 * Checks an image reference against the Docker reference grammar, as BuildKit does before it
 * pulls a FROM image: `[domain[:port]/]path[:tag][@algorithm:hex]`, with lower-case path
 * components. Written as scans over the parts rather than one large pattern, so it stays linear.
 */

const isLowerAlnum = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

/** A path component: lower-case alphanumeric runs joined by `.`, `_`, `__` or any number of `-`. */
function validComponent(part: string): boolean {
  if (!part || !isLowerAlnum(part[0]) || !isLowerAlnum(part[part.length - 1])) return false;
  let separator = '';
  for (const c of part) {
    if (isLowerAlnum(c)) {
      if (separator && !(separator === '.' || separator === '_' || separator === '__' || /^-+$/.test(separator))) return false;
      separator = '';
    } else if (c === '.' || c === '_' || c === '-') separator += c;
    else return false;
  }
  return true;
}

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

function validDomain(domain: string): boolean {
  const colon = domain.lastIndexOf(':');
  const host = colon > domain.lastIndexOf(']') ? domain.slice(0, colon) : domain;
  const port = colon > domain.lastIndexOf(']') ? domain.slice(colon + 1) : undefined;
  if (port !== undefined && !/^[0-9]+$/.test(port)) return false;
  if (host.startsWith('[')) return /^\[[0-9A-Fa-f:]+\]$/.test(host);
  return host.split('.').every((label) => HOST_LABEL.test(label));
}

function validDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  if (colon < 0) return false;
  const algorithm = digest.slice(0, colon).split(/[-_+.]/);
  return algorithm.every((p) => /^[A-Za-z][A-Za-z0-9]*$/.test(p)) && /^[0-9a-fA-F]{32,}$/.test(digest.slice(colon + 1));
}

/** Why `ref` is not a valid image reference, or undefined when it is. */
export function referenceProblem(ref: string): string | undefined {
  if (!ref) return 'it is empty';
  let name = ref;
  const at = name.indexOf('@');
  if (at >= 0) {
    if (!validDigest(name.slice(at + 1))) return 'its digest is malformed';
    name = name.slice(0, at);
  }
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    const tag = name.slice(colon + 1);
    if (!tag) return 'its tag is empty';
    if (!/^\w[\w.-]{0,127}$/.test(tag)) return `its tag \`${tag}\` is malformed`;
    name = name.slice(0, colon);
  }
  if (!name) return 'its name is empty';
  if (name.length > 255) return 'its name is longer than 255 characters';
  const slash = name.indexOf('/');
  let path = name;
  if (slash >= 0) {
    // The first component names a registry when it looks like a host, as Docker decides it.
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      if (!validDomain(first)) return `its registry \`${first}\` is malformed`;
      path = name.slice(slash + 1);
    }
  }
  if (/^[a-f0-9]{64}$/.test(path)) return 'its name is a 64-character hexadecimal string';
  for (const part of path.split('/')) {
    if (part !== part.toLowerCase()) return 'its repository name has upper-case letters';
    if (!validComponent(part)) return part ? `its name part \`${part}\` is malformed` : 'its name has an empty part';
  }
  return undefined;
}
