import Testing
import YieldStripMath

/// The 256-bit integers against independent references: invariants of division (a = q·b + r, r < b),
/// the reciprocal division against the hardware one, decimal round trips, Solidity's signed semantics and
/// overflow reporting at the edges.
@Suite struct IntegerTests {
    @Test func divisionInvariants() {
        var g = SplitMix64(seed: 1)
        for _ in 0..<20_000 {
            let a = g.nextUInt256()
            let b = g.nextUInt256()
            guard !b.isZero else { continue }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(r < b)
            let (product, overflow) = q.multipliedReportingOverflow(by: b)
            #expect(!overflow)
            #expect(product.addingReportingOverflow(r) == (a, false))
        }
    }

    @Test func reciprocalDivisionMatchesHardwareDivision() {
        var g = SplitMix64(seed: 2)
        let divisors: [UInt64] = [1, 2, 3, 7, 10, 100, 10_000_000_000, 1_000_000_000_000_000_000, .max, 1 << 63, (1 << 63) - 1]
        for _ in 0..<5_000 {
            let a = g.nextUInt256()
            for d in divisors + [g.next() | 1, g.next() >> (g.next() % 64) | 1] {
                let reference = a.quotientAndRemainder(dividingBy: d)
                let fast = a.quotientAndRemainder(dividingBy: DivisorReciprocal(d)!)
                #expect(fast.quotient == reference.quotient && fast.remainder == reference.remainder, "\(a) / \(d)")
            }
        }
        #expect(DivisorReciprocal(0) == nil)
    }

    @Test func decimalRoundTripsAndEdges() {
        var g = SplitMix64(seed: 3)
        for _ in 0..<2_000 {
            let a = g.nextUInt256()
            #expect(UInt256(a.description) == a)
        }
        #expect(UInt256.max.description == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(UInt256("115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)
        #expect(Int256.min.description == "-57896044618658097711785492504343953926634992332820282019728792003956564819968")
        #expect(Int256("-57896044618658097711785492504343953926634992332820282019728792003956564819969") == nil)
        #expect(Int256("57896044618658097711785492504343953926634992332820282019728792003956564819968") == nil)
        #expect(UInt256("") == nil && UInt256("12a") == nil && UInt256("-1") == nil && Int256("--1") == nil)
    }

    @Test func soliditySignedSemantics() throws {
        // Truncation toward zero, for every sign combination.
        #expect(try PMath.div(Int256(-7), Int256(2)) == Int256(-3))
        #expect(try PMath.div(Int256(7), Int256(-2)) == Int256(-3))
        #expect(try PMath.div(Int256(-7), Int256(-2)) == Int256(3))
        // min / -1 overflows in checked arithmetic and wraps to min when unchecked.
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.div(Int256.min, Int256(-1)) }
        #expect(try PMath.divUnchecked(Int256.min, Int256(-1)) == Int256.min)
        #expect(throws: PendleError.divisionByZero) { try PMath.div(Int256(1), Int256.zero) }
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.neg(Int256.min) }
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.mul(Int256.max, Int256(2)) }
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.add(Int256.max, Int256.one) }
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.sub(Int256.min, Int256.one) }
        #expect(try PMath.mul(Int256.min, Int256.one) == Int256.min)
        #expect(throws: PendleError.arithmeticOverflow) { try PMath.mul(UInt256.max, UInt256(2)) }
        #expect(throws: PendleError.negative) { try PMath.subNoNeg(Int256(1), Int256(2)) }
    }

    @Test func wrappingMultiplicationMatchesTwosComplement() {
        var g = SplitMix64(seed: 4)
        for _ in 0..<5_000 {
            let a = Int256(bitPattern: g.nextUInt256())
            let b = Int256(bitPattern: g.nextUInt256())
            #expect(a &* b == Int256(bitPattern: a.bits &* b.bits))
        }
    }

    @Test func doubleConversionsRoundCorrectly() {
        #expect(UInt256(w0: 0, w1: 0, w2: 0, w3: 1 << 63).doubleValue == 0x1p255)
        // 2^64 + 1 is not representable: rounds to 2^64; 2^53 + 1 rounds to even (2^53).
        #expect(UInt256(w0: 1, w1: 1, w2: 0, w3: 0).doubleValue == 0x1p64)
        #expect(UInt256((1 << 53) + 1).doubleValue == 0x1p53)
        #expect(Wad(raw: Int256(1)).doubleValue == 1e-18)
        #expect(Wad(decimal: "0.1")!.doubleValue == 0.1)
        #expect(Wad(rounding: 0.1)!.raw == Int256(100_000_000_000_000_006))  // 0.1 is 0.1000000000000000055511…
        #expect(Wad(rounding: .nan) == nil && Wad(rounding: 1e70) == nil)
        // 2^-19 · 1e18 = 5^18 / 2 exactly: a tie, rounded to even (…812 and …438).
        #expect(Wad(rounding: 0x1p-19)!.raw == Int256(1_907_348_632_812))
        #expect(Wad(rounding: -0x3p-19)!.raw == Int256(-5_722_045_898_438))
    }
}
