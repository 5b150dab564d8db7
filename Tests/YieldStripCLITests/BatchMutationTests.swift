import Foundation
import Testing
import YieldStrip
import _TestSupport

@testable import YieldStripCLI

/// Bad input never traps the batch door: thousands of requests mutated from the reference vectors and from
/// one request of every other op (bytes flipped, lines cut short, values swapped between fields, huge numbers,
/// deep nesting, wrong types, fields dropped or repeated, another op's name), seeded, so every run sends the
/// same lines. One stream carries them all: it must get one answer per line, each an object the JSON reader
/// accepts, echoing the request's id when the request had one, and either a result or a named error (never
/// `InternalError`, which is a bug).
@Suite struct BatchMutationTests {
    /// The lines each run sends.
    static let mutationCount = 4_000

    /// Requests that succeed or fail for a reason of their own: a sample of every reference-vector file, and
    /// one request of each op the vectors do not exercise.
    static func baseRequests() throws -> [JSONObject] {
        var requests: [JSONObject] = []
        let files: [(String, String?)] = [
            ("pmath", nil), ("logexp", nil), ("market_precompute", nil), ("market_trade", "executeTradeCore"),
            ("liquidity", nil), ("exact_in", nil), ("interest", "ytInterest")
        ]
        for (file, defaultOp) in files {
            for (i, c) in try MarketBatchVectorTests.cases(file, defaultOp: defaultOp).enumerated() where i % 25 == 0 {
                var request: JSONObject = ["op": .string(c.op), "id": .number(JSONNumber(i))]
                request.append(contentsOf: c.input)
                requests.append(request)
            }
        }
        for (i, c) in try YieldSpaceBatchVectorTests.load().enumerated() where i % 150 == 0 {
            var request: JSONObject = ["op": .string(c.function), "id": .string("ys-\(i)")]
            request.append(contentsOf: c.fields)
            requests.append(request)
        }
        let market = try String(
            contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("examples/markets/aapl-like.json"),
            encoding: .utf8)
        guard case .object(let file) = try JSONReader.parse(market), let state = file["market"] else {
            throw ReferenceVectors.VectorFileError(reason: "aapl-like.json has no market")
        }
        let context = #""market":\#(state.jsonText),"pyIndex":"1003214142718150519","blockTime":1772461800,"stockPrice":230"#
        let lines = [
            #"{"op":"rate","id":1,"apy":0.05,"expiry":"2026-12-31","now":"2026-03-01"}"#,
            #"{"op":"rate","id":2,"lnRate":"0.05","secondsToExpiry":31536000}"#,
            #"{"op":"marketNew","id":"n","apy":"0.3%","expiry":"2027-03-04","blockTime":"2026-03-02T14:30:00Z","liquidityUsd":20000000,"stockPrice":230,"apyBand":"0.1%..1%"}"#,
            #"{"op":"marketSnapshot","id":3,\#(context)}"#,
            #"{"op":"quote","id":"q","swap":"swapExactSyForPt","exactSyIn":"1000000000000000000000",\#(context)}"#,
            #"{"op":"quote","id":"q2","swap":"swapExactYtForSy","usd":5000,\#(context)}"#,
            #"{"op":"depth","id":4,\#(context)}"#,
            #"{"op":"swapExactPtForYt","id":5,"exactPtIn":"1000000000000000000",\#(context)}"#,
            #"{"op":"lockin","id":6,"usd":10000,"priceRange":[200,230,260],\#(context)}"#,
            #"{"op":"shortYt","id":7,"shares":"1000000000000000000000","fraction":"50%","realizedApys":"0..0.4%:0.2%",\#(context)}"#,
            #"{"op":"hedgeIncome","id":8,"shares":"1000000000000000000000","heldAs":"stock","holderWithholding":"15%"}"#,
            #"{"op":"hedgeDv01","id":9,"position":"pt:1000,yt:-500,lp:10,sy:250","hedgeToken":"yt",\#(context)}"#,
            #"{"op":"hedgeDelta","id":10,"position":[{"token":"pt","amount":"1000000000000000000000"}],\#(context)}"#,
            #"{"op":"scenario","id":11,"position":"pt:1000,yt:-500","apyShift":["-50bp",0,"50bp"],"priceShift":"-10%,0,10%","days":30,\#(context)}"#,
            #"{"op":"hedgeMinvar","id":12,"spot":"date,close\n2024-01-01,100\n2024-01-02,101\n2024-01-03,101\n2024-01-04,103\n","hedge":"date,close\n2024-01-01,50\n2024-01-02,52\n2024-01-03,51\n2024-01-04,54\n"}"#,
            #"{"op":"mintPy","id":13,"amountSy":"100000000000000000000","pyIndex":"1003214142718150519"}"#,
            #"{"op":"redeemPy","id":14,"amountPy":"100000000000000000000","pyIndex":"1250000000000000000","firstPYIndex":"1200000000000000000","expired":true}"#,
            #"{"op":"split","id":15,"tokens":"100000000000000000000","exchangeRate":"1003214142718150519","expiry":"2026-03-01","valuationTime":"2025-09-01","ptImpliedApy":0.0035,"stockPrice":230}"#,
            #"{"op":"ytInterestReport","id":16,"balance":"1000000000000000000","indexFrom":"1000000000000000000","indexTo":"1003214142718150519"}"#,
            #"{"op":"dividends","id":17,"schedule":[{"exDate":"2024-11-08","amount":"0.25","reinvestPrice":"227"},{"exDate":"2025-02-10","amount":"0.25"}],"from":"2024-09-01","to":"2025-03-01"}"#,
            #"{"op":"dividends","id":18,"schedule":"ex_date,amount,reinvest_price,split_ratio\n2024-01-01,0.25,200,\n2024-02-01,,,4\n","withholding":"30%"}"#
        ]
        for line in lines {
            guard case .object(let request) = try JSONReader.parse(line) else { throw ReferenceVectors.VectorFileError(reason: line) }
            requests.append(request)
        }
        return requests
    }

