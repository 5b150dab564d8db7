import Foundation
import Testing
import YieldStrip

/// Tolerances and grids shared by the rates tests.
enum RatesCheck {
    /// `u = 2^-53`, the unit roundoff of `Double`.
    static let u = Double.ulpOfOne / 2

    /// |actual − expected| ≤ tolerance · |expected| (exact equality when expected is 0).
    static func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double) -> Bool {
        if expected == 0 { return actual == 0 }
        return abs(actual - expected) <= tolerance * abs(expected)
    }

    /// The documented error bound of ``ImpliedRateQuote``: `(6 + 4x)·u`, x = max(lnImpliedRate, lnPtPerAsset).
    static func quoteBound(lnImpliedRate: Double, lnPtPerAsset: Double) -> Double {
        (6 + 4 * max(lnImpliedRate, lnPtPerAsset)) * u
    }

    static let apys: [Double] = [0, 1e-6, 0.001, 0.05, 1, 10]
    static let seconds: [Int64] = [1, 3600, 86_400, 182 * 86_400, 31_536_000, 63_072_000]
}

@Suite struct RatesTests {
    // MARK: Reference values

    /// 180 (form, input, time) points against mpmath values for the exact `Double` input, within the
    /// documented bound `(6 + 4x)·2^-53`.
    @Test func matchesHighPrecisionReference() throws {
        var failures: [String] = []
        var worst = 0.0
        for row in RatesReference.rows {
            let quote = try ImpliedRateQuote(row.form, row.input, secondsToExpiry: row.secondsToExpiry)
            let expected = row.expected.map { Double($0)! }
            let actual = [
                quote.impliedApy, quote.lnImpliedRate, quote.ptPriceInAsset, quote.ytPriceInAsset,
                quote.ptPerAsset, quote.lnPtPerAsset
            ]
            let bound = RatesCheck.quoteBound(lnImpliedRate: expected[1], lnPtPerAsset: expected[5])
            for (index, (a, e)) in zip(actual, expected).enumerated() {
                if e != 0 { worst = max(worst, abs(a - e) / abs(e) / bound) }
                if !RatesCheck.isClose(a, e, relative: bound) {
                    failures.append("\(row.form) \(row.input) t=\(row.secondsToExpiry) output \(index): \(a) vs \(e)")
                }
            }
        }
        #expect(RatesReference.rows.count == 180)
        #expect(failures.isEmpty, "\(failures.count) outside the bound:\n\(failures.prefix(10).joined(separator: "\n"))")
        // The bound is not vacuous: the worst case uses a visible part of it, and none exceeds it.
        #expect(worst > 0.01 && worst <= 1, "worst error / bound = \(worst)")
    }

    // MARK: Closed forms

