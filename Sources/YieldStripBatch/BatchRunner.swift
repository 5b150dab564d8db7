import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers JSON Lines: one answer line per input line, in order, so that answers pair with requests by
/// position.
///
/// A line ends at `\n` (a `\r` before it is whitespace); the last line needs no newline, and a final
/// newline does not start another line. A UTF-8 byte order mark at the start of the stream is ignored.
/// A blank line gets a `BadRequest` answer (`empty line`), like any other line that holds no request.
///
/// An answer is `{"id": <the request's id, when it had one>, ...result fields}`, or
/// `{"id": …, "error": NAME, "errorArgs": [...], "message": TEXT}`. A bad line gets an error answer
/// and the run goes on. Input is read in large chunks and answers are buffered, then written after
/// each chunk: a driver that sends one line and waits gets its answer, and a large input costs one
/// write per chunk.
///
/// A line longer than ``maxLineBytes`` (its bytes before the newline) is answered with a `BadRequest`
/// naming the limit, without an id, and skipped without being kept: memory stays bounded by the limit
/// whatever the input.
public struct BatchRunner: Sendable {
    public let registry: BatchOpRegistry
    /// The longest line read, in bytes before its newline; a longer one is answered with a `BadRequest`.
    public let maxLineBytes: Int
    /// The market files lines name (`marketFile`), each read once while it is unchanged.
    let marketFiles = MarketFileReferences()

    /// Bytes read from the input at a time.
    static let readSize = 1 << 16
    /// Buffered answers are written once they reach this size, even in the middle of a chunk.
    static let flushSize = 1 << 18
    /// The default ``maxLineBytes``: 1 MiB.
    public static let defaultMaxLineBytes = 1 << 20

    /// Plain requests read onto a ``JSONTape`` and answers written straight into the output where the op
    /// can (``BatchOp/writer``); off, every line takes the general path (the same answers byte for byte,
    /// for the tests and the fuzzer that check exactly that).
    public let usesFastPaths: Bool
    /// How a request's exact amounts are read and written when it does not say (`"units"`): wei, or
    /// decimal token units of 10^18 wei (`batch --units token`).
    public let units: BatchUnits

    /// A runner of the ops of `registry` (``BatchOpRegistry/contractOps`` here; the `yieldstrip` tool's
    /// every op, the jobs included, in `YieldStripCLI`).
    ///
    /// - Parameters:
    ///   - maxLineBytes: the longest line read (bytes before the newline), ≥ 1.
    ///   - usesFastPaths: false sends every line through the general path (``usesFastPaths``).
    ///   - units: the amounts of a request that does not say (``units``).
    public init(
        registry: BatchOpRegistry, maxLineBytes: Int = BatchRunner.defaultMaxLineBytes, usesFastPaths: Bool = true,
        units: BatchUnits = .wei
    ) {
        self.registry = registry
        self.maxLineBytes = Swift.max(1, maxLineBytes)
        self.usesFastPaths = usesFastPaths
        self.units = units
    }

    /// Answers every line of `input` until it ends, writing to `output`.
    ///
    /// - Throws: ``StreamError`` when `input` cannot be read (the answers to the lines before are written
    ///   first) or `output` cannot be written (reading stops at once: nothing more is answered).
    public func answerAll(input: any ByteSource, output: any ByteSink) throws(StreamError) {
        var writer = JSONWriter(reservingCapacity: Self.flushSize + 4096)
        var partialLine: [UInt8] = []
        /// True while the rest of a line longer than the limit is skipped (its answer is written at its end).
        var skippingLongLine = false
        var chunk = [UInt8](repeating: 0, count: Self.readSize)
        var atStreamStart = true
        let limit = maxLineBytes
        /// Answers one line, the stream's first without its byte order mark.
        func answer(_ line: UnsafeBufferPointer<UInt8>) {
            if atStreamStart {
                atStreamStart = false
                if Self.startsWithByteOrderMark(line) {
                    return self.answer(line: UnsafeBufferPointer(rebasing: line[3...]), into: &writer)
                }
            }
            self.answer(line: line, into: &writer)
        }
        /// Answers a line over the limit.
        func answerLongLine() {
            atStreamStart = false
            write(error: RequestError.badRequest(field: nil, reason: Self.longLineReason(limit: limit)), id: nil, into: &writer)
        }
        while true {
            var readFailure: StreamError?
            let count = chunk.withUnsafeMutableBytes { buffer in
                do throws(StreamError) { return try input.read(into: buffer) } catch {
                    readFailure = error
                    return 0
                }
            }
            if let readFailure {
                try flush(&writer, to: output)
                throw readFailure
            }
            if count <= 0 { break }
            try chunk.withUnsafeBufferPointer { (buffer) throws(StreamError) in
                var lineStart = 0
                while lineStart < count {
                    guard let newline = Self.indexOfNewline(in: buffer, from: lineStart, to: count) else { break }
                    if skippingLongLine {
                        skippingLongLine = false
                        answerLongLine()
                    } else if partialLine.count + (newline - lineStart) > limit {
                        partialLine.removeAll(keepingCapacity: true)
                        answerLongLine()
                    } else if partialLine.isEmpty {
                        answer(UnsafeBufferPointer(rebasing: buffer[lineStart..<newline]))
                    } else {
                        partialLine.append(contentsOf: buffer[lineStart..<newline])
                        partialLine.withUnsafeBufferPointer { answer($0) }
                        partialLine.removeAll(keepingCapacity: true)
                    }
                    lineStart = newline + 1
                    if writer.count >= Self.flushSize { try flush(&writer, to: output) }
                }
                // The start of a line that continues in the next chunk: kept up to the limit, skipped beyond.
                if lineStart < count && !skippingLongLine {
                    if partialLine.count + (count - lineStart) > limit {
                        partialLine.removeAll(keepingCapacity: true)
                        skippingLongLine = true
                    } else {
                        partialLine.append(contentsOf: buffer[lineStart..<count])
                    }
                }
            }
            try flush(&writer, to: output)
        }
        // The last line, without a newline; a stream of nothing but a byte order mark has no line.
        if skippingLongLine {
            answerLongLine()
        } else if !partialLine.isEmpty && !(atStreamStart && partialLine == Self.byteOrderMark) {
            partialLine.withUnsafeBufferPointer { answer($0) }
        }
        try flush(&writer, to: output)
    }

