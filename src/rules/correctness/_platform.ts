import { shortRepository, type ImageRef } from '../../engine/image-ref';

const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'wasip1', 'js', 'plan9']);

/** OS and architecture of a platform string (`linux/arm64/v8`, `windows`, `arm64`), lower-cased. */
export function platformParts(value: string): { os?: string; arch?: string } {
  const parts = value.toLowerCase().split('/');
  if (parts.length > 1) return { os: parts[0] || undefined, arch: parts[1] || undefined };
  return OSES.has(parts[0]) ? { os: parts[0] } : { arch: parts[0] || undefined };
}

/** Distributions and distroless families that publish Linux images only. */
const LINUX_ONLY = new Set([
  'alpine', 'debian', 'ubuntu', 'busybox', 'centos', 'fedora', 'archlinux', 'amazonlinux', 'rockylinux', 'almalinux',
  'oraclelinux', 'photon', 'clearlinux', 'opensuse/leap', 'opensuse/tumbleweed', 'quay.io/centos/centos',
]);

/** An image known to have no Windows variant, decided from its name alone. */
export function linuxOnly(ref: ImageRef): boolean {
  const repo = shortRepository(ref);
  const registry = ref.registry?.toLowerCase();
  if (!registry || registry === 'docker.io') return LINUX_ONLY.has(repo);
  if (registry === 'gcr.io' && repo.startsWith('distroless/')) return true;
  if (registry === 'cgr.dev' && repo.startsWith('chainguard/')) return true;
  if (registry === 'registry.access.redhat.com' || registry === 'registry.redhat.io') return /^ubi\d/.test(repo);
  return LINUX_ONLY.has(`${registry}/${repo}`);
}
