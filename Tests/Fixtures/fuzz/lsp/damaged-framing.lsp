Content-Length: abc

{"id":1}Content-Type: x

{}Content-Length: 99999999999999999999

{}Content-Length: 3

{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}Content-Length: 83

{"id": 1, "method": "initialize", "params": {"capabilities": {}}, "jsonrpc": "2.0"}{not json}

Content-Length: 200

{"id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///tmp/kaizen-fuzz-lsp/experiments/checkout-canary.md"}, "position": {"line": 4, "character": 15}}, "jsonrpc": "2.0"}Content-Length: 50

{"id": 99, "method": "shutdown", "jsonrpc": "2.0"}Content-Length: 36

{"method": "exit", "jsonrpc": "2.0"}