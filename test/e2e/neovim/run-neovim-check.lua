-- Drives the crmplan language server from a real Neovim (0.7.2 API: no
-- vim.lsp.start) and writes what Neovim saw to a JSON file.
--
--   nvim --headless --clean -u NONE -c "luafile run-neovim-check.lua" -c "cquit 4"
--
-- The trailing `cquit 4` only runs if this script returns without quitting
-- (a Lua error), so a broken script exits 4 instead of hanging.
--
-- Environment (all paths absolute):
--   CRMPLAN_NVIM_PLAN        plan file to open (a temp copy: it is never written)
--   CRMPLAN_NVIM_SERVER      dist/server.js
--   CRMPLAN_NVIM_OUT         JSON result file to write
--   CRMPLAN_NVIM_FIX_LINE    0-based line to replace once the first diagnostics arrive
--   CRMPLAN_NVIM_FIX_TEXT    the replacement text of that line
--   CRMPLAN_NVIM_COMPLETION_LINE, CRMPLAN_NVIM_COMPLETION_CHARACTER
--                            0-based LSP position to request completion at (an owner value)
--   CRMPLAN_NVIM_NODE        node executable (default "node")
--   CRMPLAN_NVIM_TIMEOUT_MS  bound for each wait (default 15000)
--
-- Exit codes: 0 scenario ran (the caller judges the JSON), 2 Lua error,
-- 3 a wait timed out, 4 the script returned without quitting.
-- On 2 and 3 the JSON is still written, with `error` set.
--
-- To check another request, add one call to the scenario at the bottom,
-- e.g. `result.completion = request(bufnr, 'textDocument/completion',
-- {textDocument = {uri = uri}, position = position(12, 21)})`.

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then
    if default == nil then error('missing environment variable ' .. name) end
    return default
  end
  return value
end

local OUT = env('CRMPLAN_NVIM_OUT')
local TIMEOUT_MS = tonumber(env('CRMPLAN_NVIM_TIMEOUT_MS', '15000'))

-- The settings the server gets when it asks (workspace/configuration,
-- section "crmplan"). delay 0: edits are validated at once.
local SETTINGS = { crmplan = { validation = { delay = 0 } } }

local result = {
  nvim = vim.version(),
  published = {}, -- every textDocument/publishDiagnostics, in order, as received
  configuration_requests = {}, -- the items of every workspace/configuration
  log_messages = {}, -- window/logMessage and window/showMessage
  lsp_log = vim.lsp.get_log_path(),
}

local client_id = nil

-- "crmplan.validation" -> SETTINGS.crmplan.validation, or vim.NIL (JSON null).
local function lookup_section(section)
  local value = SETTINGS
  for key in string.gmatch(section, '[^.]+') do
    if type(value) ~= 'table' or value[key] == nil then return vim.NIL end
    value = value[key]
  end
  return value
end

local function write_result()
  local ok, encoded = pcall(vim.fn.json_encode, result)
  if not ok then
    encoded = vim.fn.json_encode({ error = 'could not encode the result: ' .. tostring(encoded) })
  end
  vim.fn.writefile({ encoded }, OUT)
end

-- A wait that fails loudly: `what` ends up in the JSON's `error`.
local Timeout = {}
local function wait_for(what, predicate)
  -- A server that dies is reported at once, not after the whole timeout.
  local done = vim.wait(TIMEOUT_MS, function() return predicate() or result.server_exit ~= nil end, 10)
  if predicate() then return end
  if done then
    error(string.format('the server exited (code %s, signal %s) while waiting for %s',
      tostring(result.server_exit.code), tostring(result.server_exit.signal), what), 0)
  end
  error(setmetatable({ what = what }, Timeout))
end

-- LSP positions are computed here, never from the cursor: headless Neovim
-- clamps the cursor to the text.
local function position(line, character)
  return { line = line, character = character }
end

--- Sends a request from the attached buffer and waits for its answer.
--- Returns {err = ..., result = ...}: what a test wants to compare.
local function request(bufnr, method, params)
  local client = vim.lsp.get_client_by_id(client_id)
  local answer = nil
  local ok = client.request(method, params, function(err, res)
    answer = { err = err or vim.NIL, result = res or vim.NIL }
  end, bufnr)
  if not ok then error('the client refused to send ' .. method) end
  wait_for('an answer to ' .. method, function() return answer ~= nil end)
  return answer
end

--- The diagnostics as Neovim itself shows them (0-based lnum, byte col).
local function shown_diagnostics(bufnr)
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(shown, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code or vim.NIL, message = d.message, source = d.source or vim.NIL,
    })
  end
  return shown
