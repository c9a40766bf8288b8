import Foundation
import Testing

/// `kaizen lsp` under a real client: headless Neovim's built-in LSP client
/// opens a record with a mistake, waits for the diagnostic, fixes the buffer
/// and waits for the diagnostics to clear, then asks for a hover; a Lua
/// script writes what it saw to a file this test reads.
@Suite struct NeovimClientTests {
    static let nvimPaths = ["/usr/bin/nvim", "/usr/local/bin/nvim"]

    /// Runs inside Neovim. `vim.lsp.start` (Neovim 0.8+) where there is one,
    /// else `start_client` and `buf_attach_client` (Debian 12 ships 0.7).
    static let script = #"""
        local kaizen, root, results = KAIZEN, ROOT, RESULTS
        local out = assert(io.open(results, 'w'))
        local function say(line) out:write(line .. '\n'); out:flush() end
        local function finish(code) out:close(); vim.cmd(code == 0 and 'qall!' or 'cquit ' .. code) end

        vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/experiments/review-pairs.md'))
        local buffer = vim.api.nvim_get_current_buf()
        local config = { name = 'kaizen', cmd = { kaizen, 'lsp', '--today', '2026-11-20' }, root_dir = root }
        local client
        if vim.lsp.start then
          client = vim.lsp.start(config)
        else
          client = vim.lsp.start_client(config)
          if client then vim.lsp.buf_attach_client(buffer, client) end
        end
        if not client then say('error: the client did not start'); return finish(2) end

        if not vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 20) then
          say('error: no diagnostics within 30 s'); return finish(3)
        end
        for _, d in ipairs(vim.diagnostic.get(buffer)) do
          say(string.format('diagnostic %d:%d-%d:%d %s %d %s', d.lnum, d.col, d.end_lnum, d.end_col, tostring(d.code), d.severity, d.source or ''))
        end

        -- The fix, as typing would make it: one incremental change.
        vim.api.nvim_buf_set_text(buffer, 7, 8, 7, 14, { 'running' })
        if vim.wait(30000, function() return #vim.diagnostic.get(buffer) == 0 end, 20) then
          say('cleared')
        else
          say('error: diagnostics not cleared within 30 s')
        end

        local hover = vim.lsp.buf_request_sync(buffer, 'textDocument/hover',
          { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = 4, character = 15 } }, 10000)
        for _, answer in pairs(hover or {}) do
          if answer.result then say('hover ' .. answer.result.contents.value:gsub('\n.*', '')) end
        end
        vim.lsp.stop_client(client)
        vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 20)
        finish(0)
        """#

    @Test func neovimSeesTheDiagnosticAndItsFix() throws {
        guard let nvim = Self.nvimPaths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record("Neovim is not installed (looked for \(Self.nvimPaths.joined(separator: ", "))): the editor test needs it; install the Debian package: apt-get install -y neovim")
            return
        }
        let folder = try FixtureFolder([
            "kaizen.yml": Records.config,
            "improvements/canary-releases.md": LanguageServerProcessTests.improvement("proven"),
            "experiments/review-pairs.md": LanguageServerProcessTests.experiment,
        ])
        let results = folder.url.appendingPathComponent("results.txt")
        func lua(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        let prelude = "KAIZEN = \(lua(KaizenProcess.binary.path))\nROOT = \(lua(folder.url.path))\nRESULTS = \(lua(results.path))\n"
        try folder.write("client.lua", prelude + Self.script)

        // Neovim is killed if the script hangs, so the test fails rather than waits forever.
        let neovim = try BackgroundProcess(
            URL(fileURLWithPath: nvim), ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(folder.url.appendingPathComponent("client.lua").path)"],
            in: folder.url, environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.url.path, "XDG_DATA_HOME": folder.url.path,
                                          "XDG_CONFIG_HOME": folder.url.path, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
        ).finish(within: 120)

        let lines = (try? String(contentsOf: results, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        #expect(neovim.status == 0, "nvim exited \(neovim.status): \(lines)")
        #expect(lines == [
            "diagnostic 7:8-7:14 invalid-value 1 kaizen",
            "cleared",
            "hover **Canary releases**",
        ])
    }
}
