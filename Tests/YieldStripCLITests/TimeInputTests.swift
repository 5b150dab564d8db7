import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Every time the CLI and batch read lies in `UnixTime.supportedRange` (years 0000–9999): outside it, a
/// command-line option is a usage error (exit 2) and a batch or market-file field an `Overflow` naming
/// the field; a text that is not a time is a `BadRequest` naming the field, with the reason.
@Suite struct TimeInputTests {
    static let lowest = UnixTime.supportedRange.lowerBound
    static let highest = UnixTime.supportedRange.upperBound
    /// Int64's extremes, one second beyond each end of the range, and a 20-digit number.
    static let outside: [(text: String, problem: String)] = [
        (String(Int64.min), "too small"), (String(Int64.max), "too large"),
        (String(lowest - 1), "too small"), (String(highest + 1), "too large"),
        ("99999999999999999999", "too large"), ("-99999999999999999999", "too small")
    ]
    /// ISO times whose offset carries them outside the range: the time parser itself refuses them.
    static let outsideAfterOffset = ["9999-12-31T23:59:59-01:00", "0000-01-01T00:00:00+00:01"]

    static let market = MarketExamples.aapl
    static let schedule = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/data/aapl.csv").path

    /// Each time option, on a command line that is otherwise valid: the option's name and the arguments
    /// with `TIME` in the option's place.
    static let options: [(option: String, arguments: [String])] = [
        ("--at", ["market", "show", "--market", market, "--at", "TIME"]),
        ("--at", ["quote", "--market", market, "--buy-pt", "--amount", "1", "--at", "TIME"]),
        ("--at", ["depth", "--market", market, "--at", "TIME"]),
        ("--expiry", ["rate", "--apy", "0.05", "--now", "2026-01-01", "--expiry", "TIME"]),
        ("--now", ["rate", "--apy", "0.05", "--expiry", "2026-12-31", "--now", "TIME"]),
        ("--expiry", ["split", "--tokens", "1", "--exchange-rate", "1", "--at", "2025-01-01", "--expiry", "TIME"]),
        ("--at", ["split", "--tokens", "1", "--exchange-rate", "1", "--expiry", "2026-01-01", "--at", "TIME"]),
        ("--from", ["dividends", "--schedule", schedule, "--from", "TIME"]),
        ("--to", ["dividends", "--schedule", schedule, "--to", "TIME"]),
        ("--maturity", ["dividends", "--schedule", schedule, "--maturity", "TIME"])
    ]

    @Test func optionsOutsideTheRangeAreUsageErrors() {
        for (option, arguments) in Self.options {
            for (text, problem) in Self.outside {
                let run = CLI.run(arguments: arguments.map { $0 == "TIME" ? "\(option)=\(text)" : $0 }.filter { $0 != option })
                expectFailure(
                    run, exitCode: 2,
                    containing: "The value '\(text)' is invalid for '\(option) <time>': \(problem): a time must lie in years 0000–9999")
            }
            for text in Self.outsideAfterOffset {
                let run = CLI.run(arguments: arguments.map { $0 == "TIME" ? "\(option)=\(text)" : $0 }.filter { $0 != option })
                expectFailure(
                    run, exitCode: 2,
                    containing: "The value '\(text)' is invalid for '\(option) <time>': the time in UTC falls outside years 0000–9999")
            }
        }
    }

    /// The ends of the range are times: whatever the command then says, it is not a usage error.
    @Test func theEndsOfTheRangeAreTimes() {
        for (option, arguments) in Self.options {
            // A market's block time starts at 1970 (as batch's blockTime).
            let earliest = ["market", "quote", "depth"].contains(arguments[0]) ? ["0", "1970-01-01"] : [String(Self.lowest), "0000-01-01"]
            for text in earliest + [String(Self.highest), "9999-12-31T23:59:59Z"] {
                let run = CLI.run(arguments: arguments.map { $0 == "TIME" ? "\(option)=\(text)" : $0 }.filter { $0 != option })
                #expect(run.exitCode != 2, "\(arguments) \(text): \(run.stderr)")
            }
        }
        #expect(yieldstrip("rate", "--apy", "0.0001", "--now", String(Self.lowest), "--expiry", String(Self.highest)).exitCode == 0)
    }

    @Test func marketBlockTimeIsNotNegative() {
        expectFailure(
            yieldstrip("market", "show", "--market", Self.market, "--at", "-1"), exitCode: 2,
            containing: "The value '-1' is invalid for '--at <time>': a block time must be ≥ 0")
    }

    // MARK: Batch

