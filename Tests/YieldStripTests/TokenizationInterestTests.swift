import Foundation
import Testing
import YieldStrip

/// YT interest: every case of `interest.json` to the wei (reverts included), the exact ``Wad`` path and the
/// `Double` path against it, accumulation along a path, negative yield and post-expiry.
@Suite struct TokenizationInterestTests {
    @Test func interestVectorsExact() throws {
        let cases = try Vectors.load("interest")
        #expect(cases.count == 450)
        var log = MismatchLog()
        var reverts = 0
        for (i, c) in cases.enumerated() {
            do throws(PendleError) {
                let r = try YTInterest.exactStep(
                    balance: c.uint256("balance"), prevIndex: c.uint256("prevIndex"),
                    curIndex: c.uint256("curIndex"), feeRate: c.uint256("feeRate"))
                if c.expectedError != nil {
                    log.error(i, .success(()), expected: c.expected)
                    continue
                }
                log.check(i, "interest", r.interest.description, c.expectedWad("interest"))
                log.check(i, "fee", r.fee.description, c.expectedWad("fee"))
                log.check(i, "paid", r.paid.description, c.expectedWad("paid"))
            } catch {
                reverts += 1
                log.error(i, .failure(error), expected: c.expected)
            }
        }
        #expect(log.lines.isEmpty, "\(log.summary)")
        #expect(reverts == 33)
    }

    /// The generic path (``Wad`` via `TokenizationScalar`, then `collect`) agrees with the vectors wherever
    /// the inputs fit int256, and `Double` agrees within its
    /// rounding bound on the successful ones.
    @Test func interestVectorsGenericScalars() throws {
        let cases = try Vectors.load("interest")
        var log = MismatchLog()
        var checkedDouble = 0
        for (i, c) in cases.enumerated() {
            guard let b = Int256(exactly: c.uint256("balance")), let p = Int256(exactly: c.uint256("prevIndex")),
                let q = Int256(exactly: c.uint256("curIndex")), let f = Int256(exactly: c.uint256("feeRate"))
            else { continue }
            do throws(PendleError) {
                let interest = try Wad.ytInterest(principal: Wad(raw: b), prevIndex: Wad(raw: p), currentIndex: Wad(raw: q))
                let (fee, paid) = try YTInterest.collect(accrued: interest, feeRate: Wad(raw: f))
                if c.expectedError != nil {
                    log.error(i, .success(()), expected: c.expected)
                    continue
                }
                log.check(i, "interest", interest.weiDescription, c.expectedWad("interest"))
                log.check(i, "fee", fee.weiDescription, c.expectedWad("fee"))
                log.check(i, "paid", paid.weiDescription, c.expectedWad("paid"))
                // Double: the indexes carry a relative error of ~1.1e-16 each, which (cur − prev) turns into
                // an absolute error of about balance · 2.2e-16 / prev in the interest.
                let expected = Double(c.expectedWad("interest"))! / 1e18
                let balance = Wad(raw: b).doubleValue
                let prev = Wad(raw: p).doubleValue
                let d = try Double.ytInterest(principal: balance, prevIndex: prev, currentIndex: Wad(raw: q).doubleValue)
                let bound = prev == 0 ? 0 : 1e-15 * balance / prev + 1e-14 * expected + 1e-18
                #expect(abs(d - expected) <= bound, "#\(i) double \(d) vs \(expected)")
                checkedDouble += 1
            } catch {
                log.error(i, .failure(error), expected: c.expected)
            }
        }
        #expect(log.lines.isEmpty, "\(log.summary)")
        #expect(checkedDouble > 300)
    }