    @Test func closedForms() throws {
        let year: Int64 = 31_536_000
        // 5 % APY over exactly one year: PT costs 1/1.05, 1 asset buys 1.05 PT.
        let fivePercent = try ImpliedRateQuote(impliedApy: 0.05, secondsToExpiry: year)
        #expect(RatesCheck.isClose(fivePercent.ptPriceInAsset, 1 / 1.05, relative: 4 * RatesCheck.u))
        #expect(RatesCheck.isClose(fivePercent.ptPerAsset, 1.05, relative: 4 * RatesCheck.u))
        #expect(RatesCheck.isClose(fivePercent.ytPriceInAsset, 0.05 / 1.05, relative: 8 * RatesCheck.u))
        #expect(RatesCheck.isClose(fivePercent.lnImpliedRate, 0.048790164169432003065, relative: 2 * RatesCheck.u))
        #expect(fivePercent.yearsToExpiry == 1)
        #expect(fivePercent.daysToExpiry == 365)
        // 100 % over one year: PT 0.5, YT 0.5, leverage 2; over two years PT 0.25, leverage 4/3.
        let doubling = try ImpliedRateQuote(impliedApy: 1, secondsToExpiry: year)
        #expect(RatesCheck.isClose(doubling.ptPriceInAsset, 0.5, relative: 4 * RatesCheck.u))
        #expect(RatesCheck.isClose(doubling.ytPriceInAsset, 0.5, relative: 4 * RatesCheck.u))
        #expect(RatesCheck.isClose(doubling.ytLeverage ?? 0, 2, relative: 8 * RatesCheck.u))
        #expect(RatesCheck.isClose(doubling.lnImpliedRate, M_LN2, relative: 2 * RatesCheck.u))
        let twoYears = try ImpliedRateQuote(impliedApy: 1, secondsToExpiry: 2 * year)
        #expect(RatesCheck.isClose(twoYears.ptPriceInAsset, 0.25, relative: 8 * RatesCheck.u))
        #expect(RatesCheck.isClose(twoYears.ptPerAsset, 4, relative: 8 * RatesCheck.u))
        #expect(RatesCheck.isClose(twoYears.ytLeverage ?? 0, 4.0 / 3, relative: 8 * RatesCheck.u))
        #expect(twoYears.yearsToExpiry == 2)
        // PT at 0.8 for half a year: APY = 0.8^-2 − 1 = 0.5625.
        let half = try ImpliedRateQuote(ptPriceInAsset: 0.8, secondsToExpiry: year / 2)
        #expect(RatesCheck.isClose(half.impliedApy, 0.5625, relative: 8 * RatesCheck.u))
        #expect(RatesCheck.isClose(half.ytLeverage ?? 0, 5, relative: 8 * RatesCheck.u))
        // Zero rate: every form is exact; YT leverage is undefined.
        for form in RateQuantity.allCases {
            let value: Double = form == .ptPriceInAsset || form == .ptPerAsset ? 1 : 0
            let zero = try ImpliedRateQuote(form, value, secondsToExpiry: 3600)
            #expect(zero.impliedApy == 0 && zero.lnImpliedRate == 0 && zero.lnPtPerAsset == 0)
            #expect(zero.ptPriceInAsset == 1 && zero.ptPerAsset == 1)
            #expect(zero.ytPriceInAsset == 0 && zero.ytPriceInAsset.sign == .plus)
            #expect(zero.ytLeverage == nil)
            #expect(zero.modifiedDuration == zero.yearsToExpiry)
        }
        // −0 inputs are the zero rate, not a negative one.
        let negativeZero = try ImpliedRateQuote(ytPriceInAsset: -0.0, secondsToExpiry: 60)
        #expect(negativeZero.lnImpliedRate.sign == .plus && negativeZero.ytPriceInAsset.sign == .plus)
    }

    /// Short times and tiny rates keep full relative precision in the YT price (no `1 − exp` cancellation).
    @Test func tinyRatesAndShortTimes() throws {
        // mpmath: 1 − 1.001^(−3600/31536000) and 1 − (1 + 1e-6)^(−1/31536000).
        let hour = try ImpliedRateQuote(impliedApy: 0.001, secondsToExpiry: 3600)
        #expect(RatesCheck.isClose(hour.ytPriceInAsset, 1.140982050300154242714e-7, relative: 1e-15))
        #expect(RatesCheck.isClose(hour.ytLeverage ?? 0, 8_764_379.770364778505643, relative: 1e-15))
        let second = try ImpliedRateQuote(impliedApy: 1e-6, secondsToExpiry: 1)
        #expect(RatesCheck.isClose(second.ytPriceInAsset, 3.17097761288786617898e-14, relative: 1e-15))
        // And back: the YT price alone recovers the APY to ~1e-15 despite PT = 1 − 3e-14.
        let back = try ImpliedRateQuote(ytPriceInAsset: second.ytPriceInAsset, secondsToExpiry: 1)
        #expect(RatesCheck.isClose(back.impliedApy, 1e-6, relative: 2e-15))
    }

    // MARK: Round trips

