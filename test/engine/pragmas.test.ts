import type { LintOptions } from '../../src/engine/linter';
import { df, getLinter } from '../helpers/lint';

const UNDER_TEST = ['pin/base-image-tag', 'bloat/apt-no-install-recommends', 'correctness/unknown-instruction'];

/** `line:rule` of the findings of the rules these tests use (the others are turned off). */
async function rules(text: string, options: LintOptions = {}) {
  const linter = await getLinter();
  const only = Object.fromEntries(linter.rules.map((r) => [r.meta.id, UNDER_TEST.includes(r.meta.id) ? r.meta.severity : 'off'] as const));
  return linter.lintText(text, { shellcheck: false, ...options, rules: { ...only, ...options.rules } }).findings.map((f) => `${f.line}:${f.rule}`);
}

const UNTAGGED_AND_RECOMMENDS = df`
  FROM debian
  RUN apt-get install -y curl
`;

describe('inline pragmas', () => {
  it('are honoured for the next instruction, by id or alias, with a reason', async () => {
    expect(await rules(UNTAGGED_AND_RECOMMENDS)).toEqual(['1:pin/base-image-tag', '2:bloat/apt-no-install-recommends']);
    expect(await rules(`# plimsoll ignore=pin/base-image-tag -- base pinned by CI\n${UNTAGGED_AND_RECOMMENDS}`)).toEqual([
      '3:bloat/apt-no-install-recommends',
    ]);
    expect(await rules(`FROM debian\n# hadolint ignore=DL3015,DL3008\nRUN apt-get install -y curl\n`)).toEqual(['1:pin/base-image-tag']);
    expect(await rules(`FROM debian\n# tally ignore=DL3015\nRUN apt-get install -y curl\n`)).toEqual(['1:pin/base-image-tag']);
  });

  it('apply to the whole file when global, and to a stage with hadolint stage', async () => {
    expect(await rules(`# hadolint global ignore=DL3006,dl3015\n${UNTAGGED_AND_RECOMMENDS}`)).toEqual([]);
    const text = df`
      # hadolint stage ignore=DL3015
      FROM debian AS one
      RUN apt-get install -y a
      FROM debian AS two
      RUN apt-get install -y b
    `;
    expect(await rules(text)).toEqual(['2:pin/base-image-tag', '4:pin/base-image-tag', '5:bloat/apt-no-install-recommends']);
  });

  it("read BuildKit's check directive in the header and directly above an instruction", async () => {
    const header = df`
      # check=skip=JSONArgsRecommended,DL3006;error=false
      FROM debian
      FROBNICATE
    `;
    expect(await rules(header)).toEqual(['3:correctness/unknown-instruction']);
    const above = df`
      FROM debian:12
      # check=skip=all
      RUN apt-get install -y a
      # check=skip=all

      RUN apt-get install -y b
    `;
    expect(await rules(above)).toEqual(['6:bloat/apt-no-install-recommends']);
  });

  it("read other tools' suppressions", async () => {
    expect(await rules(`#checkov:skip=DL3006:legacy base\n${UNTAGGED_AND_RECOMMENDS}`)).toEqual(['3:bloat/apt-no-install-recommends']);
    expect(await rules(`FROM debian\n# dockerfile-utils: ignore\nRUN apt-get install -y curl\n`)).toEqual(['1:pin/base-image-tag']);
  });

  it('report the ones that suppress nothing when asked', async () => {
    const text = df`
      # hadolint ignore=DL3006
      FROM debian:12
      # plimsoll ignore=DL3015
      RUN apt-get install -y --no-install-recommends curl
    `;
    expect(await rules(text)).toEqual([]);
    expect(await rules(text, { rules: { 'style/unused-pragma': 'info' } })).toEqual(['1:style/unused-pragma', '3:style/unused-pragma']);
  });

  it('can be switched off, as hadolint does with disable-ignore-pragma', async () => {
    expect(await rules(`# hadolint global ignore=DL3006\nFROM debian\n`, { noInlinePragmas: true })).toEqual(['2:pin/base-image-tag']);
  });
});
