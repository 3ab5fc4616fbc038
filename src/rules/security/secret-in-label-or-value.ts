import { defineRule } from '../../engine/rule';
import { findTokens, redact, urlPasswords, type Found } from './_secrets';

export default defineRule({
  meta: {
    id: 'security/secret-in-label-or-value',
    category: 'security',
    severity: 'error',
    description: 'A credential written into the Dockerfile outside `RUN`: a service token, a private key or a password in a URL',
    aliases: [],
    fixable: false,
  },
  create(context) {
    const { model } = context;
    /**
     * Like a secret scanner, the text itself is searched: a token leaks wherever it is written
     * (a value, a heredoc, a comment), and each pattern is specific enough to need no context.
     */
    const scan = (start: number, end: number, where: string, urls: boolean) => {
      const text = model.text.slice(start, end);
      const found: Found[] = [...findTokens(text), ...(urls ? urlPasswords(text) : [])];
      found.sort((a, b) => a.start - b.start);
      let last = -1;
      for (const f of found) {
        if (f.start < last) continue;
        last = f.end;
        const secret = text.slice(f.start, f.end);
        context.report({
          span: { start: start + f.start, end: start + f.end },
          message: `${where} holds ${f.what} (\`${redact(secret)}\`) that anyone who reads the Dockerfile or pulls the image can use; revoke it, and pass the new one at run time or through \`RUN --mount=type=secret\``,
        });
      }
    };
    return {
      instruction(instr) {
        if (instr.keyword === 'RUN') return;
        scan(instr.start, instr.end, `\`${instr.keyword}\``, true);
      },
      end() {
        // Comment lines inside an instruction's continuation were searched with the instruction.
        const inside = (c: { start: number }) => model.instructions.some((i) => c.start >= i.start && c.start < i.end);
        for (const c of model.comments) if (!inside(c)) scan(c.start, c.end, 'A comment', false);
      },
    };
  },
});
