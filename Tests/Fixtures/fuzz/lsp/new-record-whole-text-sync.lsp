Content-Length: 152

{"id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}, "jsonrpc": "2.0"}Content-Length: 57

{"method": "initialized", "params": {}, "jsonrpc": "2.0"}Content-Length: 225

{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/new-trial.md", "languageId": "markdown", "version": 1, "text": "---\nkind: experiment\n---\n"}}, "jsonrpc": "2.0"}Content-Length: 329

{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/new-trial.md", "version": 2}, "contentChanges": [{"text": "---\nkind: experiment\ntitle: New trial\nteams: [payments]\nimprovement: canary-releases\nstatus: planned\n---\n\n## Plan\n\nTry it.\n"}]}, "jsonrpc": "2.0"}Content-Length: 199

{"id": 2, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/new-trial.md"}, "position": {"line": 4, "character": 14}}, "jsonrpc": "2.0"}Content-Length: 434

{"id": 3, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/new-trial.md"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "context": {"diagnostics": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "code": "missing-field", "message": "missing required field 'hypothesis'"}]}}, "jsonrpc": "2.0"}Content-Length: 233

{"method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "file:///tmp/kaizen-fuzz-lsp/improvements/canary-releases.md", "type": 2}, {"uri": "file:///tmp/kaizen-fuzz-lsp/kaizen.yml", "type": 2}]}, "jsonrpc": "2.0"}Content-Length: 329

{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/improvements/canary-releases.md", "languageId": "markdown", "version": 1, "text": "---\nkind: improvement\ntitle: Canary releases\nstatus: provne\norigin: payments\nlevel: team\narea: deployment-safety\n---\n"}}, "jsonrpc": "2.0"}Content-Length: 194

{"id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/new-trial.md"}, "position": {"line": 4, "character": 16}}, "jsonrpc": "2.0"}Content-Length: 50

{"id": 99, "method": "shutdown", "jsonrpc": "2.0"}Content-Length: 36

{"method": "exit", "jsonrpc": "2.0"}