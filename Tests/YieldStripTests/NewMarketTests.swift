import Foundation
import Testing
import YieldStrip

/// `MarketDeployment.newMarket`: the curve by the band rule, the rule's proportion, the pool's value and the
/// implied APY read back, and the state exactly what the first `addLiquidityCore` and
/// `setInitialLnImpliedRate` leave; typed errors for every bad input; `MarketFile.jsonText` round trips.
@Suite struct NewMarketTests {
    static let blockTime: Int64 = 1_772_461_800  // 2026-03-02T14:30:00Z
    static let expiry: Int64 = 1_804_118_400  // 2027-03-04T00:00:00Z, a Thursday
    static let year = Double(RateConventions.secondsPerYear)

    static func aaplLike(
        apy: Double = 0.003, band: ApyBand? = ApyBand(min: 0.001, max: 0.01), pyIndex: Wad = Wad(weiText: "1003214142718150519") ?? .one,
        expiry: Int64 = expiry, blockTime: Int64 = blockTime, liquidityUsd: Double = 20_000_000
    ) throws -> NewMarket {
        try MarketDeployment.newMarket(
            impliedApy: apy, expiry: expiry, blockTime: blockTime, liquidityUsd: liquidityUsd, stockPrice: 230,
            apyBand: band, pyIndex: pyIndex, name: "AAPL-like", underlying: "AAPL")
    }

