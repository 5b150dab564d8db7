import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `examples/markets/yieldspace-aapl-like.json`: the AAPL-like token of `aapl-like.json` on a YieldSpace pool,
/// regenerated here from its rules, and the commands that read YieldSpace files (`market show`, `quote`,
/// `lockin`) run on it.
@Suite struct YieldSpaceExampleTests {
    static let path = MarketExamples.path("yieldspace-aapl-like.json")

    static let notes =
        "Illustrative: the AAPL-like token of aapl-like.json on a YieldSpace pool (Yield Protocol v2's curve) with the same maturity (Thursday 2027-03-04 00:00 UTC), block time (2026-03-02T14:30:00Z), implied APY (0.30 % on the 365-day year) and size (20,000,000 USD at 230 USD per share). The pool's shares are the stock token, worth c = 1.003214142718150519 base each (the Pendle file's PY index, as Pool._getC reads it); the base is one split-adjusted share, and fyToken redeems one at maturity. Started as Yield starts a pool, at the block time: init with shares (LP supply = μ · shares, μ = c), then fyToken sold into it (sellFYToken, exact) to bring the rate to 0.30 %. Time stretch 10 Yield years (ts = 2^64 / (10 · 31,557,600)); g1Fee 9500 (g1 = 0.95: buying fyToken earns 95 % of the rate). The reserves are YieldSpacePool.seeded's for these inputs."

    /// The file from its rules.
    static func generated() throws -> YieldSpaceMarketFile {
        let pendle = try MarketFile.load(path: MarketExamples.aapl)
        let blockTime = try #require(pendle.blockTime)
        // Pool._getC: the vault's assets per 1e18 shares, divu(1e18) into 64.64.
        let c = Fixed64x64(
            raw: Int256(bitPattern: (pendle.pyIndex.raw.bits << 64).quotientAndRemainder(dividingBy: UInt256(1_000_000_000_000_000_000)).quotient))
        let pool = try YieldSpacePool.seeded(
            impliedApy: 0.003, poolValueInBase: 20_000_000.0 / 230, c: c, mu: c, ts: try Fixed64x64.timeStretch(years: 10),
            g1Fee: 9500, maturity: pendle.market.expiry, decimals: 18, at: blockTime)
        return YieldSpaceMarketFile(
            origin: path, pool: pool, tsYears: 10, name: "AAPL-like stock token, 4 MAR 2027, YieldSpace pool", underlying: "AAPL",
            stockPrice: 230, blockTime: blockTime,
            source: "illustrative: not a real pool; YieldSpacePool.seeded (Yield's init, then the exact sellFYToken to the rate)",
            notes: notes)
    }

