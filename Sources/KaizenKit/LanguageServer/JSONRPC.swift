/// A JSON-RPC 2.0 error: what the server answers instead of a result.
public struct RPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    /// LSP: a request other than `initialize` before `initialize`.
    public static let serverNotInitializedCode = -32002

    public static func parseError(_ message: String) -> RPCError { RPCError(code: parseErrorCode, message: message) }
    public static func invalidRequest(_ message: String) -> RPCError { RPCError(code: invalidRequestCode, message: message) }
    public static func invalidParams(_ message: String) -> RPCError { RPCError(code: invalidParamsCode, message: message) }
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "no method '\(method)': kaizen lsp does not handle it")
    }
}

/// One message from the client, as JSON-RPC 2.0 classifies it.
public enum IncomingMessage: Sendable, Equatable {
    case request(id: JSONValue, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A reply to something the server asked; kaizen asks nothing, so these are dropped.
    case response(id: JSONValue)

    /// Why a message is not valid JSON-RPC, and the id to answer to (null
    /// when the message had no usable one).
    public struct Rejection: Error, Equatable {
        public var id: JSONValue
        public var error: RPCError
    }

    public static func classify(_ value: JSONValue) -> Result<IncomingMessage, Rejection> {
        guard case .object(let object) = value else {
            return .failure(Rejection(id: .null, error: .invalidRequest("a message must be a JSON object")))
        }
        let rawID = object["id"]
        let id: JSONValue
        switch rawID {
        case nil: id = .null
        case .string?, .number?, .null?: id = rawID!
        default: return .failure(Rejection(id: .null, error: .invalidRequest("'id' must be a number or a string")))
        }
        guard object["jsonrpc"] == "2.0" else {
            return .failure(Rejection(id: id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        guard let methodValue = object["method"] else {
            if rawID != nil, object["result"] != nil || object["error"] != nil { return .success(.response(id: id)) }
            return .failure(Rejection(id: id, error: .invalidRequest("a message needs a 'method'")))
        }
        guard case .string(let method) = methodValue else {
            return .failure(Rejection(id: id, error: .invalidRequest("'method' must be a string")))
        }
        // Some clients write `"params": null` for none.
        let params = object["params"] == .null ? nil : object["params"]
        if let params, !params.isObject, params.arrayValue == nil {
            return .failure(Rejection(id: id, error: .invalidRequest("'params' must be an object or an array")))
        }
        return .success(rawID == nil ? .notification(method: method, params: params) : .request(id: id, method: method, params: params))
    }
}

/// Builds the messages the server sends.
public enum OutgoingMessage {
    public static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    public static func error(id: JSONValue, _ error: RPCError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .number(Double(error.code)), "message": .string(error.message)]]
    }

    public static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
