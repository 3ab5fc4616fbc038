import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/json-args';

describe(RULE, () => {
  it('reports shell-form CMD and ENTRYPOINT on their arguments, with a JSON rewrite for plain words', async () => {
    const text = df`
      FROM node:20-slim
      CMD node /app/server.js --port=8080
      ENTRYPOINT /usr/local/bin/app \\
          --config /etc/app.yaml
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:36', '3:12-4:27']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual([
      '["node", "/app/server.js", "--port=8080"]',
      '["/usr/local/bin/app", "--config", "/etc/app.yaml"]',
    ]);
  });

  it('follows the escape directive', async () => {
    const text = df`
      # escape=\`
      FROM alpine:3.20
      CMD app \`
          --flag
      CMD C:\\path
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['3:5-4:11', '5:5-5:12']);
    expect(findings.map((f) => f.fix?.edits[0].text)).toEqual(['["app", "--flag"]', undefined]);
  });

  it('reports without a fix what only a shell reads the same way', async () => {
    const text = df`
      FROM alpine:3.20
      CMD echo "$HOME" && sleep 1
      CMD FOO=1 app
      CMD cd /app && ./run
      CMD app \\
          # a comment the rewrite would lose
          --flag
      CMD ["app", 'single-quoted']
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:5-2:28', '3:5-3:14', '4:5-4:21', '5:5-7:11', '8:5-8:29']);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('is silent once SHELL is set in the stage or a stage it is built FROM', async () => {
    const text = df`
      FROM alpine:3.20 AS base
      SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
      FROM base
      CMD echo started && exec sleep infinity
      FROM alpine:3.20
      CMD echo not covered
      SHELL ["/bin/sh", "-c"]
      ENTRYPOINT echo covered
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['6:5-6:21']);
  });

  it('accepts exec form, exec-prefixed shell form and ONBUILD triggers', async () => {
    const text = df`
      FROM alpine:3.20
      CMD ["app", "--port", "8080"]
      ENTRYPOINT ["/docker-entrypoint.sh"]
      CMD exec nginx -g "daemon off;"
      ONBUILD CMD app
      RUN echo shell form is fine for RUN
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });

  it('reports Windows stages without a fix, naming cmd', async () => {
    const text = df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      CMD app.exe --serve
    `;
    const [finding] = await lintWith(RULE, text);
    expect(positions([finding])).toEqual(['2:5-2:20']);
    expect(finding.message).toContain('`cmd /S /C`');
    expect(finding.fix).toBeUndefined();
  });
});
