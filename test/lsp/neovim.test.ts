/**
 * End to end with a real editor: headless Neovim starts the server for a Dockerfile buffer, waits
 * for its diagnostics and writes them out; they must be the CLI's findings for the same file.
 * Skipped (with a message) when `nvim` is not installed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN } from '../helpers/cli';
import { LSP_BIN } from './client';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNvim) console.warn('test/lsp/neovim.test.ts: skipped, `nvim` is not installed');

const INIT_LUA = `
local file = os.getenv('PLIMSOLL_FILE')
local out = os.getenv('PLIMSOLL_OUT')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'dockerfile'
local config = {
  name = 'plimsoll',
  cmd = { os.getenv('PLIMSOLL_NODE'), os.getenv('PLIMSOLL_LSP'), '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
}
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  -- Neovim 0.7 has no vim.lsp.start
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(0, client_id)
end
local arrived = vim.wait(45000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    code = d.code or lsp.code,
    source = d.source or lsp.source,
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
  })
end
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode({ arrived = arrived, diagnostics = diagnostics }))
f:close()
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
`;

(hasNvim ? test : test.skip)(
  'Neovim receives the same diagnostics as the CLI reports',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-nvim-'));
    try {
      const file = path.join(dir, 'Dockerfile');
      fs.copyFileSync(path.join(__dirname, 'fixtures/Dockerfile'), file);
      const init = path.join(dir, 'init.lua');
      fs.writeFileSync(init, INIT_LUA);
      const out = path.join(dir, 'diagnostics.json');
      const nvim = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, PLIMSOLL_FILE: file, PLIMSOLL_OUT: out, PLIMSOLL_NODE: process.execPath, PLIMSOLL_LSP: LSP_BIN, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir },
      });
      expect(fs.existsSync(out) ? '' : `nvim wrote nothing (status ${nvim.status}): ${nvim.stderr}${nvim.stdout}`).toBe('');
      const got = JSON.parse(fs.readFileSync(out, 'utf8')) as { arrived: boolean; diagnostics: { code: string; source: string; lnum: number; col: number; end_lnum: number; end_col: number }[] };
      expect(got.arrived).toBe(true);

      const cli = spawnSync(process.execPath, [BIN, '--format', 'json', file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const findings = (JSON.parse(cli.stdout) as { results: { rule: string; line: number; column: number; endLine: number; endColumn: number }[] }).results;
      expect(findings.length).toBeGreaterThan(5);

      const key = (code: string, line: number, col: number, endLine: number, endCol: number) => `${code}@${line}:${col}-${endLine}:${endCol}`;
      const fromNvim = got.diagnostics.map((d) => key(d.code, d.lnum, d.col, d.end_lnum, d.end_col)).sort();
      const fromCli = findings.map((f) => key(f.rule, f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1)).sort();
      expect(fromNvim).toEqual(fromCli);
      expect(new Set(got.diagnostics.map((d) => d.source))).toEqual(new Set(['plimsoll']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