    /// The contract's cases by hand: first touch, no change, falling index, uint128 overflow.
    @Test func interestEdgeCases() throws {
        let one = UInt256(1_000_000_000_000_000_000)
        let first = try YTInterest.exactStep(balance: one, prevIndex: .zero, curIndex: one, feeRate: .zero)
        #expect(first.interest == .zero && first.paid == .zero)
        // 100 YT from 1.0 to 1.25: 100 · 0.25 / 1.25 = 20 SY; fee 3 % = 0.6; paid 19.4.
        let r = try YTInterest.exactStep(
            balance: UInt256("100000000000000000000")!, prevIndex: one,
            curIndex: UInt256("1250000000000000000")!, feeRate: UInt256("30000000000000000")!)
        #expect(r.interest.description == "20000000000000000000")
        #expect(r.fee.description == "600000000000000000")
        #expect(r.paid.description == "19400000000000000000")
        #expect(throws: PendleError.arithmeticOverflow) {
            try YTInterest.exactStep(balance: one, prevIndex: UInt256("1000000000000000001")!, curIndex: one, feeRate: .zero)
        }
        #expect(throws: PendleError.castOutOfRange) {
            try YTInterest.exactStep(balance: .zero, prevIndex: .zero, curIndex: UInt256.max, feeRate: .zero)
        }
        #expect(throws: PendleError.arithmeticOverflow) {
            try Double.ytInterest(principal: 1, prevIndex: 1.2, currentIndex: 1.1)
        }
    }

    /// Accumulation telescopes to b · (1/I₀ − 1/Iₙ) within one wei per step; a falling rate accrues
    /// nothing until it recovers above the stored index; after expiry nothing accrues.
    @Test func accumulationNegativeYieldAndExpiry() throws {
        func w(_ s: String) -> Wad { Wad(decimal: s)! }
        let updates = [("1.01", 10), ("1.02", 20), ("0.99", 30), ("1.015", 40), ("1.03", 50), ("1.05", 60)]
            .map { ExchangeRateUpdate(time: Int64($0.1), exchangeRate: w($0.0)) }
        let acc = try YTInterest.accumulate(balance: w("1000"), startIndex: .one, updates: updates, feeRate: w("0.05"))
        #expect(acc.steps.map(\.pyIndex.description) == ["1.01", "1.02", "1.02", "1.02", "1.03", "1.05"])
        #expect(acc.steps[2].interest.isZero && acc.steps[3].interest.isZero)
        #expect(acc.steps.allSatisfy { !$0.interest.isNegative })
        // 1000 · (1 − 1/1.05) = 47.619047619047619047… SY; six floors lose at most 6 wei.
        let telescoped = Wad(raw: Int256("47619047619047619047")!)
        #expect(acc.accrued <= telescoped)
        #expect((try telescoped - acc.accrued).raw <= Int256(6))
        #expect(acc.fee == (try acc.accrued.mulDown(w("0.05"))))
        #expect(acc.paid == (try acc.accrued - acc.fee))

        // Expiry at t = 45: the update at 50 freezes firstPYIndex = 1.03, so 1.03 → 1.05 goes to the treasury.
        let expiring = try YTInterest.accumulate(balance: w("1000"), startIndex: .one, updates: updates, feeRate: .zero, expiry: 45)
        #expect(expiring.firstPYIndex == w("1.03"))
        #expect(expiring.steps.last?.interest.isZero == true)
        #expect(expiring.steps.last?.interestIndex == w("1.03"))
        #expect(abs(expiring.postExpiryIndexGrowth - 1.05 / 1.03) < 1e-15)
        // 1000 · (1 − 1/1.03) = 29.126213592233009708… SY.
        let frozen = Wad(raw: Int256("29126213592233009708")!)
        let shortfall = try frozen - expiring.accrued
        #expect(!shortfall.isNegative && shortfall.raw <= Int256(6))

        // Same path in Double.
        let real = try YTInterest.accumulate(
            balance: 1000.0, startIndex: 1.0,
            updates: updates.map { ExchangeRateUpdate(time: $0.time, exchangeRate: $0.exchangeRate.doubleValue) },
            feeRate: 0.05)
        #expect(abs(real.accrued - 1000 * (1 - 1 / 1.05)) < 1e-11)
        #expect(abs(real.accrued - acc.accrued.doubleValue) < 1e-11)
    }

    @Test func accumulationRejectsBadParameters() {
        #expect(throws: TokenizationError.invalidFeeRate(value: "1.5")) {
            try YTInterest.accumulate(balance: Wad.one, startIndex: .one, updates: [], feeRate: Wad(decimal: "1.5")!)
        }
        #expect(throws: TokenizationError.negativeAmount(line: 0, field: "balance", value: "-1")) {
            try YTInterest.accumulate(balance: Wad(decimal: "-1")!, startIndex: .one, updates: [], feeRate: .zero)
        }
    }

    /// Property: along random non-monotone rate paths the PY index never decreases and no step's interest
    /// is negative, in both scalars.
    @Test func propertyIndexMonotoneInterestNonNegative() throws {
        var rng = SplitMix64(seed: 0x7E57_0001)
        for _ in 0..<200 {
            var rate = 1.0 + Double(rng.next() % 1000) / 1000
            var updates: [ExchangeRateUpdate<Wad>] = []
            for t in 0..<20 {
                rate *= 1 + (Double(rng.next() % 2001) - 1000) / 50_000  // ±2 % moves
                updates.append(ExchangeRateUpdate(time: Int64(t), exchangeRate: Wad(rounding: rate)!))
            }
            let balance = Wad(raw: Int256(Int64(rng.next() % 1_000_000_000_000_000)) &* Int256(1000))
            let acc = try YTInterest.accumulate(balance: balance, startIndex: updates[0].exchangeRate, updates: updates, feeRate: .zero)
            var last = updates[0].exchangeRate
            for step in acc.steps {
                #expect(step.pyIndex >= last)
                #expect(!step.interest.isNegative)
                last = step.pyIndex
            }
            let path = try PYIndex.path(syExchangeRates: updates.map { $0.exchangeRate.doubleValue })
            #expect(zip(path, path.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}