    /// From every form to every other form and back, at every grid point: the intermediate value is
    /// reproduced, and the rate moves only by the conditioning of the intermediate form (a price near 1
    /// carries the rate in absolute, not relative, terms).
    @Test func roundTripsBetweenEveryPair() throws {
        var failures: [String] = []
        var count = 0
        for apy in RatesCheck.apys {
            for seconds in RatesCheck.seconds {
                let origin = try ImpliedRateQuote(impliedApy: apy, secondsToExpiry: seconds)
                for from in RateQuantity.allCases {
                    let first = try ImpliedRateQuote(from, origin.value(of: from), secondsToExpiry: seconds)
                    let x = max(first.lnImpliedRate, first.lnPtPerAsset)
                    let bound = RatesCheck.quoteBound(lnImpliedRate: first.lnImpliedRate, lnPtPerAsset: first.lnPtPerAsset)
                    for through in RateQuantity.allCases {
                        count += 1
                        let value = first.value(of: through)
                        let second = try ImpliedRateQuote(through, value, secondsToExpiry: seconds)
                        // The form passed through is reproduced.
                        if !RatesCheck.isClose(second.value(of: through), value, relative: 2 * bound) {
                            failures.append("\(from)→\(through) \(apy) \(seconds): \(second.value(of: through)) vs \(value)")
                        }
                        // The rate: relative error 2·bound, plus the absolute error of ln of a price.
                        let rt = first.lnPtPerAsset
                        let absolute: Double
                        switch through {
                        case .ptPriceInAsset, .ptPerAsset: absolute = (6 + 4 * x) * RatesCheck.u
                        case .ytPriceInAsset: absolute = expm1(rt) * (6 + 4 * x) * RatesCheck.u
                        case .impliedApy, .lnImpliedRate: absolute = 0
                        }
                        if abs(second.lnPtPerAsset - rt) > 2 * bound * rt + absolute {
                            failures.append("\(from)→\(through) \(apy) \(seconds): rt \(second.lnPtPerAsset) vs \(rt)")
                        }
                        // Seconds and years are carried exactly.
                        if second.secondsToExpiry != seconds || second.yearsToExpiry != first.yearsToExpiry {
                            failures.append("\(from)→\(through): time changed")
                        }
                    }
                }
            }
        }
        #expect(count == 900)
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// The same rate at every grid point via `value(of:)`, the labeled initializers and `(expiry, now)`.
    @Test func constructorsAgree() throws {
        let expiry = try UnixTime.parse("2026-12-31")
        let now = try UnixTime.parse("2026-07-02")
        #expect(try RateConventions.secondsToExpiry(expiry: expiry, now: now) == 182 * 86_400)
        let byTime = try ImpliedRateQuote(.impliedApy, 0.05, expiry: expiry, now: now)
        let bySeconds = try ImpliedRateQuote(impliedApy: 0.05, secondsToExpiry: 182 * 86_400)
        #expect(byTime == bySeconds)
        #expect(
            try ImpliedRateQuote(lnImpliedRate: bySeconds.lnImpliedRate, secondsToExpiry: bySeconds.secondsToExpiry)
                == ImpliedRateQuote(.lnImpliedRate, bySeconds.lnImpliedRate, secondsToExpiry: bySeconds.secondsToExpiry))
        let days99: Int64 = 99 * 86_400
        #expect(
            try ImpliedRateQuote(ptPriceInAsset: 0.9, secondsToExpiry: days99)
                == ImpliedRateQuote(.ptPriceInAsset, 0.9, secondsToExpiry: days99))
        #expect(
            try ImpliedRateQuote(ytPriceInAsset: 0.1, secondsToExpiry: days99)
                == ImpliedRateQuote(.ytPriceInAsset, 0.1, secondsToExpiry: days99))
        #expect(
            try ImpliedRateQuote(ptPerAsset: 1.1, secondsToExpiry: days99)
                == ImpliedRateQuote(.ptPerAsset, 1.1, secondsToExpiry: days99))
        for form in RateQuantity.allCases {
            #expect(
                bySeconds.value(of: form)
                    == {
                        switch form {
                        case .impliedApy: return bySeconds.impliedApy
                        case .lnImpliedRate: return bySeconds.lnImpliedRate
                        case .ptPriceInAsset: return bySeconds.ptPriceInAsset
                        case .ytPriceInAsset: return bySeconds.ytPriceInAsset
                        case .ptPerAsset: return bySeconds.ptPerAsset
                        }
                    }())
        }
    }

    // MARK: Pendle's documented formula

    /// Pendle docs (Glossary): `impliedApy = (1 + ytPrice/ptPrice)^(365/daysToExpiry) − 1` is the same
    /// number as `e^lnImpliedRate − 1`. Evaluated stably (`expm1((365/days)·log1p(yt/pt))`) it agrees to
    /// the quote's bound at every grid point; evaluated literally with `pow`, to within the conditioning
    /// of `pow` (rounding `1 + yt/pt` is amplified by 365/days, ~3e7 at one second).
    @Test func pendleDocsImpliedApyAgrees() throws {
        var failures: [String] = []
        for apy in RatesCheck.apys {
            for seconds in RatesCheck.seconds {
                let quote = try ImpliedRateQuote(impliedApy: apy, secondsToExpiry: seconds)
                let pt = quote.ptPriceInAsset
                let yt = quote.ytPriceInAsset
                let exponent = 365 / quote.daysToExpiry
                let stable = expm1(exponent * log1p(yt / pt))
                let literal = pow(1 + yt / pt, exponent) - 1
                let bound = RatesCheck.quoteBound(lnImpliedRate: quote.lnImpliedRate, lnPtPerAsset: quote.lnPtPerAsset)
                if !RatesCheck.isClose(stable, apy, relative: 3 * bound) { failures.append("stable \(apy) \(seconds): \(stable)") }
                // pow's input error (~u·(1 + 8x)) times the exponent, then the "− 1" cancellation.
                let powError = (1 + apy) * (exponent * RatesCheck.u * (2 + 8 * quote.lnPtPerAsset) + 4 * RatesCheck.u)
                if abs(literal - apy) > powError + 2 * RatesCheck.u {
                    failures.append("literal \(apy) \(seconds): \(literal), allowed \(powError)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
        // Days to expiry in the docs formula are secondsToExpiry / 86,400 (fractional days allowed).
        let quote = try ImpliedRateQuote(ytPriceInAsset: 0.02, secondsToExpiry: 90 * 86_400 + 43_200)
        #expect(quote.daysToExpiry == 90.5)
        #expect(RatesCheck.isClose(pow(1 + 0.02 / 0.98, 365 / 90.5) - 1, quote.impliedApy, relative: 1e-13))
    }

    // MARK: Worked example (docs/conventions.md)

    /// APY 5 %, 182 days. Literals: mpmath, 60 digits.
    @Test func workedExample() throws {
        let q = try ImpliedRateQuote(impliedApy: 0.05, secondsToExpiry: 182 * 86_400)
        let tight = 8 * RatesCheck.u
        #expect(q.secondsToExpiry == 15_724_800)
        #expect(RatesCheck.isClose(q.yearsToExpiry, 0.49863013698630136986, relative: tight))
        #expect(q.daysToExpiry == 182)
        #expect(RatesCheck.isClose(q.lnImpliedRate, 0.048790164169432003065, relative: tight))
        #expect(RatesCheck.isClose(q.lnPtPerAsset, 0.024328246243388012487, relative: tight))
        #expect(RatesCheck.isClose(q.ptPerAsset, 1.0246265925270315747, relative: tight))
        #expect(RatesCheck.isClose(q.ptPriceInAsset, 0.9759653002306965999, relative: tight))
        #expect(RatesCheck.isClose(q.ytPriceInAsset, 0.024034699769303400100, relative: tight))
        #expect(RatesCheck.isClose(q.ytLeverage ?? 0, 41.606510986135904264, relative: tight))
        #expect(RatesCheck.isClose(q.impliedApy, 0.05, relative: tight))
        #expect(RatesCheck.isClose(q.ptReturnToExpiry, 0.024626592527031574726, relative: tight))
        #expect(RatesCheck.isClose(q.yield(.continuous), 0.048790164169432003065, relative: tight))
        #expect(RatesCheck.isClose(q.yield(.annual), 0.05, relative: tight))
        #expect(RatesCheck.isClose(q.yield(.semiAnnual), 0.049390153191919676644, relative: tight))
        #expect(RatesCheck.isClose(q.yield(.daily), 0.048793425246405727936, relative: tight))
        #expect(RatesCheck.isClose(q.yield(.simple), 0.049388496002013872389, relative: tight))
        #expect(RatesCheck.isClose(q.modifiedDuration, 0.47488584474885844749, relative: tight))
        #expect(RatesCheck.isClose(q.convexity, 0.67778879863698779068, relative: tight))
        #expect(RatesCheck.isClose(q.ptPriceChangePerBasisPoint, -4.6347210604562760909e-5, relative: tight))
        #expect(q.ytPriceChangePerBasisPoint == -q.ptPriceChangePerBasisPoint)
    }

    // MARK: Compounding and sensitivities

    @Test func compoundingConventionsAreConsistent() throws {
        for apy in RatesCheck.apys.dropFirst() {
            let q = try ImpliedRateQuote(impliedApy: apy, secondsToExpiry: 182 * 86_400)
            let r = q.lnImpliedRate
            // Yields decrease with compounding frequency, the continuous one is the limit.
            let ordered: [Compounding] = [.annual, .semiAnnual, .quarterly, .monthly, .daily, .continuous]
            let yields = ordered.map(q.yield)
            #expect(zip(yields, yields.dropFirst()).allSatisfy { $0 > $1 })
            // Each periodic yield compounds back to the same growth factor e^r.
            for c in ordered.dropLast() {
                let n = Double(c.periodsPerYear!)
                #expect(RatesCheck.isClose(n * log1p(q.yield(c) / n), r, relative: 8 * RatesCheck.u))
            }
            // Simple yield × T = PT return to expiry = PT per asset − 1.
            #expect(RatesCheck.isClose(q.yield(.simple) * q.yearsToExpiry, q.ptReturnToExpiry, relative: 4 * RatesCheck.u))
            #expect(abs(q.ptReturnToExpiry - (q.ptPerAsset - 1)) <= 4 * RatesCheck.u * q.ptPerAsset)
        }
        #expect(Compounding.continuous.periodsPerYear == nil && Compounding.simple.periodsPerYear == nil)
    }

    /// Duration and convexity against central finite differences of the PT price in the APY.
    @Test func durationAndConvexityMatchFiniteDifferences() throws {
        for apy: Double in [0.001, 0.05, 1, 10] {
            for seconds: Int64 in [86_400, 182 * 86_400, 63_072_000] {
                let h = 1e-4 * (1 + apy)
                let q = try ImpliedRateQuote(impliedApy: apy, secondsToExpiry: seconds)
                let up = try ImpliedRateQuote(impliedApy: apy + h, secondsToExpiry: seconds).ptPriceInAsset
                let down = try ImpliedRateQuote(impliedApy: apy - h, secondsToExpiry: seconds).ptPriceInAsset
                let p = q.ptPriceInAsset
                let slope = (up - down) / (2 * h)
                let curvature = (up - 2 * p + down) / (h * h)
                #expect(RatesCheck.isClose(-slope / p, q.modifiedDuration, relative: 1e-7))
                #expect(RatesCheck.isClose(curvature / p, q.convexity, relative: 1e-5))
                #expect(RatesCheck.isClose(q.ptPriceChangePerBasisPoint, slope * 1e-4, relative: 1e-7))
            }
        }
    }

    // MARK: Errors

    @Test func maturityExpired() throws {
        for seconds: Int64 in [0, -1, .min] {
            for form in RateQuantity.allCases {
                let error = #expect(throws: RateError.self) { try ImpliedRateQuote(form, 0.5, secondsToExpiry: seconds) }
                #expect(error?.errorName == "MaturityExpired")
                #expect(error?.errorArgs == [String(seconds)])
            }
        }
        let expiry = try UnixTime.parse("2026-12-31")
        for now in [expiry, expiry + 1] {
            let error = #expect(throws: RateError.self) { try RateConventions.secondsToExpiry(expiry: expiry, now: now) }
            #expect(error?.errorName == "MaturityExpired")
            #expect(error?.message.contains("expiry 2026-12-31T00:00:00Z is not after now") == true)
            #expect(throws: RateError.self) { try ImpliedRateQuote(.impliedApy, 0.05, expiry: expiry, now: now) }
        }
        #expect(try RateConventions.secondsToExpiry(expiry: expiry, now: expiry - 1) == 1)
        let overflow = #expect(throws: RateError.self) { try RateConventions.secondsToExpiry(expiry: .max, now: -1) }
        #expect(overflow?.errorName == "Overflow")
        #expect(overflow?.errorArgs == ["secondsToExpiry"])
    }

    @Test(arguments: [
        (RateQuantity.ptPriceInAsset, 0.0), (.ptPriceInAsset, -0.1), (.ptPriceInAsset, 1.0000000000000002),
        (.ptPriceInAsset, 2), (.ytPriceInAsset, 1), (.ytPriceInAsset, -1e-300), (.ytPriceInAsset, 1.5),
        (.ptPerAsset, 0.9999999999999999), (.ptPerAsset, 0), (.ptPerAsset, -3)
    ])
    func priceOutOfRange(form: RateQuantity, value: Double) {
        let error = #expect(throws: RateError.self) { try ImpliedRateQuote(form, value, secondsToExpiry: 3600) }
        #expect(error?.errorName == "PriceOutOfRange")
        #expect(error?.errorArgs == [form.rawValue, value.description])
        #expect(error?.message.hasPrefix("PriceOutOfRange: \(form.rawValue)") == true)
    }

    @Test func priceBoundsThatAreAllowed() throws {
        #expect(try ImpliedRateQuote(ptPriceInAsset: 1, secondsToExpiry: 1).lnImpliedRate == 0)
        #expect(try ImpliedRateQuote(ytPriceInAsset: 0, secondsToExpiry: 1).lnImpliedRate == 0)
        #expect(try ImpliedRateQuote(ptPerAsset: 1, secondsToExpiry: 1).lnImpliedRate == 0)
        #expect(try ImpliedRateQuote(ptPriceInAsset: 1e-300, secondsToExpiry: 31_536_000).ptPriceInAsset > 0)
        #expect(try ImpliedRateQuote(ytPriceInAsset: 0.9999999999999999, secondsToExpiry: 31_536_000).ytPriceInAsset < 1)
    }

    @Test(arguments: [
        (RateQuantity.impliedApy, -1.0), (.impliedApy, -1.5), (.impliedApy, -0.01), (.impliedApy, -1e-300),
        (.lnImpliedRate, -1e-9), (.lnImpliedRate, -5)
    ])
    func rateOutOfRange(form: RateQuantity, value: Double) {
        let error = #expect(throws: RateError.self) { try ImpliedRateQuote(form, value, secondsToExpiry: 3600) }
        #expect(error?.errorName == "RateOutOfRange")
        #expect(error?.errorArgs == [form.rawValue, value.description])
        let undefined = form == .impliedApy && value <= -1
        #expect(error?.message.contains(undefined ? "ln(1 + APY) is undefined" : "is negative") == true)
    }

    @Test func notFinite() {
        for form in RateQuantity.allCases {
            for value in [Double.nan, .infinity, -.infinity, .signalingNaN] {
                let error = #expect(throws: RateError.self) { try ImpliedRateQuote(form, value, secondsToExpiry: 3600) }
                #expect(error?.errorName == "NotFinite")
                #expect(error?.errorArgs.first == form.rawValue)
            }
        }
    }

    @Test(arguments: [
        // PT at half price one second before expiry: lnImpliedRate = ln 2 · 31,536,000, e^that overflows.
        (RateQuantity.ptPriceInAsset, 0.5, Int64(1), "impliedApy"),
        (.lnImpliedRate, 710, 1, "impliedApy"),
        (.impliedApy, 1e308, 63_072_000, "ptPerAsset"),
        (.ptPriceInAsset, .leastNonzeroMagnitude, 63_072_000, "ptPerAsset"),
        (.ptPriceInAsset, .leastNonzeroMagnitude, 31_536_000, "impliedApy"),
        (.ytPriceInAsset, 0.9999999999999999, 3600, "impliedApy")
    ])
    func overflow(form: RateQuantity, value: Double, seconds: Int64, quantity: String) {
        let error = #expect(throws: RateError.self) { try ImpliedRateQuote(form, value, secondsToExpiry: seconds) }
        #expect(error?.errorName == "Overflow")
        #expect(error?.errorArgs == [quantity])
    }

    @Test func largestRepresentableRatesStillWork() throws {
        let q = try ImpliedRateQuote(lnImpliedRate: 709, secondsToExpiry: 31_536_000)
        #expect(q.impliedApy.isFinite && q.ptPerAsset.isFinite && q.ptPriceInAsset > 0)
        #expect(RatesCheck.isClose(q.ytLeverage ?? 0, 1, relative: 4 * RatesCheck.u))
        // Tiny rate, leverage huge but finite; a rate whose YT price underflows has no leverage.
        #expect(try ImpliedRateQuote(lnImpliedRate: 1e-300, secondsToExpiry: 1).ytLeverage.map { $0 > 1e307 } == true)
        #expect(try ImpliedRateQuote(lnImpliedRate: .leastNonzeroMagnitude, secondsToExpiry: 1).ytLeverage == nil)
    }

    @Test func errorMessagesSayWhatToChange() {
        let messages: [String] = [
            RateError.maturityExpired(secondsToExpiry: 0, expiry: nil, now: nil).message,
            RateError.priceOutOfRange(quantity: "ptPriceInAsset", value: 1.2).message,
            RateError.priceOutOfRange(quantity: "ytPriceInAsset", value: 1).message,
            RateError.priceOutOfRange(quantity: "ptPerAsset", value: 0.5).message,
            RateError.rateOutOfRange(quantity: "impliedApy", value: -2).message,
            RateError.notFinite(quantity: "impliedApy", value: .nan).message,
            RateError.overflow(quantity: "impliedApy").message,
            RateError.overflow(quantity: "ptPerAsset").message
        ]
        #expect(messages[0] == "MaturityExpired: time to expiry is 0 s; it must be at least 1 s (expiry after now)")
        #expect(messages[1].contains("outside (0, 1]"))
        #expect(messages[2].contains("outside [0, 1)"))
        #expect(messages[3].contains("outside [1, ∞)"))
        #expect(messages[4].contains("give an APY ≥ 0"))
        #expect(messages[5] == "NotFinite: impliedApy is nan; give a finite number")
        #expect(messages[6].contains("a price far from 1 this close to expiry"))
        #expect(messages[7].contains("use a lower rate or a shorter time to expiry"))
        #expect(messages.allSatisfy { $0.contains(";") })
        #expect(RateError.overflow(quantity: "impliedApy").description == messages[6])
    }

    @Test func yearConvention() {
        #expect(RateConventions.secondsPerYear == 31_536_000)
        #expect(RateConventions.secondsPerYear == RateConventions.daysPerYear * RateConventions.secondsPerDay)
        #expect(RateConventions.yearsToExpiry(secondsToExpiry: 15_768_000) == 0.5)
        #expect(RateConventions.yearsToExpiry(secondsToExpiry: 31_622_400) == 366.0 / 365)  // a leap year is > 1
        #expect(RateConventions.daysToExpiry(secondsToExpiry: 3600) == 1.0 / 24)
    }
}
