import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// The market commands on a YieldSpace file (`depth`, `short-yt`, `hedge dv01`, `hedge delta`, `hedge income`,
/// `scenario`, `report`), each through the command, its `--json` and its batch op (a `"curve": "yieldspace"`
/// request with the file's `pool`), against closed forms and the exact previews.
@Suite struct YieldSpaceCommandTests {
    static let path = YieldSpaceExampleTests.path
    static let pendle = MarketExamples.aapl

    static func file() throws -> YieldSpaceMarketFile { try YieldSpaceMarketFile.load(path: path) }
    static func at() throws -> Int64 { try #require(try file().blockTime) }

    /// The batch request the YieldSpace file stands for: its `curve`, `pool` and `stockPrice`, with `op`,
    /// `blockTime` and `extra` fields.
    static func batchLine(op: String, extra: JSONObject = [:]) throws -> String {
        guard case .object(let file) = try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path)))) else {
            throw ReferenceVectors.VectorFileError(reason: "\(path) is not an object")
        }
        var request: JSONObject = ["op": .string(op)]
        for key in ["curve", "pool", "stockPrice"] { if let value = file[key] { request.append(key, value) } }
        request.append("blockTime", .number(JSONNumber(try at())))
        request.append(contentsOf: extra)
        return request.jsonText
    }

    /// The command's `--json` at the file's block time (given) equals the batch op's answer.
    static func expectSameAnswer(
        _ arguments: [String], op: String, extra: JSONObject = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONObject {
        let command = try JSONOutput.object(CLI.run(arguments: arguments + ["--market", path, "--at", String(try at()), "--json"]))
        let batch = try JSONOutput.batchAnswer(try batchLine(op: op, extra: extra))
        #expect(batch.keys == command.keys, "\(batch.keys) against \(command.keys)", sourceLocation: sourceLocation)
        for key in command.keys { #expect(batch[key] == command[key], "\(key)", sourceLocation: sourceLocation) }
        return command
    }

    // MARK: depth

    @Test func depthJSONIsTheBatchAnswerAndItsRowsAreThePreviews() throws {
        let answer = try Self.expectSameAnswer(["depth"], op: "depth")
        #expect(answer["curve"] == .string("yieldspace"))
        guard case .array(let rows)? = answer["rows"], case .object(let first)? = rows.first else {
            Issue.record("no rows")
            return
        }
        #expect(rows.count == 10)
        // The 0.1 % row buys 0.1 % of the real fyToken with buyFYToken: the exact preview.
        let file = try Self.file()
        let pool = file.pool
        let at = try Self.at()
        let real = try #require(pool.realFyTokenReserves)
        let out = real.quotientAndRemainder(dividingBy: UInt256(1000)).quotient
        let sharesIn = try YieldSpaceMath.buyFYToken(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves, fyTokenOut: out,
            timeTillMaturity: pool.maturity - at, ts: pool.ts, g1: pool.g1, decimals: 18, c: pool.c, mu: pool.mu)
        let paid = try #require(JSONOutput.number(first, "buySyPaid"))
        #expect(abs(paid - Wad(raw: sharesIn).doubleValue) < 1e-9 * paid)
        // And the sale the sellFYToken preview.
        let sharesOut = try YieldSpaceMath.sellFYToken(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves, fyTokenIn: out,
            timeTillMaturity: pool.maturity - at, ts: pool.ts, g2: pool.g2, decimals: 18, c: pool.c, mu: pool.mu)
        let received = try #require(JSONOutput.number(first, "sellSyReceived"))
        #expect(abs(received - Wad(raw: sharesOut).doubleValue) < 1e-9 * received)
        let table = yieldstrip("depth", "--market", Self.path)
        #expect(table.exitCode == 0 && table.stdout.contains("buy: shares paid") && table.stdout.contains("real fyToken"))
        let csv = yieldstrip("depth", "--market", Self.path, "--csv")
        #expect(csv.exitCode == 0 && csv.stdout.hasPrefix(DepthReport.columns.joined(separator: ",") + "\n"))
    }

    /// A small trade fills at the marginal price `(μz/y)^(g·ts·T)`: `g1` buying fyToken, `g2` selling it (the
    /// effective APY is linear in the size to first order: `2·E(n) − E(2n)` is the marginal one to second order).
    @Test func smallTradesFillAtTheMarginalPrice() throws {
        let file = try Self.file()
        let pool = file.pool
        let at = try Self.at()
        let curve = YieldSpaceCurve<Double>(pool: pool)
        let T = Double(pool.maturity - at)
        let ts = pool.ts.doubleValue
        let ratio = pool.mu.doubleValue * pool.sharesUnits / pool.fyTokenUnits
        let tau = T / 31_536_000
        func effective(_ n: Double) throws -> Double {
            let trade = try curve.tradePt(netPtToAccount: n, at: at)
            return Foundation.expm1(-Foundation.log(abs(trade.netSyToAccount) * pool.c.doubleValue / abs(n)) / tau)
        }
        for (n, g) in [(1.0, 0.95), (-1.0, 1 / 0.95)] {
            let marginal = Foundation.expm1(-Foundation.log(Foundation.pow(ratio, g * ts * T)) / tau)
            #expect(abs(2 * (try effective(n)) - (try effective(2 * n)) - marginal) < 1e-9, "g = \(g)")
        }
        // The exact flavour agrees with Double at a row's size, to the preview's precision fee (1e12 wei, ~1e-6 of
        // a token, on the trade).
        let exact = try MarketDepth<Wad>.compute(curve: file.curve, at: at, fractions: [0.01], includesLimits: false)
        let analytic = try MarketDepth<Double>.compute(curve: curve, at: at, fractions: [0.01], includesLimits: false)
        let bound = 2e-6 / exact.rows[0].ptAmount / tau
        #expect(abs((exact.rows[0].buyEffectiveApy ?? 0) - (analytic.rows[0].buyEffectiveApy ?? 1)) < bound)
        #expect(abs((exact.rows[0].sellEffectiveApy ?? 0) - (analytic.rows[0].sellEffectiveApy ?? 1)) < bound)
    }

    /// Buying a fyToken leg then selling it back never gains, and the pool refuses what it cannot pay.
    @Test func ptLegsRoundTripWithoutGainAndStopAtTheLimits() throws {
        let file = try Self.file()
        let at = try Self.at()
        let curve = file.curve
        for units in [1, 100, 1_000] {
            let bought = try curve.tradePt(netPtToAccount: Wad(units: Int64(units)), at: at)
            let sold = try curve.tradePt(netPtToAccount: Wad(units: Int64(-units)), at: at)
            #expect(bought.netSyToAccount.isNegative && sold.netSyToAccount.isPositive)
            #expect(sold.netSyToAccount < (try bought.netSyToAccount.negated()))
            #expect(bought.impliedApyAfter < 0.003 && sold.impliedApyAfter > 0.003 && bought.feeSy.isPositive)
        }
        // More fyToken than the pool really holds (1,304): refused.
        #expect(throws: YieldSpaceError.self) { try curve.tradePt(netPtToAccount: Wad(units: 1_400), at: at) }
        let largest = curve.largestPtLeg(buyingPt: true, at: at)
        #expect(largest.doubleValue > 1_290 && largest.doubleValue < 1_305)
    }

    /// On Pendle the generic depth is ``PendleMarketMath/depth(_:pyIndex:blockTime:fractions:)`` exactly.
    @Test func pendleDepthIsUnchanged() throws {
        for path in MarketExamples.all {
            let file = try MarketExamples.load(path)
            let at = try #require(file.blockTime)
            let rows = try PendleMarketMath.depth(file.market, pyIndex: file.pyIndex, blockTime: at)
            let depth = try MarketDepth<Wad>.compute(curve: file.curve, at: at)
            let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: at)
            #expect(depth.largestPtBuy == snapshot.largestPtBuy && depth.largestPtSell == snapshot.largestPtSell)
            #expect(depth.poolValueInAsset == snapshot.poolValueInAsset && depth.impliedApy == snapshot.impliedApy)
            for (a, b) in zip(depth.rows, rows) {
                #expect(a.fraction == b.fraction && a.ptAmount == b.ptAmount && a.buySyPaid == b.buySyPaid && a.sellSyReceived == b.sellSyReceived)
                #expect(a.buyImpliedApyAfter == b.buyImpliedApyAfter && a.buyEffectiveApy == b.buyEffectiveApy)
                #expect(a.sellImpliedApyAfter == b.sellImpliedApyAfter && a.sellEffectiveApy == b.sellEffectiveApy)
            }
        }
    }

    // MARK: short-yt

    @Test func shortYtSaysThePoolHasNoYT() throws {
        expectFailure(yieldstrip("short-yt", "--market", Self.path, "--shares", "1000"), exitCode: 1, containing: "NoYieldToken")
        let run = yieldstrip("short-yt", "--market", Self.path, "--shares", "1000")
        #expect(run.stderr.contains("Pendle V2 market file"))
        let batch = try JSONOutput.batchAnswer(try Self.batchLine(op: "shortYt", extra: ["shares": "1000000000000000000000"]))
        #expect(batch["error"] == .string("NoYieldToken") && batch["errorArgs"] == .array([.string("yieldspace")]))
        expectFailure(yieldstrip("hedge", "income", "--shares", "1000", "--market", Self.path), exitCode: 1, containing: "NoYieldToken")
        let income = try JSONOutput.batchAnswer(try Self.batchLine(op: "hedgeIncome", extra: ["shares": "1000000000000000000000"]))
        #expect(income["error"] == .string("NoYieldToken"))
    }

    // MARK: hedge dv01, hedge delta

    @Test func dv01OnThePool() throws {
        let answer = try Self.expectSameAnswer(
            ["hedge", "dv01", "--position", "pt:1000,yt:-500,lp:10,sy:250"], op: "hedgeDv01",
            extra: ["position": "pt:1000,yt:-500,lp:10,sy:250"])
        #expect(answer["curve"] == .string("yieldspace"))
        let spot = try Self.file().curve.spot(at: try Self.at())
        let (y, tau) = (spot.impliedApy, spot.yearsToExpiry)
        let pt = Foundation.pow(1 + y, -tau)
        guard case .array(let legs)? = answer["positions"], legs.count == 4, case .object(let ptLeg) = legs[0], case .object(let ytLeg) = legs[1],
            case .object(let syLeg) = legs[3]
        else {
            Issue.record("no legs")
            return
        }
        #expect(abs((JSONOutput.number(ptLeg, "priceInAsset") ?? 0) - pt) < 1e-14)
        // YT: the synthetic 1 − PT, its DV01 the PT's negated.
        #expect(abs((JSONOutput.number(ytLeg, "priceInAsset") ?? 0) - (1 - pt)) < 1e-14)
        #expect(abs((JSONOutput.number(ptLeg, "dv01InAsset") ?? 0) - 1000 * (-tau * pt / (1 + y)) * 1e-4) < 1e-12)
        #expect(abs((JSONOutput.number(ytLeg, "dv01InAsset") ?? 0) - -500 * (tau * pt / (1 + y)) * 1e-4) < 1e-12)
        // SY: a pool share at c, no rate risk.
        #expect(abs((JSONOutput.number(syLeg, "priceInAsset") ?? 0) - (try Self.file()).pool.c.doubleValue) < 1e-15)
        #expect(JSONOutput.number(syLeg, "dv01InAsset") == 0)
        // Hedged in the Pendle market (its YT), and in the pool (PT only).
        let pendle = yieldstrip(
            "hedge", "dv01", "--market", Self.path, "--position", "pt:1000", "--against", Self.pendle, "--hedge-token", "yt", "--json")
        #expect(pendle.exitCode == 0, "\(pendle.stderr)")
        let inPool = try JSONOutput.object(
            yieldstrip("hedge", "dv01", "--market", Self.pendle, "--position", "pt:1000", "--against", Self.path, "--json"))
        #expect(JSONOutput.member(inPool, "hedge.curve") == .string("yieldspace"))
        expectFailure(
            yieldstrip("hedge", "dv01", "--market", Self.pendle, "--position", "pt:1000", "--against", Self.path, "--hedge-token", "yt"),
            exitCode: 1, containing: "NoYieldToken")
        // The batch op's `against` may be a pool too.
        guard case .object(let fileObject) = try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.path)))) else { return }
        let batch = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.pendle, op: "hedgeDv01", blockTime: try Self.at(),
                extra: ["position": "pt:1000", "against": .object(fileObject)]))
        #expect(batch["hedge"] == inPool["hedge"])
    }

    @Test func deltaOnThePool() throws {
        let answer = try Self.expectSameAnswer(
            ["hedge", "delta", "--position", "pt:1000,sy:250"], op: "hedgeDelta",
            extra: ["position": "pt:1000,sy:250"])
        let file = try Self.file()
        let spot = try file.curve.spot(at: try Self.at())
        let expected = 1000 * spot.ptPriceInAsset + 250 * file.pool.c.doubleValue
        #expect(abs((JSONOutput.number(answer, "deltaShares") ?? 0) - expected) < 1e-9)
    }

    // MARK: scenario

    @Test func scenarioOnThePool() throws {
        let answer = try Self.expectSameAnswer(
            [
                "scenario", "--position", "pt:1000,yt:-500,lp:10,sy:250", "--apy-shift", "-50..50:25bp",
                "--price-shift", "-10%,0,10%", "--days", "30"
            ], op: "scenario",
            extra: [
                "position": "pt:1000,yt:-500,lp:10,sy:250", "apyShift": "-50..50:25bp",
                "priceShift": "-10%,0,10%", "days": 30
            ])
        #expect(answer["curve"] == .string("yieldspace") && answer["expiry"] == .number(JSONNumber(1_804_118_400)))
        // A PT-only position: each cell is 1000 · (1 + y')^(−τ') at the shifted APY and the shorter time.
        let result = try Scenario.compute(
            ScenarioRequest(
                position: try Position(parsing: "pt:1000"), apyShifts: [0.0025], priceShifts: [0], days: 30,
                stockPrice: 230), curve: try Self.file().curve, at: try Self.at())
        let tauAfter = Double(1_804_118_400 - (try Self.at()) - 30 * 86_400) / 31_536_000
        #expect(abs(result.cells[0].valueShares - 1000 * Foundation.pow(1 + 0.003 + 0.0025, -tauAfter)) < 1e-6)
        let table = yieldstrip("scenario", "--market", Self.path, "--position", "pt:1000", "--apy-shift", "-50bp,0")
        #expect(table.exitCode == 0 && table.stdout.contains("a YieldSpace pool cannot price a negative rate"))
    }

    // MARK: the already-supported commands through batch

    @Test func quoteSnapshotAndLockinThroughBatch() throws {
        _ = try Self.expectSameAnswer(["market", "show"], op: "marketSnapshot")
        _ = try Self.expectSameAnswer(
            ["quote", "--buy-pt", "--amount", "100"], op: "quote",
            extra: ["swap": "swapExactSyForPt", "exactSyIn": "100000000000000000000"])
        _ = try Self.expectSameAnswer(
            ["quote", "--sell-pt", "--amount", "100"], op: "quote",
            extra: ["swap": "swapExactPtForSy", "exactPtIn": "100000000000000000000"])
        _ = try Self.expectSameAnswer(["quote", "--buy-pt", "--usd", "10000"], op: "quote", extra: ["swap": "swapExactSyForPt", "usd": 10000])
        _ = try Self.expectSameAnswer(["lockin", "--usd", "10000"], op: "lockin", extra: ["usd": 10000])
        let yt = try JSONOutput.batchAnswer(try Self.batchLine(op: "quote", extra: ["swap": "swapExactSyForYt", "exactSyIn": "1"]))
        #expect(yt["error"] == .string("BadRequest") && yt["errorArgs"] == .array([.string("swap")]))
    }

    // MARK: report

    @Test func reportOnThePool() throws {
        let files = try TemporaryMarketFiles()
        let out = files.directory.appendingPathComponent("sheet.html").path
        let run = yieldstrip("report", "--market", Self.path, "--html", out)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("not shown: YT short") && run.stdout.contains("NoYieldToken"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("A YieldSpace pool (Yield Protocol v2)") && html.contains("Yield&#39;s rate (365.25-day year)"))
        #expect(html.contains("The YT short of") && html.contains("is not shown: NoYieldToken"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }
}