    /// ``answerAll(input:output:)`` for in-memory streams that cannot fail (benchmarks, tests); a stream
    /// error ends the run quietly.
    public func run(input: any ByteSource, output: any ByteSink) {
        try? answerAll(input: input, output: output)
    }

    /// The answer to one line (given without its newline), itself without a newline.
    public func answer(toLine line: String) -> String {
        var line = line
        var writer = JSONWriter()
        line.withUTF8 { answer(line: $0, into: &writer) }
        return String(decoding: writer.bytes.dropLast(), as: UTF8.self)
    }

    /// Appends the answer to `line` and a newline to `writer`: a `BadRequest` for a blank line.
    func answer(line: UnsafeBufferPointer<UInt8>, into writer: inout JSONWriter) {
        guard line.contains(where: { !Self.isBlank($0) }) else {
            write(error: RequestError.badRequest(field: nil, reason: Self.emptyLineReason), id: nil, into: &writer)
            return
        }
        // A plain request (ASCII strings without escapes, no repeated key; nearly every line a script
        // writes) is read onto a tape, its fields decoded from the line's bytes; any other line is read
        // by the full reader, which also names what is wrong with it.
        let source: FieldSource
        let id: JSONValue?
        var known: BatchOp? = nil
        if usesFastPaths, let tape = JSONTape.parse(line), let object = tape.root.object {
            source = .tape(object)
            id = object["id"]?.value
            // The op found by its name's bytes (a request naming a market file is expanded first, below).
            if let name = object["op"], name.kind == .string, object[MarketFileReferences.field] == nil {
                known = name.withText { registry.op(named: $0) }
            }
        } else {
            let parsed: JSONValue
            let duplicateKeys: JSONDuplicateKeys?
            do {
                (parsed, duplicateKeys) = try JSONReader.parseReportingDuplicateKeys(line)
            } catch {
                write(error: RequestError.badRequest(field: nil, reason: error.description), id: nil, into: &writer)
                return
            }
            guard case .object(let object) = parsed else {
                write(
                    error: RequestError.badRequest(field: nil, reason: "a request must be a JSON object; got \(parsed.typeDescription)"),
                    id: nil, into: &writer)
                return
            }
            if let duplicateKeys {
                // A field given twice, at any depth. The id is echoed when it was given once and holds no repeated
                // key itself (an answer never repeats a key).
                let id = duplicateKeys.topLevelKeys.contains("id") ? nil : object["id"]
                write(error: RequestError.duplicateField(duplicateKeys.first.pathText), id: id, into: &writer)
                return
            }
            source = .object(object)
            id = object["id"]
        }
        do {
            let inTokenUnits = try units(of: source) == .token
            let request: BatchRequest
            let op: BatchOp
            if let known {
                (request, op) = (BatchRequest(source: source, op: known.name, id: id, readsTokenUnits: inTokenUnits), known)
            } else {
                request = try BatchRequest(source: marketFiles.expand(source), readsTokenUnits: inTokenUnits)
                guard let found = registry.op(named: request.op) else {
                    throw RequestError.badRequest(field: "op", reason: "unknown op '\(request.op)'; 'yieldstrip batch --list' lists the ops")
                }
                op = found
            }
            if inTokenUnits {
                guard !BatchUnits.weiOnlyOps.contains(op.name) else {
                    throw RequestError.badRequest(
                        field: "units",
                        reason:
                            "op '\(op.name)' reads raw integers or a token's base units, not amounts of 10^18 wei; send it in wei (\"units\": \"wei\")"
                    )
                }
                // The answer built as an object, every exact amount written in token units.
                let result = try AmountText.$inTokenUnits.withValue(true) { try op.handler(request) }
                writeOpening(id: id, into: &writer)
                writer.writeMembers(of: result, leadingComma: id != nil)
            } else if usesFastPaths, let write = op.writer {
                // Straight into the output; an error halfway drops what was written of the answer.
                let start = writer.count
                writeOpening(id: id, into: &writer)
                writer.continuesObject = id != nil
                do {
                    try write(request, &writer)
                } catch {
                    writer.truncate(to: start)
                    writer.continuesObject = false
                    throw error
                }
                writer.continuesObject = false
            } else {
                let result = try op.handler(request)
                writeOpening(id: id, into: &writer)
                writer.writeMembers(of: result, leadingComma: id != nil)
            }
            writer.writeRaw("}\n")
        } catch let error as any DomainError {
            write(error: error, id: id, into: &writer)
        } catch {
            write(error: InternalError(String(describing: error)), id: id, into: &writer)
        }
    }