end

local function publications_for(uri)
  local list = {}
  for _, params in ipairs(result.published) do
    if params.uri == uri then table.insert(list, params) end
  end
  return list
end

local function start_server(root_dir)
  -- Neovim 0.7.2 answers workspace/configuration but does not announce it;
  -- nvim-lspconfig sets this flag the same way. Without it the server would
  -- (correctly) never ask and fall back to its defaults.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.workspace.configuration = true

  local id = vim.lsp.start_client({
    name = 'crmplan',
    cmd = { env('CRMPLAN_NVIM_NODE', 'node'), env('CRMPLAN_NVIM_SERVER'), '--stdio' },
    root_dir = root_dir,
    capabilities = capabilities,
    settings = SETTINGS,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        table.insert(result.published, vim.deepcopy(params))
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
      ['workspace/configuration'] = function(_, params)
        local answers = {}
        for _, item in ipairs(params.items or {}) do
          table.insert(result.configuration_requests, vim.deepcopy(item))
          table.insert(answers, item.section and lookup_section(item.section) or SETTINGS)
        end
        return answers
      end,
      ['window/logMessage'] = function(_, params)
        table.insert(result.log_messages, vim.deepcopy(params))
      end,
      ['window/showMessage'] = function(_, params)
        table.insert(result.log_messages, vim.deepcopy(params))
      end,
    },
    on_init = function(client, init_result)
      result.server_info = init_result.serverInfo or vim.NIL
      result.server_capabilities = init_result.capabilities
      -- Neovim 0.7 does not push settings by itself (nvim-lspconfig does it
      -- here): servers that read didChangeConfiguration get them too.
      client.notify('workspace/didChangeConfiguration', { settings = SETTINGS })
    end,
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not id then error('vim.lsp.start_client returned nil') end
  return id
end

local function stop_server()
  if client_id == nil then return end
  local client = vim.lsp.get_client_by_id(client_id)
  if client then client.stop() end
  -- shutdown + exit; on_exit records how the server went away.
  vim.wait(3000, function() return result.server_exit ~= nil end, 10)
end

local function scenario()
  vim.o.swapfile = false
  local plan = env('CRMPLAN_NVIM_PLAN')
  local fix_line = tonumber(env('CRMPLAN_NVIM_FIX_LINE'))
  local fix_text = env('CRMPLAN_NVIM_FIX_TEXT')

  client_id = start_server(vim.fn.fnamemodify(plan, ':h'))
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri
  if not vim.lsp.buf_attach_client(bufnr, client_id) then error('buf_attach_client failed') end

  -- 1. didOpen: the first diagnostics for this buffer.
  wait_for('the first textDocument/publishDiagnostics', function()
    return #publications_for(uri) > 0
  end)
  result.before = publications_for(uri)[1]
  result.before_shown = shown_diagnostics(bufnr)

  -- 2. Completion at an owner value, as Neovim's omnifunc or a completion plugin asks for it.
  result.completion = request(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = position(tonumber(env('CRMPLAN_NVIM_COMPLETION_LINE')), tonumber(env('CRMPLAN_NVIM_COMPLETION_CHARACTER'))),
  })

  -- 3. An edit, as a user (or a plugin) makes it: Neovim sends the change
  -- (incremental, its own debounce) and the server re-validates.
  vim.api.nvim_buf_set_lines(bufnr, fix_line, fix_line + 1, true, { fix_text })
  -- The version Neovim sends with the change (0.7: buf_versions = changedtick).
  local version = (vim.lsp.util.buf_versions or {})[bufnr] or vim.api.nvim_buf_get_changedtick(bufnr)
  result.edited_version = version
  wait_for('textDocument/publishDiagnostics for version ' .. tostring(version), function()
    for _, params in ipairs(publications_for(uri)) do
      if params.version == version then return true end
    end
    return false
  end)
  for _, params in ipairs(publications_for(uri)) do
    if params.version == version then result.after = params end
  end
  result.after_shown = shown_diagnostics(bufnr)
  result.buffer_text = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
end

local ok, err = pcall(scenario)
local exit_code = 0
if not ok then
  if getmetatable(err) == Timeout then
    result.error = 'timed out after ' .. TIMEOUT_MS .. ' ms waiting for ' .. err.what
    exit_code = 3
  else
    result.error = tostring(err)
    exit_code = 2
  end
end
pcall(stop_server)
write_result()
if exit_code == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit ' .. exit_code)
end