    @Test func fileIsTheGeneratorsOutput() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(text == (try Self.generated().jsonText))
        let file = try YieldSpaceMarketFile.load(path: Self.path)
        #expect(file == (try Self.generated()))
        guard case .yieldSpace(let any) = try MarketFile.loadAny(path: Self.path) else {
            Issue.record("not read as a YieldSpace file")
            return
        }
        #expect(any == file && any.curve.curveName == "yieldspace")
        guard case .pendle = try MarketFile.loadAny(path: MarketExamples.aapl) else {
            Issue.record("the Pendle file is not read as one")
            return
        }
    }

    /// Read back: 0.30 % on the 365-day year at the file's block time, the Pendle file's maturity, 20,000,000 USD.
    @Test func readsBack() throws {
        let file = try YieldSpaceMarketFile.load(path: Self.path)
        let pendle = try MarketFile.load(path: MarketExamples.aapl)
        #expect(file.pool.maturity == pendle.market.expiry && file.blockTime == pendle.blockTime)
        let spot = try file.curve.spot(at: try #require(file.blockTime))
        #expect(abs(spot.impliedApy - 0.003) < 1e-9)
        let real = file.pool.fyTokenUnits - (file.pool.totalSupplyUnits ?? 0)
        let value = (file.pool.sharesUnits * file.pool.c.doubleValue + real * spot.ptPriceInAsset) * 230
        #expect(abs(value - 20_000_000) < 1)
    }

    @Test func marketShow() throws {
        let run = yieldstrip("market", "show", "--market", Self.path, "--json")
        #expect(run.exitCode == 0, "\(run.stderr)")
        guard case .object(let answer) = try JSONReader.parse(run.stdout) else { return }
        #expect(answer["curve"] == .string("yieldspace") && answer["blockTimeSource"] == .string("market file"))
        #expect(abs((answer.number("impliedApy") ?? 0) - 0.003) < 1e-9)
        // Yield's own quote: the same rate on 365.25 days.
        let yieldApy = try #require(answer.number("yieldApy"))
        #expect(abs(Foundation.log1p(yieldApy) / Foundation.log1p(0.003) - 31_557_600.0 / 31_536_000) < 1e-9)
        #expect(abs((answer.number("poolValueUsd") ?? 0) - 20_000_000) < 1)
        let table = yieldstrip("market", "show", "--market", Self.path)
        #expect(table.exitCode == 0 && table.stdout.contains("implied APY (365-day year)") && table.stdout.contains("0.3000%"))
        let late = yieldstrip("market", "show", "--market", Self.path, "--at", "2027-03-04")
        #expect(late.exitCode == 1 && late.stderr.contains("AfterMaturity: the pool matured at 2027-03-04T00:00:00Z"))
    }

    @Test func quote() throws {
        let buy = yieldstrip("quote", "--market", Self.path, "--buy-pt", "--amount", "1000", "--json")
        #expect(buy.exitCode == 0, "\(buy.stderr)")
        guard case .object(let answer) = try JSONReader.parse(buy.stdout) else { return }
        #expect(answer["swap"] == .string("sellBase") && answer["tokenIn"] == .string("SY") && answer["tokenOut"] == .string("PT"))
        // 1,000 shares is three quarters of what the pool can take before its rate reaches zero: a large impact.
        let effective = try #require(answer.number("effectiveImpliedApy"))
        let after = try #require(answer.number("impliedApyAfter"))
        #expect(effective < 0.003 && effective > after && after > 0)
        // The amount out is the exact preview.
        let file = try YieldSpaceMarketFile.load(path: Self.path)
        let pool = file.pool
        let preview = try YieldSpaceMath.sellBase(
            sharesReserves: pool.sharesReserves, fyTokenReserves: pool.fyTokenReserves,
            sharesIn: UInt256(1000) &* UInt256(1_000_000_000_000_000_000),
            timeTillMaturity: pool.maturity - (file.blockTime ?? 0), ts: pool.ts, g1: pool.g1, decimals: 18,
            c: pool.c, mu: pool.mu)
        #expect(answer["amountOut"] == .string(preview.description))
        let sell = yieldstrip("quote", "--market", Self.path, "--sell-pt", "--amount", "1000")
        #expect(sell.exitCode == 0 && sell.stdout.contains("sellFYToken"), "\(sell.stderr)")
        let usd = yieldstrip("quote", "--market", Self.path, "--buy-pt", "--usd", "10000", "--json")
        #expect(usd.exitCode == 0, "\(usd.stderr)")
        let yt = yieldstrip("quote", "--market", Self.path, "--buy-yt", "--amount", "1")
        #expect(yt.exitCode == 2 && yt.stderr.contains("A YieldSpace pool quotes --buy-pt"))
    }

    @Test func lockin() throws {
        let run = yieldstrip("lockin", "--market", Self.path, "--usd", "10000", "--json")
        #expect(run.exitCode == 0, "\(run.stderr)")
        guard case .object(let answer) = try JSONReader.parse(run.stdout) else { return }
        #expect(answer["curve"] == .string("yieldspace"))
        let fixed = try #require(answer.number("fixedApy"))
        let spot = try #require(answer.number("spotApy"))
        #expect(abs(spot - 0.003) < 1e-9 && fixed < spot && fixed > 0.0028)
        // 10,000 USD at 230 USD per share, in pool shares at c.
        #expect(abs((answer.number("sharesIn") ?? 0) - 10_000.0 / 230) < 1e-9)
        let table = yieldstrip("lockin", "--market", Self.path, "--usd", "10000")
        #expect(table.exitCode == 0 && table.stdout.contains("c (base per pool share)") && table.stdout.contains("sellBase"))
        // A purchase the pool cannot fill: the rate would go below zero.
        let huge = yieldstrip("lockin", "--market", Self.path, "--usd", "1000000")
        #expect(huge.exitCode == 1 && huge.stderr.contains("NegativeInterestRatesNotAllowed"), "\(huge.stderr)")
    }

    /// `docs/cli.md` shows `market show`, `quote` and `lockin` on the file as they print.
    @Test func cliDocShowsTheCommands() throws {
        let doc = try String(contentsOfFile: CurvesDocTests.doc.replacingOccurrences(of: "curves.md", with: "cli.md"), encoding: .utf8)
        let relative = "examples/markets/yieldspace-aapl-like.json"
        for args in [["market", "show", "--market"], ["quote", "--market"], ["lockin", "--market"]] {
            let extra = args[0] == "quote" ? ["--buy-pt", "--amount", "100"] : args[0] == "lockin" ? ["--usd", "10000"] : []
            let run = CLI.run(arguments: args + [Self.path] + extra, stdin: "")
            #expect(run.exitCode == 0)
            let block = "$ yieldstrip " + (args + [relative] + extra).joined(separator: " ") + "\n" + run.stdout
            #expect(doc.contains(block), "docs/cli.md lacks\n\(block)")
        }
    }

    /// Commands that read Pendle markets only say so for a YieldSpace file, and name the ones that read it.
    @Test func pendleOnlyCommands() {
        let split = yieldstrip("split", "--tokens", "100", "--market", Self.path)
        #expect(split.exitCode == 1 && split.stderr.contains("a YieldSpace pool") && split.stderr.contains("depth, compare"))
    }
}