    /// Values that are wrong in type or size for almost any field.
    static let oddValues: [JSONValue] = [
        .null, .bool(true), .bool(false), .array([]), .object(JSONObject()), .string(""), .string("x"), .string("-"),
        .string("115792089237316195423570985008687907853269984665640564039457584007913129639936"),
        .string("-57896044618658097711785492504343953926634992332820282019728792003956564819969"),
        .string(String(repeating: "9", count: 200)), .string("1e400"), .string("-0"), .string("0.0000000000000000001"),
        .string("9999-12-31T23:59:60Z"), .string("-9223372036854775808"), .string("NaN"), .string("inf"), .string("1%%"),
        .number(JSONNumber(text: "1e308")!), .number(JSONNumber(text: "-1e308")!), .number(JSONNumber(text: "1e-400")!),
        .number(JSONNumber(text: "9223372036854775808")!), .number(JSONNumber(text: "-9223372036854775809")!),
        .number(JSONNumber(text: String(repeating: "9", count: 90))!), .number(JSONNumber(text: "0.5")!), .number(JSONNumber(0)),
        .number(JSONNumber(-1)), .number(JSONNumber(Int.max)), .number(JSONNumber(Int.min))
    ]

    struct Mutator {
        var random: SplitMix64
        let ops: [String]

        mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

