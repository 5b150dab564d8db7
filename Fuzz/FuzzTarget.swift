// The libFuzzer entry point: every door that reads untrusted text, one input at a time.
//
// Built by scripts/fuzz.sh (not by `swift build`): the package's modules are compiled with coverage for the
// fuzzer and the address sanitizer, and this file is linked against them with libFuzzer's own `main`.
//
// The input's first byte picks the door; the rest is what the door reads:
//
//   B  a batch stream (request lines) through `BatchRunner`, answers checked line by line
//   S  the same with the stream handed out in small chunks and a small line limit (next two bytes)
//   W  wad and integer text: `Wad(decimal:)`, `Wad(weiText:)`, `UInt256`, `Int256`, each round-tripped, and the
//      `wad` command's operands (`yieldstrip wad <op> [--wei] a b`, arguments split at NUL bytes)
//   M  a market file's bytes: `MarketFile.parse`, `YieldSpaceMarketFile.parse`, round-tripped through `jsonText`,
//      then the file's fields as `marketSnapshot` and `depth` batch requests
//   D  a dividend schedule (CSV, then JSON), then the text as a `dividends` batch request's `schedule`
//   R  a rate series, a dated series (CSV), a position, a time
//   J  the JSON reader, round-tripped through the writer
//   C  a command line (arguments split at NUL bytes) of a command that only reads: its table or its --json,
//      its exit status and its messages; file arguments are replaced by the bundled example files, and
//      options that write files (--svg, --out, --html) are dropped
//
// Any other first byte picks a door by its value modulo the number of doors. A check that fails calls
// `fuzzFailure`, which prints what went wrong and aborts, so libFuzzer saves the input. Half of the mutations
// of a batch line or a market file are made on its JSON value (`LLVMFuzzerCustomMutator`, at the end).

import YieldStrip
import YieldStripCLI
import YieldStripJSON
import YieldStripMath

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let all = UnsafeBufferPointer(start: data, count: size)
    let body = Array(all[1...])
    switch Door(selector: all[0]) {
    case .batch: FuzzBatch.check(stream: body, chunkSize: .max, maxLineBytes: BatchRunner.defaultMaxLineBytes)
    case .batchStream:
        let chunk = body.count > 0 ? 1 + Int(body[0] % 32) : 1
        let limit = body.count > 1 ? 16 + Int(body[1]) * 4 : 64
        FuzzBatch.check(stream: Array(body.dropFirst(2)), chunkSize: chunk, maxLineBytes: limit)
    case .wad: FuzzText.wad(body)
    case .market: FuzzFiles.market(body)
    case .dividends: FuzzFiles.dividends(body)
    case .series: FuzzFiles.series(body)
    case .json: FuzzText.json(body)
    case .command: FuzzCommand.run(body)
    }
    return 0
}

enum Door: CaseIterable {
    case batch, batchStream, wad, market, dividends, series, json, command

    init(selector: UInt8) {
        switch selector {
        case UInt8(ascii: "B"): self = .batch
        case UInt8(ascii: "S"): self = .batchStream
        case UInt8(ascii: "W"): self = .wad
        case UInt8(ascii: "M"): self = .market
        case UInt8(ascii: "D"): self = .dividends
        case UInt8(ascii: "R"): self = .series
        case UInt8(ascii: "J"): self = .json
        case UInt8(ascii: "C"): self = .command
        default: self = Door.allCases[Int(selector) % Door.allCases.count]
        }
    }
}

/// Reports a failed check and aborts (libFuzzer keeps the input as a crash).
func fuzzFailure(_ what: String, _ detail: @autoclosure () -> String) -> Never {
    let text = "fuzz check failed: \(what)\n\(String(detail().prefix(4000)))\n"
    fputs(text, stderr)
    abort()
}

// MARK: - Batch

