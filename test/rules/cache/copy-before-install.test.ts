import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'cache/copy-before-install';

describe(RULE, () => {
  it('reports the `.` source of a whole-context COPY that precedes an install', async () => {
    const text = df`
      FROM node:20
      WORKDIR /app
      COPY . .
      RUN npm ci
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:6-3:7']);
    expect(findings[0].message).toContain('`npm ci` (line 4)');
    expect(findings[0].message).toContain('`package.json` and `package-lock.json`');
  });

  it('accepts manifests copied and installed before the context', async () => {
    const text = df`
      FROM node:20
      COPY package*.json ./
      RUN npm ci
      COPY . .
      RUN npm run build
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports manifests copied alone when nothing installs them before the context arrives', async () => {
    const text = df`
      FROM node:20
      COPY package.json yarn.lock ./
      COPY ./ /app
      RUN yarn install --frozen-lockfile
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:6-3:8']);
    expect(findings[0].message).toContain('`yarn install` (line 4)');
  });

  it('treats a manifest copy followed by any RUN as a prepared dependency layer', async () => {
    const text = df`
      FROM golang:1.22
      COPY go.mod go.sum ./
      RUN make deps
      COPY . .
      RUN go build -o /bin/app .
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reads exec-form COPY and RUN', async () => {
    const text = df`
      FROM node:20
      COPY [".", "/app"]
      RUN ["npm", "ci"]
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:7-2:10']);
  });

  it('expands ARG-parameterised sources and names the requirements file', async () => {
    const text = df`
      FROM python:3.12
      ARG SRC=.
      ARG OTHER
      COPY $OTHER /x
      COPY $SRC /app
      RUN pip install -r requirements/prod.txt
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:6-5:10']);
    expect(findings[0].message).toContain('`pip install -r requirements/prod.txt` (line 6)');
    expect(findings[0].message).toContain('copy `requirements/prod.txt` first');
  });

  it('suggests the context file for a requirements path inside the image, and knows requirements directories', async () => {
    const text = df`
      FROM python:3.12
      COPY . /app
      RUN pip install -r /app/requirements-dev.txt

      FROM python:3.12
      COPY requirements/base.txt requirements/
      RUN ./scripts/install-deps.sh
      COPY . .
      RUN pip install -r requirements/base.txt
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:7']);
    expect(findings[0].message).toContain('copy `requirements-dev.txt` first');
  });

  it('judges each stage on its own instructions', async () => {
    const text = df`
      FROM golang:1.22 AS build
      COPY go.mod go.sum ./
      RUN go mod download
      COPY . .
      RUN go build -o /bin/app .

      FROM golang:1.22 AS lint
      COPY . .
      RUN go build ./...

      FROM build AS test
      RUN go build ./...
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['8:6-8:7']);
    expect(findings[0].message).toContain('`go build` (line 9)');
  });

  it('ignores COPY --from and ADD of other paths', async () => {
    const text = df`
      FROM node:20
      COPY --from=deps . /app
      ADD src/ /app/src
      RUN npm ci
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('sees installs in heredocs and across continuation lines with comments', async () => {
    const text = df`
      FROM python:3.12
      ADD . /src
      RUN <<EOF
      set -e
      pip install -r requirements.txt
      EOF

      FROM python:3.12
      COPY * /src/
      RUN apt-get update \\
          # editable install of the project
          && pip install -e .
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:6', '9:6-9:7']);
    expect(findings[0].message).toMatch(/^ADD of the whole build context/);
    expect(findings[1].message).toContain('`pip install .` (line 12)');
  });

  it('honours the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM ruby:3.3
      COPY . /app
      RUN bundle config set without development \`
          && bundle install
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:6-3:7']);
    expect(findings[0].message).toContain('`bundle install` (line 5)');
  });

  it('sees through sh -c and the Maven and Gradle wrappers, once per ecosystem', async () => {
    const text = df`
      FROM eclipse-temurin:21
      COPY . .
      RUN sh -c 'cargo build --release'
      RUN ./mvnw -B clean package -DskipTests
      RUN ./mvnw verify
      RUN ./gradlew --no-daemon :app:bootJar
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:7', '2:6-2:7', '2:6-2:7']);
    expect(findings.map((f) => /`([^`]+)` \(line (\d+)\)/.exec(f.message)?.slice(1))).toEqual([
      ['cargo build', '3'],
      ['mvnw package', '4'],
      ['gradlew bootJar', '6'],
    ]);
  });

  it('leaves alone installs of named packages, global tools and dependency-free project installs', async () => {
    const text = df`
      FROM python:3.12
      COPY . .
      RUN pip install --no-cache-dir gunicorn
      RUN pip install --no-deps .
      RUN npm install -g serve && npm i left-pad
      RUN poetry install --only-root
      RUN go install golang.org/x/tools/cmd/goimports@latest
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('spares a build whose downloads live in a cache mount, but not a pure install', async () => {
    const text = df`
      FROM golang:1.22
      COPY . .
      RUN --mount=type=cache,target=/go/pkg/mod go build -o /bin/app .
      RUN --mount=type=cache,target=/root/.npm npm ci
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:6-2:7']);
    expect(findings[0].message).toContain('`npm ci` (line 4)');
  });

  it('counts a manifest bind-mounted into an earlier RUN as prepared', async () => {
    const text = df`
      FROM rust:1.79
      RUN --mount=type=bind,source=Cargo.toml,target=Cargo.toml ./prefetch.sh
      COPY . .
      RUN cargo build --release
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('skips Windows stages, whose shell-form RUNs are not parsed', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY . C:/app
      RUN npm ci
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
