import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'correctness/copy-ignored-file';

const dockerignore = df`
  # build output
  node_modules
  *.md
  !README.md
  /secrets/
  docs/**/*.png
`;

describe(RULE, () => {
  it('reports context sources that .dockerignore excludes, with the deciding pattern', async () => {
    const text = df`
      FROM node:20
      WORKDIR /app
      ARG NOTES=CHANGELOG.md
      COPY node_modules/x /x
      COPY CHANGELOG.md ./
      COPY secrets/key.pem /k
      COPY ./docs/a/b.png /d
      COPY ["CHANGELOG.md", "/c"]
      ADD $NOTES /n
    `;
    const findings = await lintWith(RULE, text, { dockerignore });
    expect(positions(findings)).toEqual(['4:6-4:20', '5:6-5:18', '6:6-6:21', '7:6-7:20', '8:7-8:21', '9:5-9:11']);
    expect(findings[1].message).toBe(
      '`CHANGELOG.md` is excluded from the build context by .dockerignore line 3 (`*.md`), so the build fails with "not found"; remove the pattern or add an exception (`!CHANGELOG.md`)',
    );
    expect(findings[2].message).toContain('line 5 (`/secrets/`)');
  });

  it('honours exceptions, root anchoring and sources that are not in the context', async () => {
    const text = df`
      FROM node:20 AS build
      COPY README.md src/node_modules docs/a.md.txt /app/
      COPY --from=build node_modules /n
      ADD https://example.com/a.md /a.md
      COPY <<EOF /notes.md
      x
      EOF
      COPY $UNSET /u
    `;
    expect(await lintWith(RULE, text, { dockerignore })).toEqual([]);
  });

  it('judges wildcard sources by their directory and the whole context only against catch-all patterns', async () => {
    const text = 'FROM node:20\nCOPY node_modules/*.js /js/\nCOPY . /app\nCOPY src/*.ts /ts/\n';
    expect(positions(await lintWith(RULE, text, { dockerignore: 'node_modules\n' }))).toEqual(['2:6-2:23']);
    expect(positions(await lintWith(RULE, text, { dockerignore: '*\n' }))).toEqual(['2:6-2:23', '3:6-3:7', '4:6-4:14']);
    expect(await lintWith(RULE, text, { dockerignore: '*\n!src\n!node_modules\n' })).toEqual([]);
  });

  it('uses backslash paths on Windows images and does nothing without a .dockerignore', async () => {
    const text = df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY bin\\Debug\\app.exe C:\\app\\
    `;
    expect(positions(await lintWith(RULE, text, { dockerignore: 'bin/Debug\n' }))).toEqual(['3:6-3:23']);
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
