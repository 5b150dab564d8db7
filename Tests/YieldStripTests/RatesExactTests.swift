import Foundation
import Testing
import YieldStrip

/// The exact wad conversions (``ImpliedRateMath``): Pendle's reference vectors, the worked example,
/// every revert, and agreement with the `Double` quote.
@Suite struct RatesExactTests {
    static let year: Int64 = 31_536_000

    static func wad(_ text: String) -> Wad { Wad(raw: Int256(text)!) }

    // MARK: Pendle reference vectors (market_precompute.json, transliterated contract, EVM-checked)

    /// `feeRate = _getExchangeRateFromImpliedRate(lnFeeRateRoot, t)` of every successful
    /// `getMarketPreCompute` case, and the rate anchor rebuilt from
    /// `_getExchangeRateFromImpliedRate(lastLnImpliedRate, t)`: `rateAnchor = E − divDown(logit(p), rateScalar)`.
    /// The two `Invalid exponent` cases revert in the same function.
    @Test func exchangeRateMatchesPrecomputeVectors() throws {
        var checked = 0
        var reverts = 0
        var failures: [String] = []
        for (index, c) in try RatesVectorFile.load("market_precompute").enumerated() where c.op == "getMarketPreCompute" {
            let market = c.input["market"] as! [String: Any]
            let t = RatesVectorFile.int64(market["expiry"]) - RatesVectorFile.int64(c.input["blockTime"])
            let lastLnImpliedRate = Self.wad(market["lastLnImpliedRate"] as! String)
            if let error = c.expected["error"] as? String {
                guard error == "Invalid exponent" else { continue }
                reverts += 1
                do {
                    _ = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: lastLnImpliedRate, secondsToExpiry: t)
                    failures.append("#\(index): no revert")
                } catch {
                    if error.errorName != "Invalid exponent" { failures.append("#\(index): \(error.errorName)") }
                }
                continue
            }
            let feeRate = try ImpliedRateMath.exchangeRate(
                fromLnImpliedRate: Self.wad(market["lnFeeRateRoot"] as! String),
                secondsToExpiry: t)
            if feeRate.weiDescription != c.expected["feeRate"] as! String {
                failures.append("#\(index) feeRate \(feeRate.weiDescription) vs \(c.expected["feeRate"]!)")
            }
            let exchangeRate = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: lastLnImpliedRate, secondsToExpiry: t)
            let totalPt = Int256(market["totalPt"] as! String)!
            let totalAsset = Int256(c.expected["totalAsset"] as! String)!
            let rateScalar = Int256(c.expected["rateScalar"] as! String)!
            let proportion = try PMath.divDown(totalPt, PMath.add(totalPt, totalAsset))
            let logit = try LogExpMath.ln(PMath.divDown(proportion, PMath.sub(PMath.iOne, proportion)))
            let rateAnchor = try PMath.sub(exchangeRate.raw, PMath.divDown(logit, rateScalar))
            if rateAnchor.description != c.expected["rateAnchor"] as! String {
                failures.append("#\(index) rateAnchor \(rateAnchor) vs \(c.expected["rateAnchor"]!)")
            }
            checked += 1
        }
        #expect(checked == 333 && reverts == 2)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// `setInitialLnImpliedRate`: `lastLnImpliedRate = ⌊ln(rate0) · 31,536,000 / t⌋` with the pool's
    /// exchange rate `rate0 = divDown(logit(p), rateScalar) + initialAnchor`, for every successful case.
    @Test func lnImpliedRateMatchesSetInitialVectors() throws {
        var checked = 0
        var failures: [String] = []
        for (index, c) in try RatesVectorFile.load("market_precompute").enumerated()
        where c.op == "setInitialLnImpliedRate" && c.expected["error"] == nil {
            let market = c.input["market"] as! [String: Any]
            let t = RatesVectorFile.int64(market["expiry"]) - RatesVectorFile.int64(c.input["blockTime"])
            let totalPt = Int256(market["totalPt"] as! String)!
            let totalAsset = try SYUtils.syToAsset(
                UInt256(c.input["pyIndex"] as! String)!,
                Int256(market["totalSy"] as! String)!)
            let rateScalar = try PMath.div(
                PMath.mul(Int256(market["scalarRoot"] as! String)!, Int256(Self.year)),
                Int256(t))
            let proportion = try PMath.divDown(totalPt, PMath.add(totalPt, totalAsset))
            let logit = try LogExpMath.ln(PMath.divDown(proportion, PMath.sub(PMath.iOne, proportion)))
            let rate0 = try PMath.add(PMath.divDown(logit, rateScalar), Int256(c.input["initialAnchor"] as! String)!)
            let lnImpliedRate = try ImpliedRateMath.lnImpliedRate(fromExchangeRate: Wad(raw: rate0), secondsToExpiry: t)
            if lnImpliedRate.weiDescription != c.expected["lastLnImpliedRate"] as! String {
                failures.append("#\(index): \(lnImpliedRate.weiDescription) vs \(c.expected["lastLnImpliedRate"]!)")
            }
            checked += 1
        }
        #expect(checked == 52)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    // MARK: Worked example (docs/conventions.md)

    /// lnImpliedRate = ln 1.05 to the nearest wei, 182 days. True values (mpmath): e^rt = …574.226 wei,
    /// 1e36 / E = …600.59 wei, ln(E) · 365 / 182 = …001.65 wei.
    @Test func workedExample() throws {
        let lnImpliedRate = Wad(decimal: "0.048790164169432003")!
        let t: Int64 = 182 * 86_400
        // rt = ⌊48790164169432003 · 15724800 / 31536000⌋ = 24328246243388012 wei.
        let exchangeRate = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: lnImpliedRate, secondsToExpiry: t)
        #expect(exchangeRate.weiDescription == "1024626592527031574")
        #expect(exchangeRate.description == "1.024626592527031574")
        let ptPrice = try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: exchangeRate)
        #expect(ptPrice.weiDescription == "975965300230696600")
        let ytPrice = try ImpliedRateMath.ytPriceInAsset(fromExchangeRate: exchangeRate)
        #expect(ytPrice.weiDescription == "24034699769303400")
        let back = try ImpliedRateMath.lnImpliedRate(fromExchangeRate: exchangeRate, secondsToExpiry: t)
        #expect(back.weiDescription == "48790164169432000")  // 3 wei below: floor of rt, then floor of ln
        // The oracle form on dates: 2026-07-02 → 2026-12-31 is 182 days.
        let expiry = try UnixTime.parse("2026-12-31")
        let now = try UnixTime.parse("2026-07-02")
        #expect(try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: lnImpliedRate, expiry: expiry, now: now) == ptPrice)
        #expect(try ImpliedRateMath.ytPriceInAsset(fromLnImpliedRate: lnImpliedRate, expiry: expiry, now: now) == ytPrice)
        // And the Double quote agrees to ~1e-16.
        let quote = try ImpliedRateQuote(impliedApy: 0.05, secondsToExpiry: t)
        #expect(abs(quote.ptPerAsset - exchangeRate.doubleValue) <= 2e-16)
        #expect(abs(quote.ptPriceInAsset - ptPrice.doubleValue) <= 2e-16)
        #expect(abs(quote.ytPriceInAsset - ytPrice.doubleValue) <= 2e-17)
    }

    // MARK: Agreement with the Double quote

    /// At every (rate, time) grid point, exact and `Double` agree: exchange rate and PT price to the
    /// quote's relative bound plus the exact path's own rounding (~1e-18), the YT price to that plus
    /// 3 wei, and `lnImpliedRate` back from the exact exchange rate to ~5 wei · 31,536,000 / t.
    @Test func exactAgreesWithDouble() throws {
        var failures: [String] = []
        var worstRelative = 0.0
        for apy in RatesCheck.apys {
            for t in RatesCheck.seconds {
                let quote = try ImpliedRateQuote(impliedApy: apy, secondsToExpiry: t)
                guard let lnImpliedRate = Wad(rounding: quote.lnImpliedRate) else {
                    failures.append("no wad for \(quote.lnImpliedRate)")
                    continue
                }
                // The Double quote of the exact wad input (the rounding to wei is not the algorithms' error).
                let reference = try ImpliedRateQuote(lnImpliedRate: lnImpliedRate.doubleValue, secondsToExpiry: t)
                let rt = reference.lnPtPerAsset
                let tolerance =
                    RatesCheck.quoteBound(lnImpliedRate: reference.lnImpliedRate, lnPtPerAsset: rt)
                    + (2 + rt) * RatesCheck.u + 1e-17
                let exchangeRate = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: lnImpliedRate, secondsToExpiry: t)
                let ptPrice = try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: exchangeRate)
                let ytPrice = try ImpliedRateMath.ytPriceInAsset(fromExchangeRate: exchangeRate)
                let pairs = [
                    ("ptPerAsset", exchangeRate.doubleValue, reference.ptPerAsset),
                    ("ptPriceInAsset", ptPrice.doubleValue, reference.ptPriceInAsset)
                ]
                for (name, exact, double) in pairs {
                    let relative = abs(exact - double) / double
                    worstRelative = max(worstRelative, relative)
                    if relative > tolerance { failures.append("\(name) \(apy) \(t): \(exact) vs \(double)") }
                }
                if abs(ytPrice.doubleValue - reference.ytPriceInAsset) > tolerance * reference.ytPriceInAsset + 3e-18 {
                    failures.append("ytPriceInAsset \(apy) \(t): \(ytPrice.doubleValue) vs \(reference.ytPriceInAsset)")
                }
                let back = try ImpliedRateMath.lnImpliedRate(fromExchangeRate: exchangeRate, secondsToExpiry: t)
                let allowedWei = 5 * Self.year / t + 2
                let (difference, _) = lnImpliedRate.raw.subtractingReportingOverflow(back.raw)
                if difference.magnitude > UInt256(UInt64(allowedWei)) {
                    failures.append("lnImpliedRate back \(apy) \(t): \(back.weiDescription) vs \(lnImpliedRate.weiDescription)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        #expect(worstRelative < 1e-15, "worst relative difference \(worstRelative)")
    }

    /// Exact → Double → exact: a wad lnImpliedRate read as a `Double` quote at one year, then the
    /// quote's PT price converted back to wei, is within a few wei of the exact PT price.
    @Test func exactAndDoubleRoundTrip() throws {
        for text in ["0.000000000001", "0.001", "0.048790164169432003", "0.693147180559945309", "2.397895272798370544"] {
            let lnImpliedRate = Wad(decimal: text)!
            let exact = try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: lnImpliedRate, expiry: Self.year, now: 0)
            let quote = try ImpliedRateQuote(lnImpliedRate: lnImpliedRate.doubleValue, secondsToExpiry: Self.year)
            let viaDouble = Wad(rounding: quote.ptPriceInAsset)!
            let (difference, _) = viaDouble.raw.subtractingReportingOverflow(exact.raw)
            #expect(difference.magnitude <= UInt256(400), "\(text): \(viaDouble.weiDescription) vs \(exact.weiDescription)")
        }
    }

    // MARK: Domain edges and reverts

    @Test func edges() throws {
        // t = 0: exp(0) = 1 exactly (the contract does not reject it).
        #expect(try ImpliedRateMath.exchangeRate(fromLnImpliedRate: Wad(decimal: "5")!, secondsToExpiry: 0) == .one)
        // Zero rate: exchange rate 1, PT 1, YT 0, lnImpliedRate back 0.
        #expect(try ImpliedRateMath.exchangeRate(fromLnImpliedRate: .zero, secondsToExpiry: 63_072_000) == .one)
        #expect(try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: .one) == .one)
        #expect(try ImpliedRateMath.ytPriceInAsset(fromExchangeRate: .one) == .zero)
        #expect(try ImpliedRateMath.lnImpliedRate(fromExchangeRate: .one, secondsToExpiry: 1) == .zero)
        // The exponent may reach exactly 130e18: ln rate 130 over one year.
        let largest = try ImpliedRateMath.exchangeRate(fromLnImpliedRate: Wad(units: 130), secondsToExpiry: Self.year)
        #expect(largest.doubleValue > 2.87e56 && largest.doubleValue < 2.88e56)
        // 1 wei of exponent: rt floors to 0 below one wei.
        #expect(try ImpliedRateMath.exchangeRate(fromLnImpliedRate: Wad(raw: Int256(31_535_999)), secondsToExpiry: 1) == .one)
        #expect(
            try ImpliedRateMath.exchangeRate(fromLnImpliedRate: Wad(raw: Int256(31_536_000)), secondsToExpiry: 1)
                == Wad(raw: PMath.iOne &+ .one))
        // The oracle at and after expiry: PT = 1, YT = 0, whatever the rate.
        for now: Int64 in [1000, 1001, .max] {
            #expect(try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: Wad(units: 1000), expiry: 1000, now: now) == .one)
            #expect(try ImpliedRateMath.ytPriceInAsset(fromLnImpliedRate: Wad(units: 1000), expiry: 1000, now: now) == .zero)
        }
        // The oracle's time difference is 256-bit: no Int64 overflow before the exponent check.
        let farApart = #expect(throws: PendleError.self) {
            try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: Wad(decimal: "0.05")!, expiry: .max, now: .min)
        }
        #expect(farApart?.errorName == "Invalid exponent")
    }

    @Test(arguments: [
        ("-0.000000000000000001", Int64(3600), "Revert()"),  // PMath.Uint: lnImpliedRate is uint256
        ("0.05", -1, "Panic(0x11)"),  // expiry − blockTime underflow
        ("1", 131 * 31_536_000, "Invalid exponent"),  // rt = 131e18 > 130e18
        ("130.000000000000000001", 31_536_000, "Invalid exponent"),
        ("57896044618658097711785492504343953926634992332820282019728.792003956564819967", .max, "Panic(0x11)")
    ])
    func exchangeRateReverts(lnImpliedRate: String, seconds: Int64, name: String) {
        let error = #expect(throws: PendleError.self) {
            try ImpliedRateMath.exchangeRate(fromLnImpliedRate: Wad(decimal: lnImpliedRate)!, secondsToExpiry: seconds)
        }
        #expect(error?.errorName == name)
    }

    @Test(arguments: [
        ("0", Int64(3600), "out of bounds"),
        ("-1", 3600, "out of bounds"),
        ("0.999999999999999999", 3600, "Revert()"),  // ln < 0: PMath.Uint
        ("1.05", 0, "Panic(0x12)"),
        ("1.05", -1, "Panic(0x11)")
    ])
    func lnImpliedRateReverts(exchangeRate: String, seconds: Int64, name: String) {
        let error = #expect(throws: PendleError.self) {
            try ImpliedRateMath.lnImpliedRate(fromExchangeRate: Wad(decimal: exchangeRate)!, secondsToExpiry: seconds)
        }
        #expect(error?.errorName == name)
    }

    @Test func priceReverts() throws {
        let zero = #expect(throws: PendleError.self) { try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: .zero) }
        #expect(zero?.errorName == "Panic(0x12)")
        let negative = #expect(throws: PendleError.self) {
            try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: Wad(decimal: "-1")!)
        }
        #expect(negative?.errorName == "Revert()")
        // Exchange rate below 1: the PT price is above 1 and the YT price would be negative.
        #expect(try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: Wad(decimal: "0.5")!) == Wad(units: 2))
        let belowOne = #expect(throws: PendleError.self) {
            try ImpliedRateMath.ytPriceInAsset(fromExchangeRate: Wad(decimal: "0.999999999999999999")!)
        }
        #expect(belowOne?.errorName == "Panic(0x11)")
        let negativeRate = #expect(throws: PendleError.self) {
            try ImpliedRateMath.ptPriceInAsset(fromLnImpliedRate: Wad(decimal: "-0.01")!, expiry: 10, now: 0)
        }
        #expect(negativeRate?.errorName == "Revert()")
    }

    /// Rounding directions: the PT price is floored (never above 1e36 / E), so the YT price is rounded up.
    @Test func roundingDirections() throws {
        for text in ["1.000000000000000001", "1.024626592527031574", "1.3", "7.000000000000000003", "121"] {
            let rate = Wad(decimal: text)!
            let pt = try ImpliedRateMath.ptPriceInAsset(fromExchangeRate: rate)
            // pt · E ≤ 1e36 < (pt + 1) · E
            let one36 = PMath.one.multipliedReportingOverflow(by: PMath.one).partialValue
            let product = pt.raw.bits.multipliedReportingOverflow(by: rate.raw.bits).partialValue
            let next = (pt.raw.bits &+ .one).multipliedReportingOverflow(by: rate.raw.bits).partialValue
            #expect(product <= one36 && one36 < next, "\(text)")
        }
    }
}

/// Minimal loader of the `Vectors/*.json` resources for these tests.
private enum RatesVectorFile {
    struct Case {
        var op: String?
        var input: [String: Any]
        var expected: [String: Any]
    }

    static func load(_ name: String) throws -> [Case] {
        let url = try TestVectors.url(name)
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let cases = root?["cases"] as? [[String: Any]] ?? []
        return cases.map {
            Case(
                op: $0["op"] as? String, input: $0["input"] as? [String: Any] ?? [:],
                expected: $0["expected"] as? [String: Any] ?? [:])
        }
    }

    static func int64(_ value: Any?) -> Int64 { (value as? NSNumber)?.int64Value ?? .min }
}
