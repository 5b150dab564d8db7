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

    public init(
        _ name: String, _ summary: String, handler: @escaping @Sendable (BatchRequest) throws -> JSONObject,
        writer: @escaping @Sendable (BatchRequest, inout JSONWriter) throws -> Void
    ) {
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
    /// The first op of each name, grouped by the name's UTF-8 length: the lookup by bytes.
    private let indexesByLength: [Int: [(name: [UInt8], index: Int)]]

    public init(_ ops: [BatchOp]) {
        self.ops = ops
        var index: [String: Int] = [:]
        for (i, op) in ops.enumerated() where index[op.name] == nil { index[op.name] = i }
        indexByName = index
        var byLength: [Int: [(name: [UInt8], index: Int)]] = [:]
        for (name, i) in index.sorted(by: { $0.value < $1.value }) { byLength[name.utf8.count, default: []].append((Array(name.utf8), i)) }
        indexesByLength = byLength
    }

    public func op(named name: String) -> BatchOp? {
        indexByName[name].map { ops[$0] }
    }

    /// The op whose name is `bytes` (UTF-8), found without building a string (the batch door's plain lines).
    public func op(named bytes: UnsafeBufferPointer<UInt8>) -> BatchOp? {
        guard let candidates = indexesByLength[bytes.count] else { return nil }
        for candidate in candidates where candidate.name.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
            return ops[candidate.index]
        }
        return nil
    }
}

extension BatchOpRegistry {
    /// The ops that reproduce the contracts' functions exactly: the wad math, the Pendle market and router,
    /// the yield contract, the YieldSpace pool (the reference vectors' ops).
    public static let contractOps = BatchOpRegistry(MathOps.entries + MarketOps.entries + YieldContractOps.entries + YieldSpaceOps.entries)
}
