import { looksWindows } from '../../engine/image-ref';
import { defineRule } from '../../engine/rule';
import { unquote } from './_operands';
import { linuxOnly, platformParts } from './_platform';

export default defineRule({
  meta: {
    id: 'correctness/invalid-base-image-platform',
    category: 'correctness',
    severity: 'error',
    description: '`FROM --platform` asks for an OS the base image is not built for (Linux on a Windows image, or the reverse)',
    aliases: ['InvalidBaseImagePlatform'],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    return {
      stage(stage) {
        const flag = stage.platform;
        const ref = stage.base.ref;
        if (!flag?.value || !ref || stage.base.stage || stage.base.scratch) return;
        // Platform variables (TARGETPLATFORM...) have no value here and are skipped; ARG defaults count.
        const expansion = model.expand(flag.value);
        if (expansion.unresolved.length) return;
        const platform = unquote(expansion.value);
        const { os } = platformParts(platform);
        const actual = os === 'linux' && looksWindows(ref) ? 'Windows' : os === 'windows' && linuxOnly(ref) ? 'Linux' : undefined;
        if (!actual) return;
        context.report({
          span: { start: flag.start, end: flag.end },
          message: `\`${stage.base.resolved}\` is a ${actual} image but \`--platform=${platform}\` asks for ${os}: there is no such variant to pull, so the build fails or runs the wrong image; fix the platform or the image`,
        });
      },
    };
  },
});
