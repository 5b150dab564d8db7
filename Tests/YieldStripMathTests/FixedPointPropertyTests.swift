import Foundation
import Testing
import YieldStripMath

/// Properties of the fixed-point operations against exact references: rounding direction and size of
/// `mulDown`, `divDown`, `rawDivUp` and the SY conversions (checked with 512-bit products), `ln` and `exp`
/// against `Double` and against each other, and the domain edges.
@Suite struct FixedPointPropertyTests {
    static let one = PMath.one

    @Test func mulDownIsTheFloorOfTheExactProduct() throws {
        var g = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let a = g.nextUInt256(bits: 160)
            let b = g.nextUInt256(bits: 160)
            let (high, low) = a.multipliedFullWidth(by: b)
            guard high.isZero else {
                #expect(throws: PendleError.arithmeticOverflow) { try PMath.mulDown(a, b) }
                continue
            }
            let result = try PMath.mulDown(a, b)
            // result · 1e18 ≤ a · b < (result + 1) · 1e18
            let (lower, o1) = result.multipliedReportingOverflow(by: Self.one)
            #expect(!o1 && lower <= low)
            let (upper, o2) = (result &+ .one).multipliedReportingOverflow(by: Self.one)
            #expect(o2 || upper > low)
        }
    }

    @Test func divDownAndRawDivUpBracketTheQuotient() throws {
        var g = SplitMix64(seed: 12)
        for _ in 0..<5_000 {
            let a = g.nextUInt256(bits: 190)
            let b = g.nextUInt256(bits: 200)
            guard !b.isZero else {
                #expect(throws: PendleError.divisionByZero) { try PMath.divDown(a, b) }
                continue
            }
            let down = try PMath.divDown(a, b)
            let scaled = try PMath.mul(a, Self.one)
            // down · b ≤ a · 1e18 < (down + 1) · b
            #expect(try PMath.mul(down, b) <= scaled)
            #expect((down &+ .one).multipliedReportingOverflow(by: b).overflow || (down &+ .one) &* b > scaled)
            // rawDivUp is the ceiling for non-negative operands.
            if let up = try? PMath.rawDivUp(a, b) {
                #expect(
                    up == a.quotientAndRemainder(dividingBy: b).quotient &+ (a.quotientAndRemainder(dividingBy: b).remainder.isZero ? .zero : .one))
            }
        }
    }

    @Test func signedRoundingIsTowardZero() throws {
        var g = SplitMix64(seed: 13)
        for _ in 0..<2_000 {
            let a = Int256(bitPattern: g.nextUInt256(bits: 120))
            let b = Int256(bitPattern: g.nextUInt256(bits: 80) &+ .one)
            let positive = try PMath.mulDown(a, b)
            #expect(try PMath.mulDown(a.negatedWrapping, b) == positive.negatedWrapping)
            #expect(try PMath.divDown(a.negatedWrapping, b) == (try PMath.divDown(a, b)).negatedWrapping)
            // The signed SY conversions are the unsigned ones on |x| with the sign put back.
            let index = g.nextUInt256(bits: 62) &+ Self.one
            #expect(try SYUtils.assetToSyUp(index, a.negatedWrapping) == Int256(exactly: try SYUtils.assetToSyUp(index, a.bits))!.negatedWrapping)
        }
    }

    @Test func syConversionsRoundTripWithinOneWei() throws {
        var g = SplitMix64(seed: 14)
        for _ in 0..<5_000 {
            let sy = g.nextUInt256(bits: 120)
            let index = g.nextUInt256(bits: 62) &+ Self.one  // index ≥ 1
            let asset = try SYUtils.syToAsset(index, sy)
            let back = try SYUtils.assetToSy(index, asset)
            let backUp = try SYUtils.assetToSyUp(index, try SYUtils.syToAssetUp(index, sy))
            // Floors lose at most one wei of SY (index ≥ 1); ceilings never lose.
            #expect(back <= sy && sy &- back <= .one)
            #expect(backUp >= sy)
        }
    }

    @Test func lnAndExpAgreeWithDoubleAndInvertEachOther() throws {
        var g = SplitMix64(seed: 15)
        for _ in 0..<3_000 {
            // x from 1e-18 to 1e30 (log-uniform), as wad.
            let exponent = Double(g.next() % 10_000) / 10_000 * 48 - 18
            guard let x = Int256(rounding: pow(10, exponent) * 1e18), x.isPositive else { continue }
            let ln = try LogExpMath.ln(x)
            let reference = log(Wad(raw: x).doubleValue)
            // The Double reference itself carries ~1.1e-16 absolute (its argument's rounding) plus ~1e-16
            // relative; the wei-level accuracy is the reference vectors' (checked against 80-digit decimals).
            #expect(abs(Wad(raw: ln).doubleValue - reference) <= 3e-16 + 4.5e-16 * abs(reference))
            // exp(ln x) ≈ x to within the wad resolution of ln: |Δ| ≤ x · (few wei of ln) + a few wei.
            if ln <= LogExpMath.maxNaturalExponent && ln >= LogExpMath.minNaturalExponent {
                let back = try LogExpMath.exp(ln)
                let difference = abs(back.doubleValue - x.doubleValue)
                #expect(difference <= x.doubleValue * 1e-17 + 100, "exp(ln(\(x))) = \(back)")
            }
        }
    }

    @Test func domainEdges() throws {
        #expect(throws: PendleError.lnOutOfBounds) { try LogExpMath.ln(.zero) }
        #expect(throws: PendleError.lnOutOfBounds) { try LogExpMath.ln(Int256(-1)) }
        #expect(try LogExpMath.ln(PMath.iOne) == .zero)
        #expect(try LogExpMath.exp(.zero) == PMath.iOne)
        #expect(throws: PendleError.invalidExponent) { try LogExpMath.exp(LogExpMath.maxNaturalExponent &+ .one) }
        #expect(throws: PendleError.invalidExponent) { try LogExpMath.exp(LogExpMath.minNaturalExponent &- .one) }
        #expect(try LogExpMath.exp(LogExpMath.maxNaturalExponent) > .zero)
        #expect(try LogExpMath.ln(Int256.max) > .zero)  // the largest argument is in the domain
        #expect(try LogExpMath.ln(.one) == Int256("-41446531673892822312"))  // ln(1e-18)
        #expect(PMath.sqrt(UInt256.max) == UInt256("340282366920938463463374607431768211455"))
        #expect(PMath.sqrt(.zero) == .zero && PMath.sqrt(UInt256(3)) == .one && PMath.sqrt(UInt256(4)) == UInt256(2))
        #expect(try PMath.mulDown(UInt256.max, .one) == UInt256.max.quotientAndRemainder(dividingBy: PMath.one).quotient)
        #expect(throws: PendleError.castOutOfRange) { try PMath.toInt(UInt256.max) }
        #expect(throws: PendleError.castOutOfRange) { try PMath.toUint(Int256(-1)) }
    }
}
