import type { ImageRef } from '../../engine/image-ref';
import type { Stage } from '../../engine/model';
import type { Span } from '../../engine/types';

/**
 * The base image the pin rules judge: an external image whose name is known. `FROM scratch`,
 * `FROM <earlier stage>` and references whose variables have no value are left alone.
 */
export function judgedBase(stage: Stage): { ref: ImageRef; span: Span } | undefined {
  const base = stage.base;
  if (!base.ref || base.scratch || base.stage) return undefined;
  return { ref: base.ref, span: { start: base.start, end: base.end } };
}

/** `ubuntu`, or `${BASE} (= ubuntu)` when the name came through an ARG. */
export function describeBase(stage: Stage): string {
  const { text, resolved } = stage.base;
  return resolved !== undefined && resolved !== text ? `\`${text}\` (= \`${resolved}\`)` : `\`${text}\``;
}

/** The span of the tag as written, when the image is written literally. */
export function tagSpan(stage: Stage): Span | undefined {
  const { ref, text, resolved, start } = stage.base;
  if (!ref || ref.tagOffset === undefined || resolved !== text) return undefined;
  return { start: start + ref.tagOffset, end: start + ref.tagOffset + (ref.tag?.length ?? 0) };
}
