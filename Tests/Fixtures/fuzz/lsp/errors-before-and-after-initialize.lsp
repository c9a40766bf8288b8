Content-Length: 199

{"id": 1, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 0, "character": 0}}, "jsonrpc": "2.0"}Content-Length: 9

{"id": 1,Content-Length: 67

{"id": 2, "method": "initialize", "params": null, "jsonrpc": "2.0"}Content-Length: 65

{"id": 3, "method": "initialize", "params": {}, "jsonrpc": "2.0"}Content-Length: 68

{"id": 4, "method": "no/suchMethod", "params": {}, "jsonrpc": "2.0"}Content-Length: 96

{"id": 5, "method": "textDocument/completion", "params": {"textDocument": {}}, "jsonrpc": "2.0"}Content-Length: 56

{"id": {"x": 1}, "method": "shutdown", "jsonrpc": "2.0"}Content-Length: 62

{"result": null, "id": "kaizen-watch-files", "jsonrpc": "2.0"}Content-Length: 278

{"method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "contentChanges": [{"range": {"start": {"line": 99, "character": -1}, "end": {"line": 0, "character": 0}}, "text": "💥"}]}, "jsonrpc": "2.0"}Content-Length: 36

{"method": "exit", "jsonrpc": "2.0"}