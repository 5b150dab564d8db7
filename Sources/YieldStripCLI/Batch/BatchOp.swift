import YieldStrip
import YieldStripJSON

/// One operation `yieldstrip batch` answers: its name (the request's `op`), a one-line summary for
/// `--list`, and the handler that turns a request into the answer's fields.
///
/// The handler reads its inputs with the request's typed accessors and returns the result fields in
/// order (the runner puts `id` first); anything it throws becomes an error answer: a ``DomainError``
/// keeps its own name, arguments and message.
public struct BatchOp: Sendable {
    public let name: String
    public let summary: String
    public let handler: @Sendable (BatchRequest) throws -> JSONObject
    /// The same answer's members written straight into the batch door's output, for ops whose encoder
    /// serves both (``JSONMemberSink``); nil for the others, whose ``handler``'s object is written.
    public let writer: (@Sendable (BatchRequest, inout JSONWriter) throws -> Void)?

    public init(_ name: String, _ summary: String, handler: @escaping @Sendable (BatchRequest) throws -> JSONObject) {
        self.name = name
        self.summary = summary
        self.handler = handler
        writer = nil
    }

    public init(_ name: String, _ summary: String, handler: @escaping @Sendable (BatchRequest) throws -> JSONObject,
                writer: @escaping @Sendable (BatchRequest, inout JSONWriter) throws -> Void) {
        self.name = name
        self.summary = summary
        self.handler = handler
        self.writer = writer
    }
}

/// The ops `batch` knows, looked up by name.
///
/// ``standard`` assembles every area's list of ops (one `entries` list per file in `Batch/`).
/// Names must be unique; if one is listed twice, the first entry wins.
public struct BatchOpRegistry: Sendable {
    /// The ops in `--list` order.
    public let ops: [BatchOp]
    private let indexByName: [String: Int]

    public init(_ ops: [BatchOp]) {
        self.ops = ops
        var index: [String: Int] = [:]
        for (i, op) in ops.enumerated() where index[op.name] == nil { index[op.name] = i }
        indexByName = index
    }

    public func op(named name: String) -> BatchOp? {
        indexByName[name].map { ops[$0] }
    }
}
