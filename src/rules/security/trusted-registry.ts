import { flagNamed } from '../../engine/model';
import { parseImageRef, type ImageRef } from '../../engine/image-ref';
import type { Instruction } from '../../engine/model';
import { defineRule } from '../../engine/rule';
import type { Span } from '../../engine/types';

/** Docker Hub's other names. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

/** `registry/repository` with Docker Hub's implicit parts spelled out: `node` is `docker.io/library/node`. */
function fullName(ref: ImageRef): string {
  const registry = (ref.registry ?? 'docker.io').toLowerCase();
  const hub = DOCKER_HUB.has(registry);
  const repo = hub && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  return `${hub ? 'docker.io' : registry}/${repo.toLowerCase()}`;
}

/** An entry is a registry host (`ghcr.io`) or a host with a path prefix (`ghcr.io/my-org`, `docker.io/library`). */
function trusted(name: string, entries: string[]): boolean {
  return entries.some((entry) => {
    const e = entry.toLowerCase().replace(/\/+$/, '');
    const slash = e.indexOf('/');
    const host = slash < 0 ? e : e.slice(0, slash);
    const normal = (DOCKER_HUB.has(host) ? 'docker.io' : host) + (slash < 0 ? '' : e.slice(slash));
    return name === normal || name.startsWith(normal + '/');
  });
}

export default defineRule({
  meta: {
    id: 'security/trusted-registry',
    category: 'security',
    severity: 'error',
    description: 'An image is pulled from a registry that is not in the `trustedRegistries` list',
    aliases: ['DL3026'],
    fixable: false,
    enabledByDefault: false,
    options: {
      trustedRegistries: {
        type: 'string[]',
        default: ['docker.io'],
        description:
          'Registries images may come from: a host (`ghcr.io`, `docker.io` for Docker Hub) or a host with a path prefix (`ghcr.io/my-org`, `docker.io/library` for official images only). An empty list turns the rule off',
      },
    },
  },
  create(context) {
    const { model } = context;
    const entries = (context.options.trustedRegistries as string[] | undefined) ?? [];
    const check = (ref: ImageRef, span: Span, what: string) => {
      const name = fullName(ref);
      if (trusted(name, entries)) return;
      context.report({
        span,
        message: `${what} \`${ref.text}\` comes from \`${name.slice(0, name.indexOf('/'))}\`, which is not a trusted registry; use an image from ${entries.map((e) => `\`${e}\``).join(', ')}`,
      });
    };
    /** An image named by `--from` or a mount's `from=`, when it is not a stage. */
    const imageRef = (ref: string, at: Instruction): ImageRef | undefined => {
      const e = model.expand(ref, at);
      if (e.unresolved.length || !e.value || /^\d+$/.test(e.value) || model.stageByRef(e.value, at.stage?.index)) return undefined;
      if (e.value.toLowerCase() === 'scratch' || e.value === 'context') return undefined;
      return parseImageRef(e.value);
    };
    return {
      stage(stage) {
        const { ref } = stage.base;
        if (entries.length && ref) check(ref, { start: stage.base.start, end: stage.base.end }, 'The base image');
      },
      instruction(instr) {
        if (!entries.length) return;
        const from = (instr.keyword === 'COPY' || instr.keyword === 'ADD') && flagNamed(instr, 'from');
        if (from && from.value) {
          const ref = imageRef(from.value, instr);
          if (ref) check(ref, from.valueSpan ?? from, 'The image');
        }
        for (const mount of instr.run?.mounts ?? []) {
          const ref = mount.options.from ? imageRef(mount.options.from, instr) : undefined;
          if (ref) check(ref, mount, 'The mounted image');
        }
      },
    };
  },
});