enum FuzzBatch {
    /// Answers `stream` and checks the protocol: the same answers with and without the fast paths, one answer
    /// line per request line, each a JSON object that the project's reader accepts (so no key repeated), either a result or a named error, never `InternalError`.
    static func check(stream: [UInt8], chunkSize: Int, maxLineBytes: Int) {
        let output = MemorySink()
        BatchRunner(maxLineBytes: maxLineBytes).run(input: MemorySource(stream, chunkSize: chunkSize), output: output)
        let answers = output.bytes
        // The fast paths (a plain request on a tape, an answer written straight out) change nothing.
        let general = MemorySink()
        BatchRunner(maxLineBytes: maxLineBytes, usesFastPaths: false).run(input: MemorySource(stream, chunkSize: chunkSize), output: general)
        if general.bytes != answers {
            fuzzFailure(
                "the fast paths answer differently", render(stream) + "\n--- fast:\n" + render(answers) + "\n--- general:\n" + render(general.bytes))
        }
        let expected = expectedAnswerCount(stream)
        if answers.isEmpty {
            if expected != 0 { fuzzFailure("no answer to \(expected) line(s)", render(stream)) }
            return
        }
        guard answers.last == UInt8(ascii: "\n") else { fuzzFailure("the answers do not end with a newline", render(answers)) }
        let lines = answers.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.count != expected {
            fuzzFailure("\(lines.count) answer line(s) to \(expected) request line(s)", render(stream) + "\n--- answers:\n" + render(answers))
        }
        for line in lines { checkAnswer(Array(line), request: stream) }
    }

    /// The number of lines in `stream` as docs/batch.md counts them: lines end at `\n`, the last needs none, a
    /// final newline starts no line, and a stream of nothing but a byte order mark has none.
    static func expectedAnswerCount(_ stream: [UInt8]) -> Int {
        if stream.isEmpty || stream == [0xEF, 0xBB, 0xBF] { return 0 }
        let newlines = stream.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return newlines + (stream.last == UInt8(ascii: "\n") ? 0 : 1)
    }

    static func checkAnswer(_ line: [UInt8], request: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONReader.parse(line)
        } catch {
            fuzzFailure("an answer the JSON reader refuses (\(error))", render(line) + "\n--- request:\n" + render(request))
        }
        guard case .object(let answer) = value else { fuzzFailure("an answer that is not an object", render(line)) }
        if let id = answer.members.firstIndex(where: { $0.key == "id" }), id != 0 {
            fuzzFailure("an answer whose id is not its first member", render(line))
        }
        guard let error = answer["error"] else {
            if answer["errorArgs"] != nil || answer.members.allSatisfy({ $0.key == "id" }) {
                fuzzFailure("a result without fields, or with an error's arguments and no error", render(line))
            }
            return
        }
        guard case .string(let name) = error, !name.isEmpty else { fuzzFailure("an error without a name", render(line)) }
        if name == "InternalError" { fuzzFailure("InternalError", render(line) + "\n--- request:\n" + render(request)) }
        guard case .array(let arguments)? = answer["errorArgs"],
            arguments.allSatisfy({ if case .string = $0 { true } else { false } })
        else {
            fuzzFailure("an error whose errorArgs is not an array of strings", render(line))
        }
        guard case .string(let message)? = answer["message"], !message.isEmpty else {
            fuzzFailure("an error without a message", render(line))
        }
        let expectedKeys = answer["id"] == nil ? ["error", "errorArgs", "message"] : ["id", "error", "errorArgs", "message"]
        if answer.keys != expectedKeys { fuzzFailure("an error answer with other members", render(line)) }
    }

    /// The answer to one request built in the harness (`{"op": …, …fields}`), checked like any other.
    static func answer(op: String, fields: JSONObject) {
        var request: JSONObject = ["op": .string(op)]
        for member in fields.members where member.key != "op" && member.key != "id" { request.append(member.key, member.value) }
        let line = Array(request.jsonText.utf8)
        check(stream: line, chunkSize: .max, maxLineBytes: BatchRunner.defaultMaxLineBytes)
    }
}

// MARK: - Text

enum FuzzText {
    static func wad(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let wad = Wad(decimal: text) {
            guard Wad(decimal: wad.description) == wad else { fuzzFailure("Wad decimal round trip", "\(text) → \(wad.description)") }
            guard Wad(weiText: wad.weiDescription) == wad else { fuzzFailure("Wad wei round trip", text) }
            let double = wad.doubleValue
            if !double.isFinite { fuzzFailure("a Wad whose Double is not finite", text) }
            _ = Wad(rounding: double)
        }
        if let wad = Wad(weiText: text), Wad(decimal: wad.description) != wad { fuzzFailure("Wad wei → decimal round trip", text) }
        if let value = UInt256(text), UInt256(value.description) != value { fuzzFailure("UInt256 round trip", text) }
        if let value = Int256(text), Int256(value.description) != value { fuzzFailure("Int256 round trip", text) }

        // The `wad` command's operands: the first piece picks the operation, the others are its arguments.
        let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let operations = ["ln", "exp", "mul", "div", "divup", "sqrt"]
        let operation = operations[Int(pieces[0].utf8.first ?? 0) % operations.count]
        var arguments = ["wad", operation]
        if pieces[0].utf8.first.map({ $0 & 0x80 != 0 }) ?? false { arguments.append("--wei") }
        arguments += pieces.dropFirst().prefix(3).filter { !$0.hasPrefix("--") || $0 == "--wei" || $0 == "--json" }
        let run = CLI.run(arguments: arguments)
        checkCommand(run, arguments: arguments)
    }

