import { df, lintWith, positions } from '../../helpers/lint';

const RULE = 'security/pipe-to-shell';

describe(RULE, () => {
  it('reports curl and wget output piped into a shell or interpreter', async () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
      RUN wget -qO- https://get.example.com | sudo -E sh -s -- --yes
      RUN curl -sSL https://install.python-poetry.org | python3 -
      RUN curl -fsSL https://example.com/x.sh | tee /tmp/x.sh | sh
    `;
    const findings = await lintWith(RULE, text);
    expect(positions(findings)).toEqual(['2:56-2:60', '3:49-3:51', '4:51-4:58', '5:59-5:61']);
    expect(findings[0].message).toContain('`bash` runs what `curl` pipes into it');
  });

  it('reports downloads run through $(...) and <(...)', async () => {
    const text = df`
      FROM debian:12
      RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"
      RUN bash <(curl -s https://example.com/install.sh)
      RUN eval "$(wget -qO- https://example.com/env)"
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['2:5-2:7', '3:5-3:9', '4:5-4:9']);
  });

  it('follows continuation lines with comments, heredocs and nested sh -c', async () => {
    const text = df`
      FROM debian:12
      RUN apt-get update \\
          # the installer
          && curl -fsSL https://get.docker.com \\
             | sh
      RUN <<EOF
      set -eu
      curl -fsSL https://sh.rustup.rs | sh -s -- -y
      EOF
      RUN sh -c 'wget -O - https://example.com/i.sh | bash'
    `;
    expect(positions(await lintWith(RULE, text))).toEqual(['5:10-5:12', '8:35-8:37', '10:49-10:53']);
  });

  it('does not report downloads saved to a file, piped elsewhere, or interpreters given a script', async () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c i.sha256 && sh /tmp/i.sh
      RUN curl -fsSL https://example.com/a.tar.gz | tar -xz -C /opt
      RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/k.gpg
      RUN wget https://example.com/i.sh | sh
      RUN curl -fsSL https://example.com/x | sh -c 'cat > /tmp/x'
      RUN curl -fsSL https://example.com/x | python3 -m json.tool
      RUN echo "$(curl -fsSL https://example.com/version)" > /VERSION
      RUN ["curl", "-fsSL", "https://example.com/i.sh"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN curl -fsSL https://example.com/i.sh | sh
    `;
    expect((await lintWith(RULE, text)).map((f) => f.message)).toEqual([]);
  });
});