    /// The request's `"units"` (`"wei"` or `"token"`), else the runner's.
    private func units(of source: FieldSource) throws(RequestError) -> BatchUnits {
        guard let given = source["units"] else { return units }
        guard case .string(let text) = given.json, let chosen = BatchUnits(rawValue: text) else {
            throw .badRequest(
                field: "units",
                reason: "field 'units' must be \"wei\" (the default) or \"token\" (decimal amounts of 10^18 wei); got \(quoted(given.json))")
        }
        return chosen
    }

    /// `{` and, when there is an id, `"id":<id>` (no comma after it).
    private func writeOpening(id: JSONValue?, into writer: inout JSONWriter) {
        writer.writeByte(UInt8(ascii: "{"))
        if let id {
            writer.write(key: "id")
            writer.write(id)
        }
    }

    private func write(error: any DomainError, id: JSONValue?, into writer: inout JSONWriter) {
        writeOpening(id: id, into: &writer)
        if id != nil { writer.writeByte(UInt8(ascii: ",")) }
        writer.write(key: "error")
        writer.write(string: error.errorName)
        writer.writeRaw(",\"errorArgs\":[")
        for (i, argument) in error.errorArgs.enumerated() {
            if i > 0 { writer.writeByte(UInt8(ascii: ",")) }
            writer.write(string: argument)
        }
        writer.writeRaw("],\"message\":")
        writer.write(string: error.message)
        writer.writeRaw("}\n")
    }

    private func flush(_ writer: inout JSONWriter, to output: any ByteSink) throws(StreamError) {
        guard writer.count > 0 else { return }
        var failure: StreamError?
        writer.withUnsafeBytes { buffer in
            do throws(StreamError) { try output.write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        writer.removeAll()
    }

    private static func indexOfNewline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard let base = buffer.baseAddress,
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The message of the answer to a line longer than `limit` bytes.
    static func longLineReason(limit: Int) -> String {
        "line longer than \(limit) bytes, the limit (--max-line-bytes); it was skipped unread, so its answer has no id: send a shorter request, or raise the limit"
    }

    /// The message of a blank line's answer.
    static let emptyLineReason =
        "empty line; every line must hold one JSON request (each line gets an answer, so answers pair with requests by position)"

    /// UTF-8's byte order mark, EF BB BF.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func startsWithByteOrderMark(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

/// A failure that no input should cause (an error that is not a ``DomainError``, a table entry
/// naming something that does not exist): reported as `InternalError`.
package struct InternalError: DomainError {
    package let message: String
    package var errorName: String { "InternalError" }

    package init(_ description: String) { message = "internal error: \(description)" }
}

/// How a batch request's exact amounts are read and written.
public enum BatchUnits: String, Sendable, CaseIterable {
    /// Decimal strings (or JSON integers) of wei, the default: exactly what the contracts hold.
    case wei
    /// Decimal token units of 10^18 wei, at most 18 decimals (`"42.948"`): every field and every answer
    /// value that is wei otherwise.
    case token

    /// The ops whose integers are not amounts of 10^18 wei (raw integers, a YieldSpace token's base units):
    /// refused in token units.
    static let weiOnlyOps: Set<String> = Set(["sqrt", "rawDivUp_u", "rawDivUp_i"] + YieldSpaceOps.entries.map(\.name))
}
