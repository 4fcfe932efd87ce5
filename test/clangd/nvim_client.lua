-- Opens a file in headless Neovim with its built-in LSP client talking to
-- bloat-clangd, waits for the bloat diagnostics and prints every diagnostic
-- as "LINE:COL: severity: MESSAGE [CODE]" on stdout.
--
-- Environment: BLOAT_CLANGD (the server), BLOAT_FILE (the file to open).
-- Debian bookworm ships Neovim 0.7, whose client is started with
-- vim.lsp.start_client() and attached with vim.lsp.buf_attach_client();
-- Neovim 0.8 added vim.lsp.start() and 0.11 vim.lsp.config()/vim.lsp.enable()
-- (docs/clangd.md shows those).

local function out(line)
  io.stdout:write(line .. "\n")
end

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0 and "qa!" or "cq!"))
end

local clangd = os.getenv("BLOAT_CLANGD")
local file = os.getenv("BLOAT_FILE")
if not clangd or not file then
  out("FAIL: set BLOAT_CLANGD and BLOAT_FILE")
  finish(1)
end

local client_id = vim.lsp.start_client({
  name = "bloat-clangd",
  cmd = { clangd, "--clang-tidy" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
if not client_id then
  out("FAIL: the client did not start")
  finish(1)
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buffer, client_id)

local function code_of(diagnostic)
  if diagnostic.code then
    return diagnostic.code
  end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code or "-"
end

local function has_bloat_diagnostic()
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    if tostring(code_of(diagnostic)):match("^bloat%-") then
      return true
    end
  end
  return false
end

-- A guard against a hang, not a timing: the wait ends as soon as they come.
if not vim.wait(120000, has_bloat_diagnostic, 100) then
  out("FAIL: no bloat-* diagnostic from bloat-clangd")
  finish(1)
end

local severities = { "error", "warning", "info", "hint" }
local diagnostics = vim.diagnostic.get(buffer)
table.sort(diagnostics, function(a, b)
  return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
end)
for _, diagnostic in ipairs(diagnostics) do
  out(string.format("%d:%d: %s: %s [%s]", diagnostic.lnum + 1,
                    diagnostic.col + 1,
                    severities[diagnostic.severity] or "?",
                    diagnostic.message:gsub("\n.*", ""),
                    tostring(code_of(diagnostic))))
end

vim.lsp.stop_client(client_id)
vim.wait(10000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 100)
out("nvim: done")
finish(0)