    /// Each time field of the batch ops, in a request that is otherwise valid.
    static func requests(_ time: JSONValue) throws -> [(field: String, line: String)] {
        func market(_ op: String, _ extra: JSONObject = [:]) throws -> String {
            try MarketExamples.batchLine(Self.market, op: op, blockTime: 1_772_461_800, extra: extra)
        }
        /// `object` with the member at `keys` (a path into nested objects) set to `time`.
        func setting(_ object: JSONObject, _ keys: ArraySlice<String>) -> JSONObject {
            JSONObject(
                object.members.map { member in
                    guard member.key == keys.first else { return member }
                    if keys.count == 1 { return JSONObject.Member(key: member.key, value: time) }
                    guard case .object(let nested) = member.value else { return member }
                    return JSONObject.Member(key: member.key, value: .object(setting(nested, keys.dropFirst())))
                })
        }
        func replacing(_ line: String, _ path: String) throws -> String {
            guard case .object(let object) = try JSONReader.parse(line) else { return line }
            return setting(object, ArraySlice(path.split(separator: ".").map(String.init))).jsonText
        }
        let rate = #"{"op":"rate","apy":0.05,"expiry":"2026-12-31","now":"2026-03-01"}"#
        let split = #"{"op":"split","tokens":"1","exchangeRate":"1000000000000000000","expiry":"2026-03-01","valuationTime":"2025-09-01"}"#
        let dividends =
            #"{"op":"dividends","schedule":"ex_date,amount,reinvest_price\n2024-11-08,0.25,227\n","from":"2024-09-01","to":"2025-01-01","maturity":"2026-01-01"}"#
        return [
            ("blockTime", try replacing(try market("marketSnapshot"), "blockTime")),
            ("market.expiry", try replacing(try market("marketSnapshot"), "market.expiry")),
            ("blockTime", try replacing(try market("quote", ["swap": "swapExactSyForPt", "exactSyIn": "1000000000000000000"]), "blockTime")),
            ("blockTime", try replacing(try market("depth"), "blockTime")),
            ("blockTime", try replacing(try market("executeTradeCore", ["netPtToAccount": "1000000000000000000"]), "blockTime")),
            ("market.expiry", try replacing(try market("swapExactSyForPt", ["exactSyIn": "1000000000000000000"]), "market.expiry")),
            ("blockTime", try replacing(try market("addLiquidityCore", ["syDesired": "1", "ptDesired": "1"]), "blockTime")),
            ("expiry", try replacing(rate, "expiry")),
            ("now", try replacing(rate, "now")),
            ("expiry", try replacing(split, "expiry")),
            ("valuationTime", try replacing(split, "valuationTime")),
            ("from", try replacing(dividends, "from")),
            ("to", try replacing(dividends, "to")),
            ("maturity", try replacing(dividends, "maturity"))
        ]
    }

    @Test func batchFieldsOutsideTheRangeOverflow() throws {
        for (text, problem) in Self.outside {
            let values: [JSONValue] =
                Int64(text) != nil || text.hasSuffix("9999999999")
                ? [.string(text), .number(JSONNumber(text: text)!)] : [.string(text)]
            for value in values {
                for (field, line) in try Self.requests(value) {
                    let answer = try JSONOutput.batchAnswer(line)
                    #expect(answer["error"] == "Overflow" && answer["errorArgs"] == .array([.string(field)]), "\(line): \(answer)")
                    guard case .string(let message)? = answer["message"] else {
                        Issue.record("no message")
                        continue
                    }
                    #expect(message.hasPrefix("field '\(field)' is \(problem): a time must lie in years 0000–9999"), "\(message)")
                }
            }
        }
    }

    @Test func batchFieldsAtTheEndsOfTheRangeAreTimes() throws {
        for value: JSONValue in [.number(JSONNumber(Self.highest)), .string("9999-12-31T23:59:59Z")] {
            for (field, line) in try Self.requests(value) {
                let answer = try JSONOutput.batchAnswer(line)
                #expect(answer["error"] != "Overflow" && answer["error"] != "BadRequest", "\(field): \(answer)")
            }
        }
    }

    /// A text that is not a time answers `BadRequest` naming the field, with the reason.
    @Test func malformedTimesNameTheField() throws {
        for (field, line) in try Self.requests(.string("2026-13-01")) {
            let answer = try JSONOutput.batchAnswer(line)
            #expect(answer["error"] == "BadRequest" && answer["errorArgs"] == .array([.string(field)]), "\(answer)")
            #expect(
                answer["message"]
                    == .string(#"field '\#(field)' is not a time: month 13 is not 01–12 ("2026-13-01"); expected \#(UnixTime.acceptedFormats)"#))
        }
        for (field, line) in try Self.requests(.bool(true)) {
            let answer = try JSONOutput.batchAnswer(line)
            #expect(answer["error"] == "BadRequest" && answer["errorArgs"] == .array([.string(field)]), "\(answer)")
        }
    }

    @Test func blockTimesAreNotNegative() throws {
        for (field, line) in try Self.requests(.number(JSONNumber(-1))) where field == "blockTime" || field == "market.expiry" {
            let answer = try JSONOutput.batchAnswer(line)
            #expect(answer["error"] == "BadRequest" && answer["errorArgs"] == .array([.string(field)]), "\(answer)")
            #expect(answer["message"] == .string("field '\(field)' must be ≥ 0 (Unix seconds from 1970); got -1"))
        }
    }

    // MARK: Market files

    @Test func marketFileTimesOutsideTheRange() throws {
        let files = try TemporaryMarketFiles()
        let file = try String(contentsOfFile: Self.market, encoding: .utf8)
        for (text, problem) in Self.outside where Int64(text) != nil {
            let late = try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800", with: "\"blockTime\": \(text)"))
            expectFailure(
                yieldstrip("market", "show", "--market", late), exitCode: 1,
                containing: "market file '\(late)': field 'blockTime' is \(problem)")
            let expiry = try files.write(file.replacingOccurrences(of: "\"expiry\": 1804118400", with: "\"expiry\": \"\(text)\""))
            expectFailure(
                yieldstrip("market", "show", "--market", expiry, "--at", "2026-03-02"), exitCode: 1,
                containing: "market file '\(expiry)': field 'market.expiry' is \(problem)")
        }
        let negative = try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800", with: "\"blockTime\": -1"))
        expectFailure(
            yieldstrip("market", "show", "--market", negative), exitCode: 1,
            containing: "market file '\(negative)': field 'blockTime' must be ≥ 0")
        let iso = try files.write(file.replacingOccurrences(of: "\"blockTime\": 1772461800", with: "\"blockTime\": \"2026-03-02T14:30:00Z\""))
        #expect(yieldstrip("market", "show", "--market", iso, "--json") == yieldstrip("market", "show", "--market", Self.market, "--json"))
    }
}
