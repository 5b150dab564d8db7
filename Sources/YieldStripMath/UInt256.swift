/// An unsigned 256-bit integer: Solidity's `uint256`.
///
/// Four little-endian 64-bit limbs (`w0` least significant). The checked operations report
/// overflow instead of trapping (``addingReportingOverflow(_:)``, ``multipliedReportingOverflow(by:)-(UInt256)``,
/// ``dividedReportingOverflow(by:)``); the `&+`, `&-`, `&*` operators wrap modulo 2^256 like Solidity's
/// `unchecked` blocks. Nothing here allocates.
///
/// Fast paths: operands whose upper 128 bits are zero multiply with four 64-bit products; a divisor that
/// fits in 64 bits divides limb by limb with the hardware's 128-by-64 division, one that fits in 128 bits
/// by two 256-by-128 steps; only a wider divisor takes Knuth's algorithm D.
@frozen
public struct UInt256: Sendable, Hashable {
    /// Limbs, least significant first.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    @inlinable
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    @inlinable
    public init(_ value: UInt64) { self.init(w0: value, w1: 0, w2: 0, w3: 0) }

    @inlinable
    public init(low128 value: UInt128) {
        self.init(w0: UInt64(truncatingIfNeeded: value), w1: UInt64(truncatingIfNeeded: value >> 64), w2: 0, w3: 0)
    }

    /// `value`, or nil when it is negative.
    @inlinable
    public init?(exactly value: Int) {
        guard value >= 0 else { return nil }
        self.init(UInt64(value))
    }

    public static let zero = UInt256(w0: 0, w1: 0, w2: 0, w3: 0)
    public static let one = UInt256(w0: 1, w1: 0, w2: 0, w3: 0)
    public static let max = UInt256(w0: .max, w1: .max, w2: .max, w3: .max)

    @inlinable public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// True when the value fits in 64 bits.
    @inlinable public var fitsInUInt64: Bool { (w1 | w2 | w3) == 0 }

    /// True when the value fits in 128 bits.
    @inlinable public var fitsInUInt128: Bool { (w2 | w3) == 0 }

    /// The low 128 bits.
    @inlinable public var low128: UInt128 { UInt128(w1) << 64 | UInt128(w0) }

    /// The high 128 bits.
    @inlinable public var high128: UInt128 { UInt128(w3) << 64 | UInt128(w2) }

    @inlinable
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// The number of significant bits (0 for zero).
    @inlinable public var bitLength: Int { 256 - leadingZeroBitCount }

    @inlinable
    subscript(limb index: Int) -> UInt64 {
        switch index {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }
}

// MARK: - Comparable

extension UInt256: Comparable {
    @inlinable
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }
}

// MARK: - Addition and subtraction

extension UInt256 {
    /// `self + other` modulo 2^256, and whether it overflowed.
    @inlinable
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (s0, c0) = w0.addingReportingOverflow(other.w0)
        var (s1, c1) = w1.addingReportingOverflow(other.w1)
        if c0 {
            let (t, c) = s1.addingReportingOverflow(1)
            s1 = t
            c1 = c1 || c
        }
        var (s2, c2) = w2.addingReportingOverflow(other.w2)
        if c1 {
            let (t, c) = s2.addingReportingOverflow(1)
            s2 = t
            c2 = c2 || c
        }
        var (s3, c3) = w3.addingReportingOverflow(other.w3)
        if c2 {
            let (t, c) = s3.addingReportingOverflow(1)
            s3 = t
            c3 = c3 || c
        }
        return (UInt256(w0: s0, w1: s1, w2: s2, w3: s3), c3)
    }

    /// `self - other` modulo 2^256, and whether it underflowed.
    @inlinable
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let (d0, b0) = w0.subtractingReportingOverflow(other.w0)
        var (d1, b1) = w1.subtractingReportingOverflow(other.w1)
        if b0 {
            let (t, b) = d1.subtractingReportingOverflow(1)
            d1 = t
            b1 = b1 || b
        }
        var (d2, b2) = w2.subtractingReportingOverflow(other.w2)
        if b1 {
            let (t, b) = d2.subtractingReportingOverflow(1)
            d2 = t
            b2 = b2 || b
        }
        var (d3, b3) = w3.subtractingReportingOverflow(other.w3)
        if b2 {
            let (t, b) = d3.subtractingReportingOverflow(1)
            d3 = t
            b3 = b3 || b
        }
        return (UInt256(w0: d0, w1: d1, w2: d2, w3: d3), b3)
    }

    /// Wrapping addition (Solidity `unchecked { a + b }`).
    @inlinable
    public static func &+ (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.addingReportingOverflow(rhs).partialValue }

    /// Wrapping subtraction (Solidity `unchecked { a - b }`).
    @inlinable
    public static func &- (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.subtractingReportingOverflow(rhs).partialValue }

    /// Bitwise complement.
    @inlinable
    public static prefix func ~ (x: UInt256) -> UInt256 { UInt256(w0: ~x.w0, w1: ~x.w1, w2: ~x.w2, w3: ~x.w3) }
}

