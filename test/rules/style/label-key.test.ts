import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'style/label-key';

describe(RULE, () => {
  it('reports each bad key on the key, saying what is wrong', async () => {
    const text = df`
      FROM alpine:3.20
      LABEL Version=1 build_date=2024 \\
          # reserved ones
          com.docker.extension.title=x "io.docker.y"=z
      LABEL a..b=1 a--b=2 1abc=3 abc-=4
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:7-2:14', '2:17-2:27', '4:5-4:31', '4:34-4:47', '5:7-5:11', '5:14-5:18', '5:21-5:25', '5:28-5:32']);
    expect(findings.map((f) => f.message.split(';')[0])).toEqual([
      'Label key `Version` should hold only lower-case letters, digits, `.` and `-`',
      'Label key `build_date` should hold only lower-case letters, digits, `.` and `-`',
      'Label key `com.docker.extension.title` uses the `com.docker.` namespace, which Docker reserves for itself',
      'Label key `io.docker.y` uses the `io.docker.` namespace, which Docker reserves for itself',
      'Label key `a..b` has consecutive separators',
      'Label key `a--b` has consecutive separators',
      'Label key `1abc` should start with a lower-case letter and end with a letter or digit',
      'Label key `abc-` should start with a lower-case letter and end with a letter or digit',
    ]);
  });

  it('reads the legacy form and the escape directive, in every stage', async () => {
    const text = df`
      # escape=\`
      FROM alpine:3.20 AS build
      LABEL Maintainer jane
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      LABEL ok=1 \`
          Bad=2
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['3:7-3:17', '6:5-6:8']);
  });

  it('accepts conventional keys, keys from variables and other instructions', async () => {
    const text = df`
      FROM alpine:3.20
      ARG KEY=x
      LABEL org.opencontainers.image.version=1.2.3 maintainer=jane com.example.v2=1 \${KEY}=y
      ENV Version=1
    `;
    expect(await lintWith(RULE, text)).toEqual([]);
  });
});
