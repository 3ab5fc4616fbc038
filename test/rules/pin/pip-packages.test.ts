import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'pin/pip-packages';

describe(RULE, () => {
  it('reports each unpinned requirement, across continuation and comment lines', async () => {
    const text = df`
      FROM python:3.12-slim
      RUN pip install --no-cache-dir \\
          # web stack
          flask==3.0.3 \\
          'requests[socks]' \\
          gunicorn
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['5:5-5:22', '6:5-6:13']);
    expect(findings[0].message).toBe('Pin `requests` to a version: `requests[socks]==<version>`');
  });

  it('accepts every version specifier and a direct URL reference', async () => {
    const text = df`
      FROM python:3.12
      RUN pip install a==1 'b>=2' 'c~=3.1' 'd<4' 'e>5' 'f!=6' g===7 "h @ https://example.com/h-1.0.tar.gz"
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('exempts requirement files, editables, local paths, archives and variables', async () => {
    const text = df`
      FROM python:3.12
      ARG EXTRA
      RUN pip install -r requirements.txt --requirement dev.txt -e . --editable ./lib \\
          . '.[test]' src/pkg ./dist/app-1.0-py3-none-any.whl app.tar.gz $EXTRA "tool==\${TOOL_VERSION}"
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('still judges the packages named next to a requirements file', async () => {
    const text = df`
      FROM python:3.12
      RUN pip install -r requirements.txt uvicorn
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:37-2:44']);
  });

  it('exempts the whole command when a constraints file or a local wheelhouse decides versions', async () => {
    const text = df`
      FROM python:3.12
      RUN pip install -c constraints.txt flask && pip install --constraint=c.txt django
      RUN PIP_CONSTRAINT=/c.txt pip install celery
      RUN pip install --no-index --find-links /wheels numpy
      FROM python:3.12
      ENV PIP_CONSTRAINT=/etc/pip/constraints.txt
      RUN pip install redis
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('requires a fixed ref on VCS sources', async () => {
    const text = df`
      FROM python:3.12
      RUN pip install git+https://github.com/org/a.git git+ssh://git@github.com/org/b.git@v1.2.0 \\
          "c @ git+https://github.com/org/c.git@main" git+https://github.com/org/d.git@4f2a9c1#egg=d
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:17-2:49', '3:5-3:48']);
    expect(findings[0].message).toBe(
      '`git+https://github.com/org/a.git` installs whatever the default branch holds; pin a tag or commit: `<url>@<tag-or-commit>`',
    );
    expect(findings[1].message).toContain('the moving ref `main`');
  });

  it('covers pip3, python -m pip and upgrades of pip itself', async () => {
    const text = df`
      FROM python:3.12
      RUN pip3 install a && python3 -m pip install --upgrade pip && pip3.12 install b==1
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:18-2:19', '2:56-2:59']);
  });

  it('judges every stage and sees through sudo, sh -c, heredocs, exec form and cache mounts', async () => {
    const text = df`
      FROM python:3.12 AS build
      RUN sudo -H pip install a
      FROM python:3.12-slim
      RUN sh -c 'pip install b'
      RUN <<EOF
      pip install c
      EOF
      RUN ["pip", "install", "d"]
      RUN --mount=type=cache,target=/root/.cache/pip pip install e
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:25-2:26', '4:24-4:25', '6:13-6:14', '8:24-8:27', '9:60-9:61']);
  });

  it('ignores pip download, poetry and Windows stages', async () => {
    const text = df`
      FROM python:3.12
      RUN pip download flask && poetry add requests && pip uninstall -y six
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN pip install flask
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