    /// A command's run: exit 0 with output on stdout, or 1 or 2 with a message on stderr and nothing on stdout.
    static func checkCommand(_ run: CLI.RunResult, arguments: [String]) {
        let shown = arguments.map { "\u{27E8}\($0)\u{27E9}" }.joined(separator: " ")
        switch run.exitCode {
        case 0:
            if run.stdout.isEmpty { fuzzFailure("exit 0 with nothing on stdout", shown) }
        case 1, 2:
            if !run.stdout.isEmpty || run.stderr.isEmpty { fuzzFailure("a failure with stdout or without a message", shown + "\n" + run.stderr) }
            if run.stderr.contains("internal error") { fuzzFailure("internal error", shown + "\n" + run.stderr) }
        default:
            fuzzFailure("exit status \(run.exitCode)", shown)
        }
    }

    static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONReader.parse(bytes) else { return }
        let text = value.jsonText
        guard let again = try? JSONReader.parse(text) else { fuzzFailure("the writer's text does not read back", render(bytes) + "\n→ " + text) }
        if again != value { fuzzFailure("JSON round trip", render(bytes) + "\n→ " + text) }
    }
}

// MARK: - Commands

enum FuzzCommand {
    /// The commands that read and print only (`report`, `batch`, `demo` and the help are left out).
    static let commands = [
        "lockin", "short-yt", "hedge", "scenario", "borrow", "rates", "loop", "mnav", "market", "quote", "depth", "compare",
        "split", "dividends", "yt-interest", "rate", "wad"
    ]
    /// What a file argument becomes (paths relative to the repository's root, where scripts/fuzz.sh runs).
    static let files = [
        "examples/markets/aapl-like.json", "examples/markets/asdpendle-high-yield.json", "examples/markets/spy-like-near-expiry.json",
        "examples/markets/yieldspace-aapl-like.json", "examples/data/aapl.csv", "examples/data/ko.csv", "examples/data/o.csv",
        "examples/data/synthetic-stock-token.csv", "examples/data/synthetic-index-etf.csv"
    ]

    static func run(_ bytes: [UInt8]) {
        var arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).prefix(24).map { String(decoding: $0, as: UTF8.self) }
        guard !arguments.isEmpty else { return }
        if !commands.contains(arguments[0]) { arguments[0] = commands[Int(arguments[0].utf8.first ?? 0) % commands.count] }
        arguments = arguments.compactMap { argument in
            for option in ["--svg", "--out", "--html"] where argument.hasPrefix(option) { return nil }
            if argument.contains("/") || argument.hasSuffix(".json") || argument.hasSuffix(".csv") {
                return files[argument.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % files.count]
            }
            return argument
        }
        let run = CLI.run(arguments: arguments)
        FuzzText.checkCommand(run, arguments: arguments)
        if run.exitCode == 0, arguments.contains("--json"), !arguments.contains("--help"), !arguments.contains("-h"),
            (try? JSONReader.parse(run.stdout)) == nil
        {
            fuzzFailure("--json printed what the JSON reader refuses", arguments.joined(separator: " ") + "\n" + run.stdout)
        }
    }
}

// MARK: - Files

enum FuzzFiles {
    static func market(_ bytes: [UInt8]) {
        if let file = try? MarketFile.parse(bytes, origin: "fuzz") {
            guard let again = try? MarketFile.parse(Array(file.jsonText.utf8), origin: "fuzz") else {
                fuzzFailure("a market file's jsonText does not read back", render(bytes) + "\n→ " + file.jsonText)
            }
            if again != file { fuzzFailure("market file round trip", render(bytes) + "\n→ " + file.jsonText) }
            if case .object(let fields)? = try? JSONReader.parse(bytes) {
                FuzzBatch.answer(op: "marketSnapshot", fields: fields)
                FuzzBatch.answer(op: "depth", fields: fields)
            }
        }
        _ = try? AnyMarketFile.parse(bytes, origin: "fuzz")
        if let file = try? YieldSpaceMarketFile.parse(bytes, origin: "fuzz") {
            guard let again = try? YieldSpaceMarketFile.parse(Array(file.jsonText.utf8), origin: "fuzz") else {
                fuzzFailure("a YieldSpace market file's jsonText does not read back", render(bytes) + "\n→ " + file.jsonText)
            }
            if again.jsonText != file.jsonText { fuzzFailure("YieldSpace market file round trip", render(bytes)) }
        }
    }

