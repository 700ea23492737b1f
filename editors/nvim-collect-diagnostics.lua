-- Headless Neovim: attach gwlint to the current buffer, wait for its
-- diagnostics, write them to $GWLINT_OUT as "line:col:code:message" (0-based,
-- col in bytes as Neovim shows them), then quit. Used by tests/lsp/test_neovim.py.
local cmd = vim.split(os.getenv("GWLINT_CMD"), " ", { trimempty = true })
local client_id = vim.lsp.start_client({ name = "gwlint", cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, client_id)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(out, string.format("%d:%d:%s:%s", d.lnum, d.col, code, d.message))
end
vim.fn.writefile(out, os.getenv("GWLINT_OUT"))
vim.cmd("qa!")