// MARK: - Multiplication

extension UInt256 {
    /// The full 512-bit product, as (high, low) halves.
    @inlinable
    public func multipliedFullWidth(by other: UInt256) -> (high: UInt256, low: UInt256) {
        var r = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &r) { raw in
            let out = raw.bindMemory(to: UInt64.self)
            for i in 0..<4 {
                let a = self[limb: i]
                if a == 0 { continue }
                var carry: UInt64 = 0
                for j in 0..<4 {
                    let (hi, lo) = a.multipliedFullWidth(by: other[limb: j])
                    let (s1, c1) = lo.addingReportingOverflow(out[i + j])
                    let (s2, c2) = s1.addingReportingOverflow(carry)
                    out[i + j] = s2
                    carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
                }
                out[i + 4] = carry
            }
        }
        return (UInt256(w0: r.4, w1: r.5, w2: r.6, w3: r.7), UInt256(w0: r.0, w1: r.1, w2: r.2, w3: r.3))
    }

    /// `self * other` modulo 2^256, and whether the true product needs more than 256 bits.
    @inlinable
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        if fitsInUInt128 && other.fitsInUInt128 {
            // 128 × 128 → 256 bits: never overflows.
            let (h00, l00) = w0.multipliedFullWidth(by: other.w0)
            let (h01, l01) = w0.multipliedFullWidth(by: other.w1)
            let (h10, l10) = w1.multipliedFullWidth(by: other.w0)
            let (h11, l11) = w1.multipliedFullWidth(by: other.w1)
            // limb 1 = h00 + l01 + l10
            let (a1, ca) = h00.addingReportingOverflow(l01)
            let (b1, cb) = a1.addingReportingOverflow(l10)
            let carry1 = UInt64(ca ? 1 : 0) + UInt64(cb ? 1 : 0)
            // limb 2 = h01 + h10 + l11 + carry1
            let (a2, cc) = h01.addingReportingOverflow(h10)
            let (b2, cd) = a2.addingReportingOverflow(l11)
            let (d2, ce) = b2.addingReportingOverflow(carry1)
            let carry2 = UInt64(cc ? 1 : 0) + UInt64(cd ? 1 : 0) + UInt64(ce ? 1 : 0)
            return (UInt256(w0: l00, w1: b1, w2: d2, w3: h11 &+ carry2), false)
        }
        let (high, low) = multipliedFullWidth(by: other)
        return (low, !high.isZero)
    }

    /// Wrapping multiplication (Solidity `unchecked { a * b }`).
    @inlinable
    public static func &* (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.multipliedReportingOverflow(by: rhs).partialValue }

    /// `self * m` for a 64-bit multiplier, and whether it overflowed.
    @inlinable
    public func multipliedReportingOverflow(by m: UInt64) -> (partialValue: UInt256, overflow: Bool) {
        let (h0, l0) = w0.multipliedFullWidth(by: m)
        let (h1, l1) = w1.multipliedFullWidth(by: m)
        let (h2, l2) = w2.multipliedFullWidth(by: m)
        let (h3, l3) = w3.multipliedFullWidth(by: m)
        let (r1, c1) = l1.addingReportingOverflow(h0)
        var (r2, c2) = l2.addingReportingOverflow(h1)
        if c1 {
            let (t, c) = r2.addingReportingOverflow(1)
            r2 = t
            c2 = c2 || c
        }
        var (r3, c3) = l3.addingReportingOverflow(h2)
        if c2 {
            let (t, c) = r3.addingReportingOverflow(1)
            r3 = t
            c3 = c3 || c
        }
        return (UInt256(w0: l0, w1: r1, w2: r2, w3: r3), c3 || h3 != 0)
    }
}

// MARK: - Division

