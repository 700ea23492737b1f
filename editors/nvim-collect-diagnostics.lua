-- Headless Neovim, after the init.lua under test has attached gwlint to the
-- current buffer: wait for its diagnostics, write them to $GWLINT_OUT as
-- "line:col:code:message" (0-based, col in bytes as Neovim shows them), the
-- names of the attached clients to $GWLINT_OUT.clients and Neovim's messages
-- (errors from the init.lua) to $GWLINT_OUT.messages, then quit.
-- Used by tests/lsp/test_neovim.py; it starts no client itself.
local out_path = os.getenv("GWLINT_OUT")
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(out, string.format("%d:%d:%s:%s", d.lnum, d.col, code, d.message))
end
vim.fn.writefile(out, out_path)
local names = {}
for _, client in pairs(vim.lsp.buf_get_clients(0)) do
  table.insert(names, client.name)
end
vim.fn.writefile(names, out_path .. ".clients")
vim.fn.writefile(vim.split(vim.fn.execute("messages"), "\n"), out_path .. ".messages")
vim.cmd("qa!")