/// `market new --curve yieldspace` and the batch op `marketNew` with `"curve": "yieldspace"`: a pool at a target
/// APY and liquidity, as Yield starts one.
@Suite struct YieldSpaceMarketNewTests {
    static let path = YieldSpaceExampleTests.path

    /// Given the bundled pool's parameters (and its texts), the command writes the bundled file byte for byte.
    @Test func reproducesTheBundledPool() throws {
        let file = try YieldSpaceMarketFile.load(path: Self.path)
        let run = CLI.run(arguments: [
            "market", "new", "--curve", "yieldspace", "--apy", "0.3%", "--expiry", "2027-03-04", "--at", "2026-03-02T14:30:00Z",
            "--liquidity-usd", "20000000", "--stock-price", "230", "--py-index", "1.003214142718150519",
            "--ts-years", "10", "--g1-fee", "9500", "--name", try #require(file.name), "--underlying", "AAPL",
            "--source", try #require(file.source), "--notes", try #require(file.notes)
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOfFile: Self.path, encoding: .utf8)))
        // examples/markets/README.md gives this command.
        let readme = try String(contentsOfFile: Self.path.replacingOccurrences(of: "yieldspace-aapl-like.json", with: "README.md"), encoding: .utf8)
        #expect(
            readme.contains(
                "yieldstrip market new --curve yieldspace --apy 0.3% --expiry 2027-03-04 --at 2026-03-02T14:30:00Z --liquidity-usd 20000000 --stock-price 230 \\\n  --py-index 1.003214142718150519 --ts-years 10 --g1-fee 9500"
            ))
    }

    /// The rate read back from the reserves, `ts · ln(y/(μz))` on the 365-day year, is the target within the stated
    /// 1e-9, and the pool is worth the liquidity asked for; `--json` is the batch op's answer.
    @Test(arguments: [(0.0, 18, 1_000_000.0), (0.001, 18, 5_000_000.0), (0.01, 6, 250_000.0), (0.05, 18, 20_000_000.0), (0.2, 12, 1_000_000.0)])
    func readsBackTheTarget(apy: Double, decimals: Int, liquidity: Double) throws {
        let arguments = [
            "market", "new", "--curve", "yieldspace", "--apy", String(apy), "--expiry", "2027-03-04", "--at", "2026-03-02T14:30:00Z",
            "--liquidity-usd", String(liquidity), "--stock-price", "50", "--py-index", "1.02", "--mu", "1.01", "--ts-years", "20",
            "--g1-fee", "9000", "--decimals", String(decimals)
        ]
        let text = CLI.run(arguments: arguments)
        #expect(text.exitCode == 0, "\(text.stderr)")
        let file = try YieldSpaceMarketFile.parse(Array(text.stdout.utf8), origin: "new")
        let pool = file.pool
        #expect(pool.decimals == decimals && pool.g1Fee == 9000 && file.tsYears == 20 && file.blockTime == 1_772_461_800)
        // Independently: the rate of the integer reserves, and the value of shares at c plus real fyToken at its price.
        let unit = Foundation.pow(10.0, Double(decimals))
        let z = pool.sharesReserves.doubleValue / unit
        let y = pool.fyTokenReserves.doubleValue / unit
        let s = try #require(pool.totalSupply).doubleValue / unit
        let (c, mu) = (Double(pool.c.raw.description)! / 18_446_744_073_709_551_616, Double(pool.mu.raw.description)! / 18_446_744_073_709_551_616)
        #expect(abs(c - 1.02) < 1e-15 && abs(mu - 1.01) < 1e-15)
        let ts = 1 / (20.0 * 31_557_600)
        let lnRate = ts * Foundation.log(y / (mu * z)) * 31_536_000
        #expect(abs(Foundation.expm1(lnRate) - apy) < YieldSpaceDeployment.impliedApyTolerance, "\(Foundation.expm1(lnRate)) against \(apy)")
        let tau = Double(1_804_118_400 - 1_772_461_800) / 31_536_000
        let value = (z * c + (y - s) * Foundation.exp(-lnRate * tau)) * 50
        #expect(abs(value / liquidity - 1) < 1e-6)
        // --json is the batch op's answer.
        let json = try JSONOutput.object(CLI.run(arguments: arguments + ["--json"]))
        let batch = try JSONOutput.batchAnswer(
            #"{"op":"marketNew","curve":"yieldspace","apy":\#(apy),"expiry":"2027-03-04","blockTime":"2026-03-02T14:30:00Z","liquidityUsd":\#(liquidity),"stockPrice":50,"pyIndex":"1020000000000000000","mu":"1010000000000000000","tsYears":20,"g1Fee":9000,"decimals":\#(decimals)}"#
        )
        #expect(batch == json)
        #expect((JSONOutput.number(json, "impliedApyError") ?? 1) < YieldSpaceDeployment.impliedApyTolerance)
    }

    @Test func badInput() {
        let base = [
            "market", "new", "--apy", "1%", "--expiry", "2027-03-04", "--at", "2026-03-02T14:30:00Z", "--liquidity-usd", "1000000", "--stock-price",
            "50"
        ]
        expectFailure(CLI.run(arguments: base + ["--curve", "yieldspace", "--fee", "1%"]), exitCode: 2, containing: "'--fee' sets a Pendle market")
        expectFailure(CLI.run(arguments: base + ["--ts-years", "5"]), exitCode: 2, containing: "'--ts-years' sets a YieldSpace pool")
        expectFailure(CLI.run(arguments: base + ["--curve", "balancer"]), exitCode: 2, containing: "expected pendle-v2 or yieldspace")
        expectFailure(CLI.run(arguments: base + ["--curve", "yieldspace", "--g1-fee", "0"]), exitCode: 1, containing: "InvalidFee")
        expectFailure(
            CLI.run(arguments: base + ["--curve", "yieldspace", "--ts-years", "1"]), exitCode: 1, containing: "YieldMath: Too far from maturity")
        expectFailure(CLI.run(arguments: base + ["--curve", "yieldspace", "--decimals", "19"]), exitCode: 1, containing: "decimals")
        expectFailure(CLI.run(arguments: base + ["--curve", "yieldspace", "--ts-years", "ten"]), exitCode: 2, containing: "expected a whole number")
        let negative = CLI.run(arguments: [
            "market", "new", "--curve", "yieldspace", "--apy", "-1%", "--expiry", "2027-03-04", "--at", "2026-03-02",
            "--liquidity-usd", "1", "--stock-price", "1"
        ])
        expectFailure(negative, exitCode: 1, containing: "RateOutOfRange")
    }
}
