import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip lockin` and `yieldstrip short-yt`: the same answer through the command, its `--json` and its
/// batch op; the library's numbers; sizing in every unit; the input grammar; bad input.
@Suite struct StrategyCommandTests {
    static let market = MarketExamples.aapl

    static func file() throws -> MarketFile { try MarketExamples.load(market) }

    /// The command's `--json` at `--at` is the batch op's answer to the same fields (block time given in both).
    @Test func lockinJSONIsTheBatchAnswer() throws {
        let file = try Self.file()
        let at = try #require(file.blockTime)
        let command = try JSONOutput.object(
            yieldstrip(
                "lockin", "--market", Self.market, "--at", String(at), "--usd", "25000",
                "--hedge", "perp", "--funding", "5%", "--hold-apy", "0.25%",
                "--price-range", "-20%..20%:10%", "--json"))
        let batch = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "lockin", blockTime: at,
                extra: ["usd": 25000, "hedge": "perp", "funding": "5%", "holdApy": "25bp", "priceRange": "-20%..20%:10%"]))
        #expect(batch.keys == ["id"] + command.keys || batch.keys == command.keys)
        for key in command.keys { #expect(batch[key] == command[key], "\(key)") }
        // The exact purchase is the library's, and the router swap's own batch op's.
        let result = try LockIn.compute(LockInRequest(size: .usd(Wad(units: 25_000)), stockPrice: file.stockPrice), curve: file.curve, at: at)
        #expect(command["ptOut"] == .wei(result.ptOut.raw) && command["syIn"] == .wei(result.size.sy.raw))
        #expect(command["fixedApy"] == JSONOutput.text(result.fixedApy))
        let swap = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "swapExactSyForPt", blockTime: at,
                extra: ["exactSyIn": .wei(result.size.sy.raw)]))
        #expect(swap["netPtOut"] == command["ptOut"])
        #expect(JSONOutput.member(command, "dollarHedge.instrument") == "perp")
        #expect(JSONOutput.member(command, "hold.basis") == "tokenApy")
        guard case .array(let rows)? = command["priceScenarios"] else {
            Issue.record("no priceScenarios")
            return
        }
        #expect(rows.count == 5)
    }

    @Test func shortYtJSONIsTheBatchAnswer() throws {
        let file = try Self.file()
        let at = try #require(file.blockTime)
        for (flags, fields) in [
            (["--shares", "500", "--fraction", "50%"], ["shares": JSONValue.string("500000000000000000000"), "fraction": "0.5"]),
            (
                ["--shares", "500", "--held-as", "stock", "--holder-withholding", "treaty", "--borrow-fee", "25bp"],
                ["shares": "500000000000000000000", "heldAs": "stock", "holderWithholding": "treaty", "borrowFee": "0.0025"]
            ),
            (["--yt", "12.5", "--realized-apys", "0,0.1%,0.2%"], ["yt": "12500000000000000000", "realizedApys": ["0", "0.1%", "0.2%"]])
        ] as [([String], JSONObject)] {
            let command = try JSONOutput.object(CLI.run(arguments: ["short-yt", "--market", Self.market, "--at", String(at), "--json"] + flags))
            for op in ["shortYt", "short-yt"] {
                let batch = try JSONOutput.batchAnswer(try MarketExamples.batchLine(Self.market, op: op, blockTime: at, extra: fields))
                for key in command.keys { #expect(batch[key] == command[key], "\(flags) \(key)") }
            }
        }
        // The sale is the router's swapExactYtForSy of ytSold.
        let object = try JSONOutput.object(yieldstrip("short-yt", "--market", Self.market, "--at", String(at), "--shares", "500", "--json"))
        let ytSold = try #require(object.wad("ytSold"))
        #expect(ytSold == Wad(units: 500))
        let swap = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "swapExactYtForSy", blockTime: at,
                extra: ["exactYtIn": .wei(ytSold.raw)]))
        #expect(swap["netSyOut"] == object["syReceived"])
        #expect(object["breakEvenApy"] == object["effectiveShortApy"])
    }

    /// The four size units give the same SY when they describe the same position.
    @Test func sizingUnitsAgree() throws {
        let file = try Self.file()
        let price = try #require(file.stockPrice)
        let shares = Wad(units: 200)
        let sy = try shares.assetToSy(index: file.pyIndex)
        let usd = try #require(Wad.shortestDecimal(price * 200))
        var answers: [JSONObject] = []
        for (flag, value) in [("--shares", "200"), ("--usd", usd.description), ("--sy", sy.description), ("--tokens", sy.description)] {
            answers.append(try JSONOutput.object(yieldstrip("lockin", "--market", Self.market, flag, value, "--json")))
        }
        for answer in answers {
            #expect(answer["syIn"] == .wei(sy.raw) && answer["ptOut"] == answers[0]["ptOut"])
            let sharesIn = try #require(answer.number("sharesIn"))
            let usdIn = try #require(answer.number("usdIn"))
            #expect(abs(sharesIn - sy.doubleValue * file.pyIndex.doubleValue) < 1e-12 && abs(usdIn - sharesIn * price) < 1e-9)
        }
        #expect(answers.map { $0["sizeUnit"] } == ["shares", "usd", "sy", "tokens"])
    }

    /// `quote` sizes an SY amount in any unit, echoes the conversion, and quotes exactly that SY.
    @Test func quoteTakesSizes() throws {
        let file = try Self.file()
        let at = try #require(file.blockTime)
        let sy = try Wad(units: 100).assetToSy(index: file.pyIndex)
        let sized = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--buy-pt", "--shares", "100", "--json"))
        let plain = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", sy.description, "--json"))
        for key in plain.keys where key != "size" { #expect(sized[key] == plain[key], "\(key)") }
        #expect(plain["size"] == .null && JSONOutput.member(sized, "size.sy") == .wei(sy.raw))
        #expect(JSONOutput.member(sized, "size.unit") == "shares")
        let batch = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "quote", blockTime: at,
                extra: ["swap": "swapExactSyForPt", "shares": "100000000000000000000"]))
        for key in sized.keys where key != "blockTimeSource" { #expect(batch[key] == sized[key], "\(key)") }
        let refused = yieldstrip("quote", "--market", Self.market, "--sell-pt", "--usd", "100")
        #expect(refused.exitCode == 2 && refused.stdout.isEmpty && refused.stderr.contains("sizes an SY amount"))
    }

    /// Rates read 5 %, 50 bp or 0.05 alike; lists and ranges read as documented.
    @Test func rateAndRangeGrammar() throws {
        for text in ["5%", "500bp", "0.05", "500 bps"] {
            guard case .value(let rate) = RateText.double(text) else {
                Issue.record("\(text)")
                continue
            }
            #expect(rate == 0.05, "\(text)")
        }
        guard case .value(let exact) = RateText.exact("0.35%") else {
            Issue.record("0.35%")
            return
        }
        #expect(exact == Wad(decimal: "0.0035"))
        let cases: [(String, [Double])] = [
            ("-30%..30%:10%", [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]), ("-200..200:100bp", [-0.02, -0.01, 0, 0.01, 0.02]),
            ("-50bp,0,50bp", [-0.005, 0, 0.005]), ("200,230.5", [200, 230.5]), ("1..0:0.5", [1, 0.5, 0])
        ]
        for (text, values) in cases {
            guard case .value(let range) = ValueRange.parse(text) else {
                Issue.record("\(text)")
                continue
            }
            #expect(range.values.count == values.count && zip(range.values, values).allSatisfy { abs($0 - $1) < 1e-15 }, "\(text): \(range.values)")
        }
        for bad in ["0..1%:0", "1%..2bp:1%", "a..b:c", "", "0..1", "0..1000000:0.5"] {
            if case .value = ValueRange.parse(bad) { Issue.record("accepted \(bad)") }
        }
        // `rate --apy 5%` is the same rate as 0.05; an APY above 100 % without a unit warns.
        let percent = yieldstrip("rate", "--apy", "5%", "--seconds-to-expiry", "31536000", "--json")
        #expect(percent.stdout == yieldstrip("rate", "--apy", "0.05", "--seconds-to-expiry", "31536000", "--json").stdout)
        let unitless = yieldstrip("rate", "--apy", "5", "--seconds-to-expiry", "31536000", "--json")
        #expect(unitless.exitCode == 0 && unitless.stderr.hasPrefix("warning: --apy 5 is read as a fraction: 500.00%"))
        // The same on the jobs' APY options; stdout stays the JSON answer.
        let hold = yieldstrip("lockin", "--market", Self.market, "--sy", "10", "--hold-apy", "2", "--json")
        #expect(hold.exitCode == 0 && hold.stderr.hasPrefix("warning: --hold-apy 2 is read as a fraction: 200.00%"))
        #expect((try? JSONReader.parse(hold.stdout)) != nil)
        let realized = yieldstrip("short-yt", "--market", Self.market, "--shares", "1", "--realized-apys", "0,1.5", "--json")
        #expect(realized.exitCode == 0 && realized.stderr.hasPrefix("warning: --realized-apys reads plain numbers as fractions"))
        #expect(yieldstrip("short-yt", "--market", Self.market, "--shares", "1", "--realized-apys", "0,1.5%").stderr.isEmpty)
    }

    /// Bad input: a clear error, the right exit status, nothing on stdout.
    @Test func badInput() throws {
        let m = Self.market
        let cases: [([String], Int32, String)] = [
            (["lockin", "--market", m, "--usd", "-5"], 1, "NonPositiveSize"),
            (["lockin", "--market", m, "--shares", "0"], 1, "NonPositiveSize"),
            (["lockin", "--market", m], 2, "Give the size"),
            (["lockin", "--market", m, "--sy", "1", "--usd", "5"], 2, "Give the size once"),
            (["lockin", "--market", m, "--sy", "1", "--at", "2030-01-01"], 1, "MarketExpired"),
            (["lockin", "--market", m, "--sy", "100000000"], 1, "ExceedsMarketLimit"),
            (["lockin", "--market", m, "--sy", "10", "--price-range", "1..2:0"], 2, "the step must be positive"),
            (["lockin", "--market", m, "--sy", "10", "--hedge", "short"], 2, "--dividend-yield"),
            (["lockin", "--market", m, "--sy", "10", "--funding", "5%"], 2, "'--funding' applies to the perp hedge only ('--hedge' perp)"),
            (["lockin", "--market", m, "--sy", "10", "--initial-margin", "30%"], 2, "'--initial-margin' applies to a hedge"),
            (
                ["lockin", "--market", m, "--sy", "10", "--hedge", "short", "--dividend-yield", "1%", "--schedule", "x.csv"], 2,
                "give the dividends owed once"
            ),
            (["lockin", "--market", m, "--sy", "10", "--hedge", "swap"], 2, "expected none, perp or short"),
            (["lockin", "--market", m, "--sy", "10", "--hold-apy", "lots"], 2, "expected a rate"),
            (["short-yt", "--market", m, "--shares", "10", "--yt", "5"], 2, "Give the size once"),
            (["short-yt", "--market", m, "--shares", "10", "--fraction", "1.5"], 1, "fraction is 1.5"),
            (["short-yt", "--market", m, "--shares", "10", "--fraction", "0"], 1, "fraction is 0"),
            (["short-yt", "--market", m, "--shares", "10", "--realized-apys", "0..1%:0"], 2, "the step must be positive"),
            (["short-yt", "--market", m, "--yt", "5", "--held-as", "stock"], 2, "'--yt' sells YT already held"),
            (["short-yt", "--market", m, "--shares", "5", "--borrow-fee", "1%"], 2, "'--borrow-fee' applies to '--held-as stock'"),
            (["short-yt", "--market", m, "--shares", "5", "--at", "2030-01-01"], 1, "MarketExpired"),
            (["short-yt", "--market", m, "--yt", "100000000"], 1, "MarketInsufficientPtForTrade")
        ]
        for (arguments, status, message) in cases {
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == status && run.stdout.isEmpty && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        // The same through batch: an error answer naming the problem.
        let at = try #require(try Self.file().blockTime)
        for (extra, error) in [
            (["usd": -5] as JSONObject, "NonPositiveSize"), (["fraction": 2, "shares": "1"], "InvalidInput"),
            (["sy": "1", "usd": 5], "BadRequest"), (["sy": "1", "funding": "5%"], "BadRequest"),
            (["sy": "1", "hedge": "short"], "BadRequest"), (["sy": "1", "initialMargin": "0.3"], "BadRequest")
        ] {
            let answer = try JSONOutput.batchAnswer(
                try MarketExamples.batchLine(
                    Self.market, op: extra["fraction"] == nil ? "lockin" : "shortYt",
                    blockTime: at, extra: extra))
            #expect(answer["error"] == .string(error), "\(extra): \(answer)")
        }
    }

    /// The tables say in words what was locked and what the dollar result still risks.
    @Test func tablesSayWhatTheyMean() {
        let lockin = yieldstrip("lockin", "--market", Self.market, "--usd", "10000")
        #expect(lockin.exitCode == 0)
        #expect(
            lockin.stdout.contains("fixed in shares") && lockin.stdout.contains("the fee takes")
                && lockin.stdout.contains("still carries the stock's price risk"))
        let short = yieldstrip("short-yt", "--market", Self.market, "--shares", "100", "--held-as", "stock")
        #expect(short.exitCode == 0 && short.stdout.contains("the position owes the token's yield"))
    }
}