    static func dividends(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let csv = try? ScheduleFiles.parseDividendSchedule(text, format: .csv)
        let json = try? ScheduleFiles.parseDividendSchedule(text, format: .json)
        _ = try? ScheduleFiles.parseDividendSchedule(text, maturity: 1_800_000_000)
        if csv != nil || json != nil {
            FuzzBatch.answer(op: "dividends", fields: ["schedule": .string(text), "from": "2020-01-01", "to": "2030-01-01"])
        }
    }

    static func series(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? ScheduleFiles.parseExchangeRateSeries(text)
        _ = try? DatedSeries.parseCSV(text, source: "fuzz")
        _ = try? Position(parsing: text)
        _ = try? UnixTime.parse(text)
    }
}

/// Bytes shown for a report: the text, with bytes that are not UTF-8 replaced.
func render<C: Collection<UInt8>>(_ bytes: C) -> String {
    String(decoding: bytes.prefix(2000), as: UTF8.self)
}

// MARK: - Structure-aware mutation

/// libFuzzer's own mutations (byte flips, insertions, dictionary words, cross-over).
@_silgen_name("LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int) -> Int

/// Half of the time, an input that holds JSON (a batch line, a market file) is mutated as JSON: one value
/// replaced by an extreme number, a wrong type, a deep nest or another field's value, or a field dropped or
/// repeated; the rest of the time, and for everything else, libFuzzer mutates the bytes.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data, size > 1 else { return libFuzzerMutate(data, size, maxSize) }
    var random = JSONMutator(seed: UInt64(seed))
    let door = data[0]
    if (door == UInt8(ascii: "B") || door == UInt8(ascii: "M")) && random.below(2) == 0 {
        let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        if let value = try? JSONReader.parse(body) {
            let mutated = Array(random.mutate(value).jsonText.utf8)
            if mutated.count + 1 <= maxSize {
                mutated.withUnsafeBufferPointer { (data + 1).update(from: $0.baseAddress!, count: $0.count) }
                return mutated.count + 1
            }
        }
    }
    return libFuzzerMutate(data, size, maxSize)
}

struct JSONMutator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Numbers at the edges of every type the ops read: wei (int256, uint256, uint128), Unix seconds (Int64,
    /// years 0000–9999), days, Doubles, fractions.
    static let extremes = [
        "0", "-0", "1", "-1", "2", "1000000000000000000", "999999999999999999", "1000000000000000001",
        "340282366920938463463374607431768211455", "340282366920938463463374607431768211456",
        "57896044618658097711785492504343953926634992332820282019728792003956564819967",
        "-57896044618658097711785492504343953926634992332820282019728792003956564819968",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "115792089237316195423570985008687907853269984665640564039457584007913129639936",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551616",
        "253402300799", "253402300800", "-62167219200", "-62167219201", "4294967296",
        "1e15", "1e300", "-1e300", "1e-300", "5e-324", "1.7976931348623157e308", "0.000000000000000001", "0.5", "1.5", "100", "-100"
    ]

    mutating func mutate(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object) where !object.isEmpty:
            let index = below(object.count)
            let member = object.members[index]
            switch below(8) {
            case 0: object[member.key] = nil
            case 1: object.append(member.key, member.value)
            case 2:
                let other = object.members[below(object.count)]
                object[member.key] = other.value
            default: object[member.key] = mutate(member.value)
            }
            return .object(object)
        case .array(var items) where !items.isEmpty:
            let index = below(items.count)
            switch below(6) {
            case 0: items.remove(at: index)
            case 1: items.append(items[index])
            default: items[index] = mutate(items[index])
            }
            return .array(items)
        default:
            switch below(10) {
            case 0: return pick([.null, .bool(true), .array([]), .object(JSONObject()), .string("")])
            case 1:
                var nested = value
                for _ in 0..<(1 + below(8)) { nested = .array([nested]) }
                return nested
            default:
                let text = pick(Self.extremes)
                // In the value's own form when it was a number, else as a string (wei, times, rates).
                if case .number = value, let number = JSONNumber(text: text) { return .number(number) }
                return below(4) == 0 ? (JSONNumber(text: text).map(JSONValue.number) ?? .string(text)) : .string(text)
            }
        }
    }
}