        /// One mutated line built from `request`: one to three mutations of its value, then sometimes its text.
        mutating func line(from request: JSONObject) -> String {
            var value = JSONValue.object(request)
            for _ in 0..<(below(4) == 0 ? 2 : 1) { value = mutate(value, depth: 0) }
            var bytes = Array(value.jsonText.utf8)
            switch below(12) {
            case 0:  // flip bytes
                for _ in 0...below(4) where !bytes.isEmpty { bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            case 1:  // cut short
                bytes = Array(bytes.prefix(below(bytes.count + 1)))
            case 2:  // insert a byte that JSON text rarely holds
                bytes.insert(pick([0x00, 0x09, 0x0D, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xEF, 0xFF]), at: below(bytes.count + 1))
            case 3:  // duplicate a slice
                let start = below(bytes.count)
                let end = min(bytes.count, start + below(40))
                bytes.insert(contentsOf: bytes[start..<end], at: below(bytes.count + 1))
            default: break
            }
            // One request per line: a newline inside would start another.
            return String(decoding: bytes.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        }

        mutating func mutate(_ value: JSONValue, depth: Int) -> JSONValue {
            guard case .object(var object) = value, !object.isEmpty else { return below(2) == 0 ? pick(BatchMutationTests.oddValues) : value }
            let index = below(object.count)
            let member = object.members[index]
            switch below(14) {
            case 0:  // a wrong type or an extreme value
                object[member.key] = pick(BatchMutationTests.oddValues)
            case 1:  // swap two fields' values
                let other = object.members[below(object.count)]
                object[member.key] = other.value
                object[other.key] = member.value
            case 2:  // drop a field
                object[member.key] = nil
            case 3:  // repeat a field
                object.append(member.key, pick(BatchMutationTests.oddValues))
            case 4:  // nest it (past the reader's depth limit one time in four)
                var nested = member.value
                for _ in 0..<(below(4) == 0 ? JSONReader.maximumDepth + 1 : 1 + below(20)) { nested = .array([nested]) }
                object[member.key] = nested
            case 5:  // another op's name
                object["op"] = .string(pick(ops))
            case 6, 7:  // recurse into an object member (a market, a position leg)
                object[member.key] = mutate(member.value, depth: depth + 1)
            case 8:  // an id of any shape
                object["id"] = pick([
                    .array([.number(JSONNumber(1)), .object(["a": .null])]), .string("\u{0}\u{7F}é😀"),
                    .number(JSONNumber(text: "1.50")!), member.value
                ])
            default:  // a number made huge, tiny, negative, off by one or fractional, in its own type
                object[member.key] = numeric(member.value)
            }
            return .object(object)
        }

        /// `value` changed as a number: the same form (a string of digits or a JSON number), another size.
        mutating func numeric(_ value: JSONValue) -> JSONValue {
            let text: String
            switch value {
            case .string(let string): text = string
            case .number(let number): text = number.text
            default: return .string(pick(["0", "1", "-1", "100000000000000000000000000000000000000000"]))
            }
            var candidates = [
                text + text, "-" + text, text + ".5", "1" + text + "000000000000", "0", "1", "2", "999999999999999999",
                "1000000000000000001", String(text.dropLast(max(1, text.count / 2)))
            ]
            if let integer = Int256(text) {
                candidates += [(integer &+ .one).description, (integer &- .one).description, (integer &* Int256(7)).description]
            } else if let double = Double(text) {
                candidates += [String(double * 1e6), String(-double), String(double / 3), "1e300"]
            }
            let chosen = pick(candidates)
            if case .number = value, let number = JSONNumber(text: chosen) { return .number(number) }
            return .string(chosen)
        }
    }

    @Test func mutatedRequestsGetOneNamedAnswerEach() throws {
        let bases = try Self.baseRequests()
        #expect(bases.count > 80)
        var mutator = Mutator(random: SplitMix64(seed: 0x5EED_0F_BA7C4), ops: BatchOpRegistry.standard.ops.map(\.name))
        var lines: [String] = []
        for i in 0..<Self.mutationCount { lines.append(mutator.line(from: bases[i % bases.count])) }
        // The unmutated requests too: the door answers them with results.
        lines += bases.map(\.jsonText)

        let output = MemorySink()
        BatchRunner().run(input: MemorySource(lines.joined(separator: "\n") + "\n", chunkSize: 4093), output: output)
        let answers = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(answers.count == lines.count)

        var problems: [String] = []
        var names: [String: Int] = [:]
        var results = 0
        for (line, answerText) in zip(lines, answers) {
            func problem(_ what: String) { problems.append("\(what)\n  request: \(line.prefix(300))\n  answer:  \(answerText.prefix(300))") }
            guard case .object(let answer)? = try? JSONReader.parse(String(answerText)) else {
                problem("not a JSON object")
                continue
            }
            // The id echoed as given, when the request was an object with one id and no key repeated.
            if case .some((.object(let request), nil)) = try? JSONReader.parseReportingDuplicateKeys(line), let id = request["id"] {
                if answer.members.first?.key != "id" || answer["id"] != id { problem("the id is not echoed first") }
            }
            guard let error = answer["error"] else {
                results += 1
                if answer.members.allSatisfy({ $0.key == "id" }) { problem("a result without fields") }
                continue
            }
            guard case .string(let name) = error, !name.isEmpty, name != "InternalError" else {
                problem("an error without a name")
                continue
            }
            names[name, default: 0] += 1
            guard case .array(let arguments)? = answer["errorArgs"], arguments.allSatisfy({ if case .string = $0 { true } else { false } }),
                case .string(let message)? = answer["message"], !message.isEmpty
            else {
                problem("an error without errorArgs (strings) and a message")
                continue
            }
            if answer.keys.filter({ $0 != "id" }) != ["error", "errorArgs", "message"] { problem("an error with other members") }
        }
        #expect(problems.isEmpty, "\(problems.count) bad answers:\n\(problems.prefix(5).joined(separator: "\n"))")
        // The mutations reach the ops' own checks, not only the reader: results and many kinds of errors.
        #expect(results > bases.count)
        #expect(names.count > 15, "error names seen: \(names.sorted { $0.key < $1.key })")
        #expect((names["BadRequest"] ?? 0) < lines.count * 3 / 4, "error names seen: \(names.sorted { $0.key < $1.key }), results: \(results)")
    }
}
