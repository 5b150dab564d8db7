import Foundation
import Testing
import YieldStrip
import YieldStripJSON
import _TestSupport

@testable import YieldStripCLI

/// The batch door's fast paths change nothing but speed: a plain request read onto a ``JSONTape`` and a
/// market op's answer written straight into the output give, byte for byte, the answers of the general
/// path (the full JSON reader, the answer built as an object), for the seeded mutations of every op's
/// requests and for the reference vectors.
@Suite struct BatchFastPathTests {
    static func answers(_ lines: [String], fast: Bool) -> [Substring] {
        let output = MemorySink()
        BatchRunner(usesFastPaths: fast).run(input: MemorySource(lines.joined(separator: "\n") + "\n", chunkSize: 4093), output: output)
        return Array(output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
    }

    @Test func mutatedRequestsGetTheSameAnswers() throws {
        let bases = try BatchMutationTests.baseRequests()
        var mutator = BatchMutationTests.Mutator(random: SplitMix64(seed: 0xFA57_9A7B), ops: BatchOpRegistry.standard.ops.map(\.name))
        var lines = bases.map(\.jsonText)
        for i in 0..<3_000 { lines.append(mutator.line(from: bases[i % bases.count])) }
        let fast = Self.answers(lines, fast: true)
        let general = Self.answers(lines, fast: false)
        try #require(fast.count == lines.count && general.count == lines.count)
        var differing: [String] = []
        for (i, line) in lines.enumerated() where fast[i] != general[i] {
            differing.append("request: \(line.prefix(200))\n  fast:    \(fast[i].prefix(200))\n  general: \(general[i].prefix(200))")
        }
        #expect(differing.isEmpty, "\(differing.count) answers differ; first:\n\(differing.prefix(3).joined(separator: "\n"))")
        // The fast paths were taken: most lines are plain, and most answers are results.
        let plain = lines.filter { line in line.utf8.withContiguousStorageIfAvailable { JSONTape.parse($0) != nil } ?? false }
        #expect(plain.count > lines.count / 2)
    }

    @Test func referenceVectorLinesGetTheSameAnswers() throws {
        var lines: [String] = []
        for (file, op) in [("market_trade", "executeTradeCore"), ("market_precompute", nil), ("exact_in", nil), ("liquidity", nil)] {
            for (i, c) in try MarketBatchVectorTests.cases(file, defaultOp: op).enumerated() where i % 3 == 0 {
                var request: JSONObject = ["op": .string(c.op), "id": .number(JSONNumber(i))]
                request.append(contentsOf: c.input)
                lines.append(request.jsonText)
                request["exact"] = .bool(false)
                lines.append(request.jsonText)
            }
        }
        #expect(Self.answers(lines, fast: true) == Self.answers(lines, fast: false))
    }

    /// An op that fails after writing part of its answer leaves nothing of it: the line's answer is the error.
    @Test func anErrorHalfwayDropsThePartialAnswer() throws {
        struct Failure: DomainError {
            var errorName: String { "Failure" }
            var errorArgs: [String] { [] }
            var message: String { "failed halfway" }
        }
        let op = BatchOp(
            "halfway", "writes a member, then fails", handler: { _ in throw Failure() },
            writer: { _, writer in
                writer.append("partial", wei: Int256(123))
                throw Failure()
            })
        let runner = BatchRunner(registry: BatchOpRegistry([op]))
        let output = MemorySink()
        runner.run(input: MemorySource(#"{"op":"halfway","id":7}"# + "\n" + #"{"op":"halfway"}"# + "\n"), output: output)
        #expect(
            output.text == #"{"id":7,"error":"Failure","errorArgs":[],"message":"failed halfway"}"# + "\n"
                + #"{"error":"Failure","errorArgs":[],"message":"failed halfway"}"# + "\n")
    }
}

/// ``JSONTape`` reads exactly what ``JSONReader`` reads, or declines.
@Suite struct JSONTapeTests {
    static func tape(_ text: String) -> JSONTape? {
        var text = text
        return text.withUTF8 { JSONTape.parse($0) }
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null,"x",-0.5e3,{}],"c":{"d":[]}}"#, #"[]"#, #"  {"k" : "v" }  "#, #""""#, #"0"#, #"-12"#,
        #"{"":{"":[[[]]]}}"#, #"[1,2,3]"#, #"{"id":"1.50","n":1.50}"#
    ])
    func readsPlainDocumentsAsTheReaderDoes(text: String) throws {
        let tape = try #require(Self.tape(text))
        #expect(tape.root.value == (try JSONReader.parse(text)))
    }

    @Test(arguments: [
        #"{"a":"\n"}"#, #"{"a":"é"}"#, #"{"\u0061":1}"#, #"{"a":1,"a":2}"#, #"{"a":{"b":1,"b":1}}"#, #"{"a":1,}"#, #"[1,]"#,
        #"{"a":01}"#, #"{"a":tru}"#, #"{"a":1} x"#, "", " ", #"{"a":"\u0000"}"#, #"{"a":1"#, #"["#, #""abc"#,
        "{" + (0...16).map { #""k\#($0)":0"# }.joined(separator: ",") + "}",
        String(repeating: "[", count: JSONReader.maximumDepth + 1) + String(repeating: "]", count: JSONReader.maximumDepth + 1)
    ])
    func declinesWhatIsNotPlain(text: String) {
        #expect(Self.tape(text) == nil)
    }

    @Test func readsNestingUpToTheReadersLimit() throws {
        let depth = JSONReader.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try #require(Self.tape(text)).root.value == (try JSONReader.parse(text)))
    }

    @Test func findsMembersByTheirBytes() throws {
        let object = try #require(Self.tape(#"{"op":"x","market":{"totalPt":"5"},"K":1}"#)?.root.object)
        #expect(object["op"]?.value == .string("x"))
        #expect(object["market"]?.object?["totalPt"]?.value == .string("5"))
        #expect(object["totalPt"] == nil)
        #expect(object["\u{212A}"] == nil)  // the Kelvin sign is not "K"
        #expect(object["K"]?.value == .number(JSONNumber(1)))
    }

    /// Random documents and their mutations: whenever the tape reads one, the reader reads the same value.
    @Test func agreesWithTheReaderOnMutatedText() throws {
        var random = SplitMix64(seed: 0x7A9E)
        let pieces = [#"{"a":"#, #""b""#, "1", "-2.5e3", "true", "null", "[", "]", "{", "}", ",", ":", #""k""#, " ", #"\"#, "é", "0", "01"]
        var agreed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            guard let tape = Self.tape(text) else { continue }
            #expect(tape.root.value == (try? JSONReader.parse(text)), "\(text)")
            agreed += 1
        }
        #expect(agreed > 100)
    }
}

/// ``JSONObject``'s keys compare by UTF-8 length, then as strings.
@Suite struct JSONKeyTests {
    @Test func theKelvinSignIsNotK() throws {
        let object: JSONObject = ["K": .number(JSONNumber(1))]
        #expect(object["\u{212A}"] == nil)
        #expect(object["K"] == .number(JSONNumber(1)))
        // Two members the reader keeps apart, so no repeated key.
        let (value, duplicates) = try JSONReader.parseReportingDuplicateKeys(#"{"K":1,"\#u{212A}":2}"#)
        #expect(duplicates == nil)
        #expect(value.jsonText == #"{"K":1,"\#u{212A}":2}"#)
    }
}
