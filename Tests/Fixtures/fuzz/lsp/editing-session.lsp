Content-Length: 152

{"id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}, "jsonrpc": "2.0"}Content-Length: 57

{"method": "initialized", "params": {}, "jsonrpc": "2.0"}Content-Length: 618

{"method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md", "languageId": "markdown", "version": 1, "text": "---\nkind: experiment\ntitle: Checkout tries canaries\nteams: [checkout]\nimprovement: canary-releases\nhypothesis: If we deploy through canaries, we expect fewer failed deploys\nsignals: [{metric: failed deploys a week, baseline: 3, target: 1}]\nstatus: runing\nstart: 2026-11-01\nreview-by: 2026-10-30\n---\n\n## Plan\n\nA canary step before every checkout deploy; no rollback yet, and the review date is wrong.\n"}}, "jsonrpc": "2.0"}Content-Length: 609

{"id": 2, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "range": {"start": {"line": 7, "character": 8}, "end": {"line": 7, "character": 14}}, "context": {"diagnostics": [{"range": {"start": {"line": 7, "character": 8}, "end": {"line": 7, "character": 14}}, "code": "invalid-value", "message": "'status' cannot be 'runing'", "severity": 1}, {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 4}}, "code": "missing-field", "message": "missing 'rollback'", "severity": 1}]}}, "jsonrpc": "2.0"}Content-Length: 294

{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md", "version": 2}, "contentChanges": [{"range": {"start": {"line": 7, "character": 8}, "end": {"line": 7, "character": 14}}, "text": "running"}]}, "jsonrpc": "2.0"}Content-Length: 204

{"id": 3, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 7, "character": 8}}, "jsonrpc": "2.0"}Content-Length: 204

{"id": 4, "method": "textDocument/completion", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 3, "character": 8}}, "jsonrpc": "2.0"}Content-Length: 330

{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md", "version": 3}, "contentChanges": [{"range": {"start": {"line": 10, "character": 0}, "end": {"line": 10, "character": 0}}, "text": "rollback: deploy without the canary step\n"}]}, "jsonrpc": "2.0"}Content-Length: 200

{"id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 4, "character": 15}}, "jsonrpc": "2.0"}Content-Length: 205

{"id": 6, "method": "textDocument/definition", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 4, "character": 15}}, "jsonrpc": "2.0"}Content-Length: 151

{"method": "textDocument/didSave", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}}, "jsonrpc": "2.0"}Content-Length: 152

{"method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}}, "jsonrpc": "2.0"}Content-Length: 50

{"id": 99, "method": "shutdown", "jsonrpc": "2.0"}Content-Length: 36

{"method": "exit", "jsonrpc": "2.0"}