extension UInt256 {
    /// Quotient and remainder of `self / divisor`, rounding toward zero.
    ///
    /// `divisor` must not be zero (package-internal: callers check; the public door is
    /// ``dividedReportingOverflow(by:)``).
    @inlinable
    package func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if divisor.fitsInUInt64 {
            let (q, r) = quotientAndRemainder(dividingBy: divisor.w0)
            return (q, UInt256(r))
        }
        if self < divisor { return (.zero, self) }
        if fitsInUInt128 {
            let (q, r) = low128.quotientAndRemainder(dividingBy: divisor.low128)
            return (UInt256(low128: q), UInt256(low128: r))
        }
        if divisor.fitsInUInt128 {
            // Two-digit long division in base 2^128: the high digit, then the remainder with the low digit.
            let d = divisor.low128
            let (qHigh, rHigh) = high128.quotientAndRemainder(dividingBy: d)
            let (qLow, r) = d.dividingFullWidth((high: rHigh, low: low128))
            return (
                UInt256(
                    w0: UInt64(truncatingIfNeeded: qLow), w1: UInt64(truncatingIfNeeded: qLow >> 64),
                    w2: UInt64(truncatingIfNeeded: qHigh), w3: UInt64(truncatingIfNeeded: qHigh >> 64)),
                UInt256(low128: r)
            )
        }
        return UInt256.knuthDivide(self, divisor)
    }

    /// Quotient and remainder by a nonzero 64-bit divisor: four hardware 128-by-64 divisions at most
    /// (package-internal: the divisor must not be zero; public code divides by a ``DivisorReciprocal``).
    @inlinable
    package func quotientAndRemainder(dividingBy d: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        if fitsInUInt64 { return (UInt256(w0 / d), w0 % d) }
        var r: UInt64 = 0
        var q3: UInt64 = 0
        var q2: UInt64 = 0
        var q1: UInt64 = 0
        if w3 != 0 || r != 0 { (q3, r) = d.dividingFullWidth((r, w3)) }
        if w2 != 0 || r != 0 { (q2, r) = d.dividingFullWidth((r, w2)) }
        (q1, r) = d.dividingFullWidth((r, w1))
        let (q0, r0) = d.dividingFullWidth((r, w0))
        return (UInt256(w0: q0, w1: q1, w2: q2, w3: q3), r0)
    }

    /// `self / divisor` rounding toward zero; `overflow` is true (and the value `self`) when `divisor` is zero.
    @inlinable
    public func dividedReportingOverflow(by divisor: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        if divisor.isZero { return (self, true) }
        return (quotientAndRemainder(dividingBy: divisor).quotient, false)
    }

    /// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit digits; requires `v` ≥ 2^64 and `u` ≥ `v`.
    @usableFromInline
    static func knuthDivide(_ u: UInt256, _ v: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        let n = v.w3 != 0 ? 4 : (v.w2 != 0 ? 3 : 2)
        let m = (u.w3 != 0 ? 4 : (u.w2 != 0 ? 3 : 2)) - n
        let s = v[limb: n - 1].leadingZeroBitCount
        // Normalized divisor and dividend (the dividend gains one digit).
        var vn = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var un = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var qd = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &vn) { vRaw in
            withUnsafeMutableBytes(of: &un) { uRaw in
                withUnsafeMutableBytes(of: &qd) { qRaw in
                    let vd = vRaw.bindMemory(to: UInt64.self)
                    let ud = uRaw.bindMemory(to: UInt64.self)
                    let q = qRaw.bindMemory(to: UInt64.self)
                    for i in stride(from: n - 1, to: 0, by: -1) {
                        vd[i] = s == 0 ? v[limb: i] : (v[limb: i] << s) | (v[limb: i - 1] >> (64 - s))
                    }
                    vd[0] = v[limb: 0] << s
                    let top = u[limb: 3]
                    ud[4] = s == 0 ? 0 : top >> (64 - s)
                    for i in stride(from: 3, to: 0, by: -1) {
                        ud[i] = s == 0 ? u[limb: i] : (u[limb: i] << s) | (u[limb: i - 1] >> (64 - s))
                    }
                    ud[0] = u[limb: 0] << s
                    let vTop = UInt128(vd[n - 1])
                    let vNext = UInt128(vd[n - 2])
                    let base = UInt128(1) << 64
                    var j = m
                    while j >= 0 {
                        let num = UInt128(ud[j + n]) << 64 | UInt128(ud[j + n - 1])
                        var qhat = num / vTop
                        var rhat = num - qhat * vTop
                        while qhat >= base || qhat * vNext > (rhat << 64 | UInt128(ud[j + n - 2])) {
                            qhat -= 1
                            rhat += vTop
                            if rhat >= base { break }
                        }
                        // Multiply and subtract qhat · v from u[j ... j+n].
                        var borrow: UInt64 = 0
                        var carry: UInt64 = 0
                        let qh = UInt64(truncatingIfNeeded: qhat)
                        for i in 0..<n {
                            let (ph, pl) = qh.multipliedFullWidth(by: vd[i])
                            let (pl2, c) = pl.addingReportingOverflow(carry)
                            carry = ph &+ (c ? 1 : 0)
                            let (d1, b1) = ud[i + j].subtractingReportingOverflow(pl2)
                            let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                            ud[i + j] = d2
                            borrow = (b1 ? 1 : 0) + (b2 ? 1 : 0)
                        }
                        let (t1, b1) = ud[j + n].subtractingReportingOverflow(carry)
                        let (t2, b2) = t1.subtractingReportingOverflow(borrow)
                        ud[j + n] = t2
                        var qdigit = qh
                        if b1 || b2 {
                            // qhat was one too large: add v back.
                            qdigit &-= 1
                            var c: UInt64 = 0
                            for i in 0..<n {
                                let (s1, c1) = ud[i + j].addingReportingOverflow(vd[i])
                                let (s2, c2) = s1.addingReportingOverflow(c)
                                ud[i + j] = s2
                                c = (c1 ? 1 : 0) + (c2 ? 1 : 0)
                            }
                            ud[j + n] &+= c
                        }
                        q[j] = qdigit
                        j -= 1
                    }
                }
            }
        }
        // Unnormalize the remainder (the low n digits of un).
        var rem = UInt256.zero
        withUnsafeBytes(of: &un) { uRaw in
            let ud = uRaw.bindMemory(to: UInt64.self)
            var r = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &r) { rRaw in
                let rd = rRaw.bindMemory(to: UInt64.self)
                for i in 0..<n {
                    rd[i] = s == 0 ? ud[i] : (ud[i] >> s) | (ud[i + 1] << (64 - s))
                }
            }
            rem = UInt256(w0: r.0, w1: r.1, w2: r.2, w3: r.3)
        }
        return (UInt256(w0: qd.0, w1: qd.1, w2: qd.2, w3: qd.3), rem)
    }
}