    /// The pool's value in asset as `market show` reads it: totalAsset + totalPt · exp(−lnImpliedRate · years).
    static func poolValue(_ file: MarketFile) throws -> (asset: Double, apy: Double) {
        let snapshot = try PendleMarketMath.snapshot(file.market, pyIndex: file.pyIndex, blockTime: try #require(file.blockTime))
        return (snapshot.totalAsset + snapshot.totalPt * snapshot.ptPriceInAsset, snapshot.impliedApy)
    }

    // MARK: Closed forms

    /// scalarRoot = ln 9 · years / (rMaxS − anchor), anchor = (rMinS + rMaxS) / 2, rS = (1 + r)^years; each rounded
    /// to the nearest wei; lnFeeRateRoot = ln(1 + fee).
    @Test func curveFollowsTheBandRule() throws {
        let built = try Self.aaplLike()
        let years = Double(Self.expiry - Self.blockTime) / Self.year
        let minScaled = pow(1.001, years)
        let maxScaled = pow(1.01, years)
        let anchor = (minScaled + maxScaled) / 2
        let scalarRoot = log(9) * years / (maxScaled - anchor)
        #expect(abs(built.file.market.scalarRoot.doubleValue / scalarRoot - 1) < 1e-15)
        #expect(abs(built.initialAnchor.doubleValue - anchor) < 1e-15)
        #expect(built.file.market.lnFeeRateRoot == Wad(rounding: log1p(0.001)))
        #expect(built.file.market.reserveFeePercent == 80 && built.file.market.expiry == Self.expiry)
        #expect(built.apyBand == ApyBand(min: 0.001, max: 0.01))
        // The band's ends map to PT proportions of 10 % and 90 %: logit = ±ln 9.
        for (rate, proportion) in [(0.001, 0.1), (0.01, 0.9)] {
            let logit = (pow(1 + rate, years) - anchor) * scalarRoot / years
            #expect(abs(1 / (1 + exp(-logit)) - proportion) < 1e-12)
        }
    }

    /// p = 1 / (1 + e^−logit), logit = (e^(ln(1 + apy) · years) − anchor) · scalarRoot / years; the pool holds PT and
    /// asset in that proportion.
    @Test func proportionPricesTheTargetApy() throws {
        let built = try Self.aaplLike()
        let years = Double(Self.expiry - Self.blockTime) / Self.year
        let scalarRoot = built.file.market.scalarRoot.doubleValue
        let anchor = built.initialAnchor.doubleValue
        let logit = (exp(log1p(0.003) * years) - anchor) * scalarRoot / years
        let proportion = 1 / (1 + exp(-logit))
        #expect(abs(built.initialProportion - proportion) < 1e-12)
        let totalAsset = try built.file.market.totalSy.syToAsset(index: built.file.pyIndex).doubleValue
        let totalPt = built.file.market.totalPt.doubleValue
        #expect(abs(totalPt / (totalPt + totalAsset) - proportion) < 1e-12)
    }

    /// The state is exactly the contract's first addLiquidityCore on an empty market, then setInitialLnImpliedRate
    /// with the anchor: LP = ⌊√(SY · PT)⌋ − 1000 to the account, 1000 wei to the reserve.
    @Test func stateIsTheExactFirstAddAndInitialRate() throws {
        let built = try Self.aaplLike()
        let market = built.file.market
        let empty = MarketState<Wad>(
            totalPt: .zero, totalSy: .zero, totalLp: .zero, scalarRoot: market.scalarRoot, expiry: market.expiry,
            lnFeeRateRoot: market.lnFeeRateRoot, reserveFeePercent: market.reserveFeePercent, lastLnImpliedRate: .zero)
        let added = try PendleMarketMath.addLiquidityCore(empty, syDesired: market.totalSy, ptDesired: market.totalPt, blockTime: Self.blockTime)
        let seeded = try PendleMarketMath.setInitialLnImpliedRate(
            added.market, pyIndex: built.file.pyIndex, initialAnchor: built.initialAnchor,
            blockTime: Self.blockTime)
        #expect(seeded == market)
        let root = try PMath.toInt(PMath.sqrt(PMath.mul(PMath.toUint(market.totalSy.raw), PMath.toUint(market.totalPt.raw))))
        #expect(market.totalLp.raw == root)
        #expect(built.lpToReserve == Wad(raw: Int256(1000)) && built.lpToAccount.raw == root &- Int256(1000))
        #expect(built.file.blockTime == Self.blockTime && built.file.stockPrice == 230 && built.file.name == "AAPL-like")
    }

    /// The implied APY and the pool's value read back at the block time are the targets, across rates, times to
    /// expiry, sizes and PY indexes.
    @Test func readsBackTheTargets() throws {
        for apy in [0.0001, 0.003, 0.05, 0.25, 2.0] {
            for seconds: Int64 in [3_600, 216_000, 182 * 86_400, 31_536_000, 3 * 31_536_000] {
                for (liquidity, index) in [(20_000_000.0, Wad.one), (1_234.5, Wad(raw: Int256(1_250_000_000_000_000_000)))] {
                    let built = try MarketDeployment.newMarket(
                        impliedApy: apy, expiry: Self.expiry, blockTime: Self.expiry - seconds,
                        liquidityUsd: liquidity, stockPrice: 230, pyIndex: index)
                    let (value, readApy) = try Self.poolValue(built.file)
                    #expect(abs(readApy / apy - 1) < 1e-9, "apy \(apy), \(seconds) s: \(readApy)")
                    #expect(abs(value * 230 / liquidity - 1) < 1e-12, "apy \(apy), \(seconds) s: \(value * 230)")
                    #expect(built.impliedApy == readApy && built.poolValueInAsset == value && built.poolValueUsd == value * 230)
                }
            }
        }
    }

    /// The default band is apy/3 … 3·apy (0 … 1 % at zero), where the rule seeds about 25 % PT.
    @Test func defaultBand() throws {
        #expect(ApyBand.around(0.003) == ApyBand(min: 0.003 / 3, max: 0.003 * 3))
        #expect(ApyBand.around(0) == ApyBand(min: 0, max: 0.01))
        let built = try Self.aaplLike(band: nil)
        #expect(built.apyBand == ApyBand.around(0.003))
        #expect(abs(built.initialProportion - 0.25) < 1e-4)
    }

    /// At a zero APY the rule prices an exchange rate of exactly 1, a wei from the contract's
    /// MarketExchangeRateBelowOne; the market is built at every time to expiry, at a rate of a few wei at most.
    @Test func zeroApy() throws {
        for days: Int64 in [1, 2, 30, 365, 500, 700, 1000, 2000, 3000] {
            let built = try Self.aaplLike(apy: 0, band: nil, pyIndex: .one, blockTime: Self.expiry - days * 86_400 - 3_600)
            #expect(built.file.market.lastLnImpliedRate < Wad(raw: Int256(100)), "\(days) days")
            #expect(abs(built.poolValueUsd / 20_000_000 - 1) < 1e-12)
        }
    }

    @Test func thursdayExpiry() throws {
        #expect(try Self.aaplLike().expiryIsThursdayMidnightUtc)
        #expect(try !Self.aaplLike(expiry: Self.expiry + 86_400).expiryIsThursdayMidnightUtc)
        #expect(MarketDeployment.isThursdayMidnightUtc(0))  // 1970-01-01 was a Thursday
        #expect(!MarketDeployment.isThursdayMidnightUtc(1_782_345_600 + 3_600))
    }

    // MARK: Errors

    @Test func badInputsAreTypedErrors() throws {
        func error(_ body: () throws -> NewMarket) -> NewMarketError? {
            do {
                _ = try body()
                return nil
            } catch let error as NewMarketError { return error } catch { return nil }
        }
        let cases: [(NewMarketError?, String)] = [
            (error { try Self.aaplLike(liquidityUsd: -1) }, "NonPositiveLiquidity"),
            (error { try Self.aaplLike(liquidityUsd: 0) }, "NonPositiveLiquidity"),
            (error { try Self.aaplLike(band: ApyBand(min: 0.01, max: 0.001)) }, "InvalidApyBand"),
            (error { try Self.aaplLike(band: ApyBand(min: 0.01, max: 0.01)) }, "InvalidApyBand"),
            (error { try Self.aaplLike(band: ApyBand(min: -0.01, max: 0.01)) }, "InvalidApyBand"),
            (error { try Self.aaplLike(apy: 0.02) }, "ApyOutsideBand"),
            (error { try Self.aaplLike(apy: -0.001, band: nil) }, "RateOutOfRange"),
            (error { try Self.aaplLike(apy: .nan) }, "NotFinite"),
            (error { try Self.aaplLike(expiry: Self.blockTime) }, "ExpiryNotAfterBlockTime"),
            (error { try Self.aaplLike(expiry: Self.blockTime - 86_400) }, "ExpiryNotAfterBlockTime"),
            (error { try Self.aaplLike(blockTime: -1) }, "TimeOutOfRange"),
            (error { try Self.aaplLike(pyIndex: .zero) }, "NonPositiveExchangeRate"),
            (error { try Self.aaplLike(liquidityUsd: 1e-20) }, "PoolTooSmall"),
            (error { try Self.aaplLike(liquidityUsd: 1e60) }, "PoolTooLarge"),
            (
                error {
                    try MarketDeployment.newMarket(
                        impliedApy: 0.003, expiry: Self.expiry, blockTime: Self.blockTime, liquidityUsd: 1e6,
                        stockPrice: 230, reserveFeePercent: 101)
                }, "InvalidReserveFeePercent"
            ),
            (
                error {
                    try MarketDeployment.newMarket(
                        impliedApy: 0.003, expiry: Self.expiry, blockTime: Self.blockTime, liquidityUsd: 1e6,
                        stockPrice: 230, annualFee: 0.06)
                }, "InvalidFee"
            ),
            (
                error {
                    try MarketDeployment.newMarket(
                        impliedApy: 0.003, expiry: Self.expiry, blockTime: Self.blockTime, liquidityUsd: 1e6,
                        stockPrice: 0)
                }, "NonPositivePrice"
            )
        ]
        for (error, name) in cases {
            let error = try #require(error, "\(name)")
            #expect(error.errorName == name)
            #expect(error.message.hasPrefix(name + ":") && error.message.contains("give"), "\(error.message)")
        }
        #expect(error { try Self.aaplLike(reserveFee: 100) } == nil)
    }

    // MARK: jsonText

    /// The serializer writes the example files' layout: each example file is exactly its own jsonText.
    @Test(arguments: ["aapl-like.json", "spy-like-near-expiry.json", "asdpendle-high-yield.json"])
    func exampleFilesAreTheirOwnJsonText(name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/markets").appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = try MarketFile.load(path: path)
        #expect(file.jsonText == text)
    }

    @Test func jsonTextRoundTrips() throws {
        let built = try Self.aaplLike()
        #expect(try MarketFile.parse(Array(built.file.jsonText.utf8), origin: built.file.origin) == built.file)
        // Optional fields absent, a fractional stock price, texts that need escaping.
        let bare = MarketFile(origin: "bare", market: built.file.market, pyIndex: built.file.pyIndex)
        #expect(try MarketFile.parse(Array(bare.jsonText.utf8), origin: "bare") == bare)
        #expect(!bare.jsonText.contains("name") && bare.jsonText.contains("\"curve\": \"pendle-v2\""))
        let texts = MarketFile(
            origin: "texts", market: built.file.market, pyIndex: built.file.pyIndex, name: "a \"quoted\"\nname ✓",
            underlying: "X", stockPrice: 229.57, blockTime: 0, source: "back\\slash", notes: "tab\there")
        #expect(try MarketFile.parse(Array(texts.jsonText.utf8), origin: "texts") == texts)
        #expect(texts.jsonText.contains("\"stockPrice\": 229.57,\n") && texts.jsonText.hasSuffix("  }\n}\n"))
    }
}

extension NewMarketTests {
    static func aaplLike(reserveFee: Int64) throws -> NewMarket {
        try MarketDeployment.newMarket(
            impliedApy: 0.003, expiry: expiry, blockTime: blockTime, liquidityUsd: 1e6, stockPrice: 230,
            reserveFeePercent: reserveFee)
    }
}
