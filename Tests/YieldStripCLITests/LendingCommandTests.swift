import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip rates`, `borrow`, `loop` and `mnav`: each command's `--json` is its batch op's answer to the same
/// fields; the library's numbers; bad input (a clear error, the exit status, nothing on stdout).
@Suite struct LendingCommandTests {
    static let market = MarketExamples.aapl

    /// The command's `--json` and the batch op's answer, member by member.
    static func expectSame(
        _ arguments: [String], op: String, fields: JSONObject, marketFile: String? = nil, blockTime: Int64? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONObject {
        let command = try JSONOutput.object(CLI.run(arguments: arguments + ["--json"]))
        let line: String
        if let marketFile, let blockTime {
            line = try MarketExamples.batchLine(marketFile, op: op, blockTime: blockTime, extra: fields)
        } else {
            var request: JSONObject = ["op": .string(op)]
            request.append(contentsOf: fields)
            line = request.jsonText
        }
        let batch = try JSONOutput.batchAnswer(line)
        #expect(batch["error"] == nil, "\(batch)", sourceLocation: sourceLocation)
        #expect(batch.keys == command.keys, sourceLocation: sourceLocation)
        for key in command.keys { #expect(batch[key] == command[key], "\(op) \(key)", sourceLocation: sourceLocation) }
        return command
    }

    // MARK: rates

    /// The issue's numbers through the command: Aave USDC and Morpho at 4 %.
    @Test func ratesReferenceNumbers() throws {
        let aave = ["rates", "--model", "aave", "--optimal", "92%", "--base", "0", "--slope1", "12.5%", "--slope2", "35%"]
        for (u, expected) in [("0.5", "6.7935%"), ("0.92", "12.5000%"), ("0.96", "30.0000%"), ("1", "47.5000%")] {
            let object = try JSONOutput.object(CLI.run(arguments: aave + ["--utilization", u, "--json"]))
            #expect(TableFormat.percent(object.number("borrowRate")) == expected, "U \(u)")
        }
        let supply = try Self.expectSame(
            aave + ["--reserve-factor", "10%", "--utilization", "0.5"], op: "rates",
            fields: [
                "model": "aave", "optimal": "92%", "base": 0, "slope1": "12.5%", "slope2": "0.35", "reserveFactor": "10%",
                "utilization": "0.5"
            ])
        #expect(TableFormat.percent(supply.number("supplyRate")) == "3.0571%")
        #expect(supply["borrowRateRay"] == "67934782608695652173913043")
        for (u, expected) in [("0", "1.0000%"), ("0.5", "2.6667%"), ("0.9", "4.0000%"), ("1", "16.0000%")] {
            let object = try JSONOutput.object(
                CLI.run(arguments: ["rates", "--model", "morpho", "--rate-at-target", "4%", "--utilization", u, "--json"]))
            #expect(TableFormat.percent(object.number("borrowRate")) == expected, "U \(u)")
        }
        let day = try Self.expectSame(
            ["rates", "--model", "morpho", "--rate-at-target", "4%", "--utilization", "1", "--days", "1"], op: "rates",
            fields: ["model": "morpho", "rateAtTarget": "4%", "utilization": 1, "days": 1])
        #expect(
            TableFormat.percent(
                JSONOutput.member(day, "continuous.rateAtTargetEnd").flatMap {
                    if case .number(let n) = $0 { return Double(n.text) }
                    return nil
                })
                == "4.5872%")
        #expect(
            TableFormat.percent(day.number("borrowRate"), digits: 3) == "17.152%" && TableFormat.percent(day.number("rateAtTargetEnd")) == "4.5855%")
    }

    @Test func ratesThroughEveryDoor() throws {
        _ = try Self.expectSame(
            ["rates", "--model", "morpho", "--path", "0.5:10d,1:1d", "--reserve-factor", "10%", "--target-supply-apy", "3%"], op: "rates",
            fields: ["model": "morpho", "path": "0.5:10d,1:1d", "reserveFactor": "0.1", "targetSupplyApy": "3%"])
        let kinked = try Self.expectSame(
            ["rates", "--model", "kinked", "--points", "0:0,80%:8%,100%:100%", "--borrowed", "900", "--supplied", "1000"],
            op: "rates", fields: ["model": "kinked", "points": ["0:0", "80%:8%", "100%:100%"], "borrowed": 900, "supplied": 1000])
        #expect(abs((kinked.number("borrowRate") ?? 0) - 0.54) < 1e-12)
        // The table says what the numbers mean.
        let table = yieldstrip("rates", "--model", "aave", "--optimal", "92%", "--slope1", "12.5%", "--slope2", "35%", "--utilization", "0.5")
        #expect(table.exitCode == 0 && table.stdout.contains("An idle market pays suppliers nearly nothing") && table.stdout.contains("the curve\n"))
    }

    // MARK: borrow

    @Test func borrowThroughEveryDoor() throws {
        let file = try MarketExamples.load(Self.market)
        let at = try #require(file.blockTime)
        let pt = try Self.expectSame(
            [
                "borrow", "--market", Self.market, "--at", String(at), "--collateral", "pt", "--amount", "1000", "--pt-oracle",
                "linear-discount", "--discount", "18%", "--ltv", "80%", "--liquidation-threshold", "85%", "--debt", "500", "--borrow-apr", "5%"
            ],
            op: "borrow",
            fields: [
                "collateral": "pt", "amount": "1000000000000000000000", "ptOracle": "linear-discount", "discount": "18%",
                "ltv": "80%", "liquidationThreshold": "85%", "debt": 500, "borrowApr": "5%"
            ],
            marketFile: Self.market, blockTime: at)
        let result = try Borrow.compute(
            BorrowRequest(
                collateral: .pt, amount: .units(Wad(units: 1_000)), oracle: .linearDiscount(baseDiscountPerYear: Wad(decimal: "0.18") ?? .zero),
                terms: .aave(maxLtv: 0.8, liquidationThreshold: 0.85, liquidationBonus: 0.05), debt: 500, borrowApr: 0.05,
                stockPrice: 230), curve: file.curve, at: at)
        #expect(pt["oraclePrice"] == .wei(result.oraclePrice.raw) && pt["healthFactor"] == JSONOutput.text(result.healthFactor ?? 0))
        #expect(pt["liquidationStockPrice"] == JSONOutput.text(result.liquidationStockPrice ?? 0))
        // Morpho, the token without a market, a token debt.
        let token = try Self.expectSame(
            [
                "borrow", "--at", "2026-03-02", "--amount", "100", "--exchange-rate", "1.0123", "--protocol", "morpho", "--lltv", "86%",
                "--debt", "10000", "--stock-price", "230", "--token-apy", "0.4%"
            ],
            op: "borrow",
            fields: [
                "blockTime": "2026-03-02", "amount": "100000000000000000000", "exchangeRate": "1.0123",
                "protocol": "morpho", "lltv": "0.86", "debt": 10000, "stockPrice": 230, "tokenApy": "0.4%"
            ])
        #expect(token["morphoIncentiveFactor"] == "1043841336116910229" && token["expiry"] == .null)
        _ = try Self.expectSame(
            [
                "borrow", "--market", Self.market, "--at", String(at), "--collateral", "pt", "--usd", "10000", "--pt-oracle", "twap",
                "--twap-apy", "8%", "--protocol", "morpho", "--lltv", "91.5%", "--debt", "20", "--debt-asset", "token"
            ],
            op: "borrow",
            fields: [
                "collateral": "pt", "usd": 10000, "ptOracle": "twap", "twapApy": "0.08", "protocol": "morpho",
                "lltv": "91.5%", "debt": 20, "debtAsset": "token"
            ], marketFile: Self.market, blockTime: at)
    }

    // MARK: loop

    @Test func loopThroughEveryDoor() throws {
        let file = try MarketExamples.load(Self.market)
        let at = try #require(file.blockTime)
        let token = try Self.expectSame(
            [
                "loop", "--market", Self.market, "--at", String(at), "--tokens", "100", "--protocol", "morpho", "--lltv", "91.5%",
                "--borrow-apr", "0.05%", "--token-apy", "0.1%", "--loops", "5"
            ],
            op: "loop",
            fields: [
                "tokens": "100000000000000000000", "protocol": "morpho", "lltv": "91.5%", "borrowApr": "5bp",
                "tokenApy": "0.1%", "loops": 5
            ], marketFile: Self.market, blockTime: at)
        let result = try PtLoop.compute(
            PtLoopRequest(
                size: .tokens(Wad(units: 100)), borrow: .token, terms: .morpho(lltv: Wad(decimal: "0.915") ?? .zero), loops: 5,
                borrowRate: .fixed(apr: 0.0005), stockPrice: 230, tokenApy: 0.001), curve: file.curve, at: at)
        #expect(token["ptHeld"] == .wei(result.ptHeld.raw) && token["netApy"] == JSONOutput.text(result.netApy))
        let usd = try Self.expectSame(
            [
                "loop", "--market", Self.market, "--at", String(at), "--usd", "10000", "--borrow", "usd", "--ltv", "70%",
                "--liquidation-threshold", "75%", "--model", "aave", "--optimal", "90%", "--slope1", "4%", "--slope2", "60%",
                "--pool-supplied", "1000000", "--pool-borrowed", "500000", "--loops", "2", "--hedge", "perp", "--funding", "5%",
                "--price-range", "-20%..20%:10%"
            ],
            op: "loop",
            fields: [
                "usd": 10000, "borrow": "usd", "ltv": "0.7", "liquidationThreshold": "0.75", "model": "aave", "optimal": "90%",
                "slope1": "4%", "slope2": "60%", "poolSupplied": 1_000_000, "poolBorrowed": 500000, "loops": 2,
                "hedge": "perp", "funding": "5%", "priceRange": "-20%..20%:10%"
            ], marketFile: Self.market, blockTime: at)
        #expect(JSONOutput.member(usd, "dollarHedge.instrument") == "perp")
        guard case .array(let rows)? = usd["priceScenarios"] else {
            Issue.record("no priceScenarios")
            return
        }
        #expect(rows.count == 5)
        // The tables say what each loop is.
        let tokenTable = yieldstrip(
            "loop", "--market", Self.market, "--tokens", "100", "--protocol", "morpho", "--lltv", "91.5%", "--borrow-apr", "0.05%", "--loops", "3")
        #expect(tokenTable.exitCode == 0 && tokenTable.stdout.contains("carries no stock-price liquidation risk"))
        let usdTable = yieldstrip(
            "loop", "--market", Self.market, "--usd", "10000", "--borrow", "usd", "--ltv", "70%", "--liquidation-threshold", "75%",
            "--borrow-apr", "5%", "--loops", "2")
        #expect(usdTable.exitCode == 0 && usdTable.stdout.contains("leveraged long position in the stock") && usdTable.stdout.contains("is negative"))
    }

    /// `loop --svg FILE` writes the chart and leaves stdout as it is.
    @Test func loopDraws() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("loop.svg").path
        let arguments = [
            "loop", "--market", Self.market, "--tokens", "100", "--protocol", "morpho", "--lltv", "91.5%", "--borrow-apr", "0.05%", "--loops", "4"
        ]
        for extra in [[], ["--json"]] {
            let plain = CLI.run(arguments: arguments + extra)
            #expect(CLI.run(arguments: arguments + extra + ["--svg", path]) == plain && plain.exitCode == 0)
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.contains("PT loop: net APY and health factor by leverage") && ChartCommandTests.parses(svg))
            #expect(!svg.contains("NaN") && !svg.contains("Infinity"))
        }
    }

    // MARK: mnav

    @Test func mnavThroughEveryDoor() throws {
        let object = try Self.expectSame(
            [
                "mnav", "--shares-outstanding", "250000000", "--stock-price", "400", "--coin-holdings", "500000", "--coin-price", "100000",
                "--company-debt", "8e9", "--capital", "1000000", "--ltv", "50%", "--liquidation-threshold", "70%", "--model", "aave",
                "--optimal", "45%", "--slope1", "7%", "--slope2", "300%", "--pool-supplied", "20000", "--pool-borrowed", "100",
                "--proceeds-apr", "4%", "--funding", "8%"
            ],
            op: "mnav",
            fields: [
                "sharesOutstanding": 250_000_000, "stockPrice": 400, "coinHoldings": 500000, "coinPrice": 100000,
                "companyDebt": "8e9", "capital": 1_000_000, "ltv": "50%", "liquidationThreshold": "70%", "model": "aave",
                "optimal": "45%", "slope1": "7%", "slope2": "300%", "poolSupplied": 20000, "poolBorrowed": 100,
                "proceedsApr": "4%", "funding": "8%"
            ])
        #expect(object.number("mnav") == 2 && abs((object.number("borrowApr") ?? 0) - 0.0105) < 1e-15)
        _ = try Self.expectSame(
            [
                "mnav", "--shares-outstanding", "1000", "--stock-price", "50", "--coin-holdings", "1", "--coin-price", "40000", "--side", "long",
                "--capital", "10000", "--ltv", "40%", "--liquidation-threshold", "60%", "--borrow-apr", "1%", "--mnav-range", "1,1.25,1.5"
            ],
            op: "mnav",
            fields: [
                "sharesOutstanding": 1000, "stockPrice": 50, "coinHoldings": 1, "coinPrice": 40000, "side": "long",
                "capital": 10000, "ltv": "0.4", "liquidationThreshold": "0.6", "borrowApr": "1%", "mnavRange": [1, "1.25", "1.5"]
            ])
    }

    // MARK: Bad input

    @Test func badInput() throws {
        let m = Self.market
        let aave = ["rates", "--model", "aave", "--optimal", "92%", "--slope1", "12.5%", "--slope2", "35%"]
        let pt = ["borrow", "--market", m, "--collateral", "pt", "--amount", "1000"]
        let company = [
            "mnav", "--shares-outstanding", "1000", "--stock-price", "50", "--coin-holdings", "1", "--coin-price", "40000", "--capital", "1000"
        ]
        let cases: [([String], Int32, String)] = [
            (aave + ["--utilization", "1.2"], 1, "UtilizationOutOfRange"),
            (aave + ["--utilization", "-0.1"], 1, "UtilizationOutOfRange"),
            (aave + ["--borrowed", "12", "--supplied", "10"], 1, "UtilizationOutOfRange"),
            (
                ["rates", "--model", "aave", "--optimal", "99.5%", "--slope1", "1%", "--slope2", "2%", "--utilization", "0.5"], 1,
                "InvalidOptimalUsageRatio"
            ),
            (
                ["rates", "--model", "aave", "--optimal", "90%", "--slope1", "40%", "--slope2", "35%", "--utilization", "0.5"], 1,
                "Slope2MustBeGteSlope1"
            ),
            (["rates", "--model", "aave", "--optimal", "90%", "--slope1", "400%", "--slope2", "700%", "--utilization", "0.5"], 1, "InvalidMaxRate"),
            (["rates", "--model", "morpho", "--utilization", "0.5", "--reserve-factor", "30%"], 1, "MaxFeeExceeded"),
            (["rates", "--model", "kinked", "--points", "0:0,50%:10%", "--utilization", "0.5"], 1, "must start at utilization 0 and end at 1"),
            (["rates", "--utilization", "0.5"], 2, "Missing expected argument '--model <model>'"),
            (["rates", "--model", "venus", "--utilization", "0.5"], 2, "expected aave, morpho or kinked"),
            (["rates", "--model", "morpho", "--utilization", "0.5", "--optimal", "90%"], 2, "does not apply to the morpho model"),
            (["rates", "--model", "morpho", "--path", "0.5:10d,1:1d", "--days", "3"], 2, "carries its own durations"),
            (["rates", "--model", "morpho", "--path", "0.5-10d"], 2, "expected utilization:duration steps"),
            (pt + ["--ltv", "90%", "--liquidation-threshold", "85%"], 1, "LtvNotBelowThreshold"),
            (pt + ["--ltv", "85%", "--liquidation-threshold", "85%"], 1, "LtvNotBelowThreshold"),
            (pt + ["--ltv", "80%", "--liquidation-threshold", "120%"], 1, "ThresholdOutOfRange"),
            (pt + ["--ltv", "80%", "--liquidation-threshold", "95%", "--liquidation-bonus", "10%"], 1, "InvalidReserveParams"),
            (pt + ["--protocol", "morpho", "--lltv", "100%"], 1, "MaxLltvExceeded"),
            (pt + ["--ltv", "80%", "--liquidation-threshold", "85%", "--debt", "-5"], 1, "NegativeAmount"),
            (pt + ["--ltv", "80%", "--liquidation-threshold", "85%", "--at", "2027-03-05"], 1, "PtMatured"),
            (
                pt + ["--ltv", "80%", "--liquidation-threshold", "85%", "--pt-oracle", "linear-discount"], 2,
                "Missing expected argument '--discount <rate>'"
            ),
            (pt + ["--ltv", "80%", "--liquidation-threshold", "85%", "--twap-apy", "5%"], 2, "'--twap-apy' applies to '--pt-oracle' twap"),
            (pt + ["--lltv", "86%"], 2, "'--lltv' is Morpho's"),
            (
                ["borrow", "--collateral", "pt", "--amount", "10", "--ltv", "80%", "--liquidation-threshold", "85%"], 2,
                "PT collateral is priced from its market"
            ),
            (["borrow", "--amount", "10", "--ltv", "80%", "--liquidation-threshold", "85%", "--debt", "5"], 1, "MissingStockPrice"),
            (["borrow", "--ltv", "80%", "--liquidation-threshold", "85%"], 2, "Missing expected argument '--amount <amount>'"),
            (["loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%"], 2, "Missing expected argument '--borrow-apr <apr>'"),
            (
                ["loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%", "--borrow-apr", "1%", "--target-ltv", "95%"], 1,
                "InvalidParameter"
            ),
            (
                ["loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%", "--borrow-apr", "1%", "--hedge", "perp"], 2,
                "is for a USD loop"
            ),
            (
                ["loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%", "--model", "morpho", "--borrow-apr", "1%"], 2,
                "not both"
            ),
            (
                [
                    "loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%", "--model", "morpho", "--pool-supplied", "5",
                    "--pool-borrowed", "6"
                ], 1, "InsufficientLiquidity"
            ),
            (
                ["loop", "--market", m, "--tokens", "10", "--protocol", "morpho", "--lltv", "90%", "--borrow-apr", "1%", "--at", "2027-03-05"], 1,
                "PtMatured"
            ),
            (company + ["--ltv", "70%", "--liquidation-threshold", "70%", "--borrow-apr", "1%"], 1, "LtvNotBelowThreshold"),
            (company + ["--ltv", "50%", "--liquidation-threshold", "170%", "--borrow-apr", "1%"], 1, "ThresholdOutOfRange"),
            (
                company + ["--ltv", "50%", "--liquidation-threshold", "70%", "--borrow-apr", "1%", "--side", "long", "--funding", "5%"], 2,
                "applies to a short"
            ),
            (
                [
                    "mnav", "--shares-outstanding", "1000", "--stock-price", "50", "--coin-holdings", "-1", "--coin-price", "40000", "--capital",
                    "1000",
                    "--ltv", "50%", "--liquidation-threshold", "70%", "--borrow-apr", "1%"
                ], 1, "NegativeAmount"
            )
        ]
        for (arguments, status, message) in cases {
            expectFailure(CLI.run(arguments: arguments), exitCode: status, containing: message)
        }
        // The same through batch: an error answer naming the problem.
        let at = try #require(try MarketExamples.load(m).blockTime)
        let batchCases: [(String, JSONObject, String)] = [
            ("rates", ["model": "aave", "optimal": "92%", "slope1": "12.5%", "slope2": "35%", "utilization": "1.5"], "UtilizationOutOfRange"),
            ("rates", ["model": "aave", "optimal": "92%", "slope1": "12.5%", "slope2": "35%"], "BadRequest"),
            ("borrow", ["collateral": "pt", "amount": "1000", "ltv": "90%", "liquidationThreshold": "85%"], "LtvNotBelowThreshold"),
            ("borrow", ["collateral": "pt", "amount": "1000", "ltv": "80%", "liquidationThreshold": "85%", "debt": -1], "NegativeAmount"),
            ("loop", ["tokens": "1000", "protocol": "morpho", "lltv": "0.9"], "BadRequest")
        ]
        for (op, fields, error) in batchCases {
            let answer = try JSONOutput.batchAnswer(try MarketExamples.batchLine(m, op: op, blockTime: at, extra: fields))
            #expect(answer["error"] == .string(error), "\(op) \(fields): \(answer)")
        }
        let matured = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                m, op: "borrow", blockTime: 1_900_000_000,
                extra: ["collateral": "pt", "amount": "1", "ltv": "0.8", "liquidationThreshold": "0.85"]))
        #expect(matured["error"] == "PtMatured")
    }
}