// MARK: - Shifts

extension UInt256 {
    /// Logical left shift; bits shifted past 256 are lost. `amount` must be in 0...255 or larger (gives 0).
    @inlinable
    public static func << (x: UInt256, amount: Int) -> UInt256 {
        if amount <= 0 { return x }
        if amount >= 256 { return .zero }
        let limbs = amount / 64
        let bits = amount % 64
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &out) { raw in
            let o = raw.bindMemory(to: UInt64.self)
            for i in stride(from: 3, through: limbs, by: -1) {
                let src = i - limbs
                var v = x[limb: src] << bits
                if bits != 0 && src > 0 { v |= x[limb: src - 1] >> (64 - bits) }
                o[i] = v
            }
        }
        return UInt256(w0: out.0, w1: out.1, w2: out.2, w3: out.3)
    }

    /// Logical right shift.
    @inlinable
    public static func >> (x: UInt256, amount: Int) -> UInt256 {
        if amount <= 0 { return x }
        if amount >= 256 { return .zero }
        let limbs = amount / 64
        let bits = amount % 64
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &out) { raw in
            let o = raw.bindMemory(to: UInt64.self)
            for i in 0..<(4 - limbs) {
                let src = i + limbs
                var v = x[limb: src] >> bits
                if bits != 0 && src < 3 { v |= x[limb: src + 1] << (64 - bits) }
                o[i] = v
            }
        }
        return UInt256(w0: out.0, w1: out.1, w2: out.2, w3: out.3)
    }
}

// MARK: - Decimal text

extension UInt256: CustomStringConvertible, LosslessStringConvertible {
    /// Parses a plain decimal integer (digits only, optional leading `+`).
    /// Returns nil for anything else, including values of 2^256 or more.
    public init?(_ text: String) {
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty else { return nil }
        var value = UInt256.zero
        var sawDigit = false
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt256(UInt64(byte - UInt8(ascii: "0"))))
            if o1 || o2 { return nil }
            value = next
            sawDigit = true
        }
        guard sawDigit else { return nil }
        self = value
    }

    /// The decimal digits.
    public var description: String { DecimalDigits.text(magnitude: self) }
}

// MARK: - Double

extension UInt256 {
    /// The nearest `Double` (round to nearest, ties to even); values above 2^1024 cannot occur.
    @inlinable
    public var doubleValue: Double {
        if fitsInUInt64 { return Double(w0) }
        let shift = bitLength - 64
        let top = (self >> shift).w0
        // Fold every discarded bit into a sticky bit below the 53-bit rounding point.
        let discardedMask = (UInt256.one << shift) &- .one
        let sticky: UInt64 =
            (self.w0 & discardedMask.w0) | (self.w1 & discardedMask.w1)
                | (self.w2 & discardedMask.w2) | (self.w3 & discardedMask.w3) != 0 ? 1 : 0
        return Double(sign: .plus, exponent: shift, significand: Double(top | sticky))
    }

    /// The integer nearest to a finite, non-negative `value` (ties to even); nil when it is negative,
    /// not finite, or 2^256 or more.
    public init?(rounding value: Double) {
        guard value.isFinite, value >= 0 else { return nil }
        let rounded = value.rounded(.toNearestOrEven)
        if rounded == 0 {
            self = .zero
            return
        }
        let exponent = Int(rounded.exponent)
        guard exponent < 256 else { return nil }
        let significand = rounded.significandBitPattern | (1 << 52)
        if exponent >= 52 {
            self = UInt256(significand) << (exponent - 52)
        } else {
            self = UInt256(significand >> UInt64(52 - exponent))
        }
    }
}
