import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/npm-packages';

describe(RULE, () => {
  it('reports global installs without a version, across continuation and comment lines', async () => {
    const text = df`
      FROM node:22
      RUN npm install -g \\
          # build tools
          typescript@5.6.3 \\
          @angular/cli
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:5-5:17']);
    expect(findings[0].message).toBe('Pin `@angular/cli` to a version: `@angular/cli@<version>`');
  });

  it('counts dist-tags such as latest and next as unpinned', async () => {
    const text = df`
      FROM node:22
      RUN npm i --global npm@latest pnpm@next yarn@^1.22 tsx@4.19.1 'zx@>=8 <9'
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:20-2:30', '2:31-2:40']);
    expect(findings[0].message).toBe('`npm@latest` follows a moving reference; pin an exact version: `npm@<version>`');
  });

  it('covers yarn global add, pnpm add -g and npm --location=global', async () => {
    const text = df`
      FROM node:22
      RUN yarn global add serve && pnpm add -g nodemon && npm install --location=global zx
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:21-2:26', '2:42-2:49', '2:83-2:85']);
  });

  it('leaves project installs to the lockfile', async () => {
    const text = df`
      FROM node:22
      RUN npm ci && npm install && npm install express && yarn add lodash && pnpm install && yarn install --frozen-lockfile
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('exempts tarballs, local paths and variables, and wants a ref on git sources', async () => {
    const text = df`
      FROM node:22
      ARG CLI_VERSION
      RUN npm install -g ./tool-1.0.0.tgz /opt/tool file:../x "cli@\${CLI_VERSION}" $EXTRA \\
          github:org/a#v1.0.0 org/b git+https://github.com/org/c.git#main
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['4:25-4:30', '4:31-4:68']);
    expect(findings[0].message).toContain('whatever the default branch holds');
  });

  it('judges every stage and sees through sudo, sh -c, heredocs and exec form', async () => {
    const text = df`
      FROM node:22 AS build
      RUN sudo npm install -g a
      FROM node:22-slim
      RUN sh -c 'npm i -g b'
      RUN <<EOF
      npm install --global c
      EOF
      RUN ["npm", "install", "-g", "d"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN npm install -g e
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:25-2:26', '4:21-4:22', '6:22-6:23', '8:30-8:33']);
  });
});
