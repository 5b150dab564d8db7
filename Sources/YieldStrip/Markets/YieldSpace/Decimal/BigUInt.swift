/// An unsigned integer of any size, for ``YieldDecimal``'s coefficients and its fixed-point `ln`/`exp`.
///
/// Little-endian 32-bit limbs with no leading zero limb (zero has none), so that equal values are equal
/// arrays. Schoolbook multiplication and Knuth's long division (Algorithm D): the numbers here have a few
/// hundred bits, where nothing cleverer pays.
struct BigUInt: Hashable, Sendable, Comparable {
    private(set) var limbs: [UInt32]

    static let zero = BigUInt(limbs: [])
    static let one = BigUInt(1)

    init(limbs: [UInt32]) {
        self.limbs = limbs
        normalize()
    }

    init(_ value: UInt64) {
        self.init(limbs: [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)])
    }

    init(_ value: UInt256) {
        let words = [value.w0, value.w1, value.w2, value.w3]
        self.init(limbs: words.flatMap { [UInt32(truncatingIfNeeded: $0), UInt32(truncatingIfNeeded: $0 >> 32)] })
    }

    /// The value of a string of decimal digits (nothing else); nil for an empty string or another character.
    init?(decimalDigits text: Substring) {
        guard !text.isEmpty else { return nil }
        var value = BigUInt.zero
        var chunk: UInt32 = 0
        var chunkDigits = 0
        for byte in text.utf8 {
            guard byte >= 48, byte <= 57 else { return nil }
            chunk = chunk * 10 + UInt32(byte - 48)
            chunkDigits += 1
            if chunkDigits == 9 {
                value = value.multipliedAdding(1_000_000_000, chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 { value = value.multipliedAdding(BigUInt.smallPowersOfTen[chunkDigits], chunk) }
        self = value
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    var isZero: Bool { limbs.isEmpty }

    /// The number of significant bits (0 for zero).
    var bitWidth: Int { limbs.isEmpty ? 0 : limbs.count * 32 - limbs[limbs.count - 1].leadingZeroBitCount }

    /// The value when it fits a `UInt64`.
    var uint64Value: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return UInt64(limbs[0])
        case 2: return UInt64(limbs[1]) << 32 | UInt64(limbs[0])
        default: return nil
        }
    }

    /// The value when it fits a `UInt256`.
    var uint256Value: UInt256? {
        guard limbs.count <= 8 else { return nil }
        var words = [UInt64](repeating: 0, count: 4)
        for (i, limb) in limbs.enumerated() { words[i / 2] |= UInt64(limb) << (32 * UInt64(i % 2)) }
        return UInt256(w0: words[0], w1: words[1], w2: words[2], w3: words[3])
    }

    /// The nearest `Double` (to within one unit in the last place).
    var doubleValue: Double {
        var result = 0.0
        for limb in limbs.reversed() { result = result * 4_294_967_296.0 + Double(limb) }
        return result
    }

    static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        var i = lhs.limbs.count - 1
        while i >= 0 {
            if lhs.limbs[i] != rhs.limbs[i] { return lhs.limbs[i] < rhs.limbs[i] }
            i -= 1
        }
        return false
    }

    static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let (long, short) = lhs.limbs.count >= rhs.limbs.count ? (lhs.limbs, rhs.limbs) : (rhs.limbs, lhs.limbs)
        var result = [UInt32](repeating: 0, count: long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let sum = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            result[i] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        result[long.count] = UInt32(carry)
        return BigUInt(limbs: result)
    }

    /// `lhs − rhs`; `lhs` must not be smaller than `rhs`.
    static func - (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        // An invariant: `YieldDecimal` and `BinaryFixed` subtract the smaller magnitude from the larger (the sign
        // carries the rest).
        precondition(!(lhs < rhs), "BigUInt subtraction below zero")
        var result = lhs.limbs
        var borrow: Int64 = 0
        for i in 0..<result.count {
            let difference = Int64(result[i]) - (i < rhs.limbs.count ? Int64(rhs.limbs[i]) : 0) - borrow
            result[i] = UInt32(truncatingIfNeeded: difference)
            borrow = difference < 0 ? 1 : 0
            if borrow == 0, i >= rhs.limbs.count { break }
        }
        return BigUInt(limbs: result)
    }

    static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        if lhs.isZero || rhs.isZero { return .zero }
        if rhs.limbs.count == 1 { return lhs.multiplied(by: rhs.limbs[0]) }
        if lhs.limbs.count == 1 { return rhs.multiplied(by: lhs.limbs[0]) }
        var result = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        result.withUnsafeMutableBufferPointer { out in
            lhs.limbs.withUnsafeBufferPointer { a in
                rhs.limbs.withUnsafeBufferPointer { b in
                    for i in 0..<a.count {
                        let ai = UInt64(a[i])
                        if ai == 0 { continue }
                        var carry: UInt64 = 0
                        for j in 0..<b.count {
                            let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                            out[i + j] = UInt32(truncatingIfNeeded: t)
                            carry = t >> 32
                        }
                        out[i + b.count] = UInt32(truncatingIfNeeded: carry)
                    }
                }
            }
        }
        return BigUInt(limbs: result)
    }

    func multiplied(by factor: UInt32) -> BigUInt { multipliedAdding(factor, 0) }

    /// `self · factor + addend`.
    func multipliedAdding(_ factor: UInt32, _ addend: UInt32) -> BigUInt {
        var result = [UInt32](repeating: 0, count: limbs.count + 1)
        var carry = UInt64(addend)
        for i in 0..<limbs.count {
            let t = UInt64(limbs[i]) * UInt64(factor) + carry
            result[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        result[limbs.count] = UInt32(truncatingIfNeeded: carry)
        return BigUInt(limbs: result)
    }

    /// Quotient and remainder by a nonzero 32-bit divisor.
    func quotientAndRemainder(dividingBy divisor: UInt32) -> (quotient: BigUInt, remainder: UInt32) {
        // An invariant: the divisors are constants (10, 10^9, 2, a series term's 2k + 1), never input.
        precondition(divisor != 0, "BigUInt division by zero")
        var result = limbs
        var remainder: UInt64 = 0
        var i = result.count - 1
        while i >= 0 {
            let current = remainder << 32 | UInt64(result[i])
            result[i] = UInt32(truncatingIfNeeded: current / UInt64(divisor))
            remainder = current % UInt64(divisor)
            i -= 1
        }
        return (BigUInt(limbs: result), UInt32(remainder))
    }

    /// Quotient and remainder by a nonzero divisor (Knuth, TAOCP vol. 2, 4.3.1, Algorithm D).
    func quotientAndRemainder(dividingBy divisor: BigUInt) -> (quotient: BigUInt, remainder: BigUInt) {
        // An invariant: `YieldDecimal.divided(by:)` checks its divisor first, and the pool's inputs are refused
        // before any division (zero reserves, c, mu, ts, a: `YieldSpaceMath`'s checks).
        precondition(!divisor.isZero, "BigUInt division by zero")
        if self < divisor { return (.zero, self) }
        if divisor.limbs.count == 1 {
            let (q, r) = quotientAndRemainder(dividingBy: divisor.limbs[0])
            return (q, BigUInt(UInt64(r)))
        }
        let n = divisor.limbs.count
        let m = limbs.count
        let shift = divisor.limbs[n - 1].leadingZeroBitCount
        let v = (divisor << shift).limbs
        var u = (self << shift).limbs
        if u.count == m { u.append(0) }
        var q = [UInt32](repeating: 0, count: m - n + 1)
        let base: UInt64 = 1 << 32
        var j = m - n
        while j >= 0 {
            let numerator = UInt64(u[j + n]) << 32 | UInt64(u[j + n - 1])
            var qhat = numerator / UInt64(v[n - 1])
            var rhat = numerator % UInt64(v[n - 1])
            while qhat >= base || qhat * UInt64(v[n - 2]) > (rhat << 32 | UInt64(u[j + n - 2])) {
                qhat -= 1
                rhat += UInt64(v[n - 1])
                if rhat >= base { break }
            }
            // u[j...j+n] -= qhat · v
            var borrow: Int64 = 0
            for i in 0..<n {
                let product = qhat * UInt64(v[i])
                let t = Int64(u[i + j]) - borrow - Int64(product & 0xFFFF_FFFF)
                u[i + j] = UInt32(truncatingIfNeeded: t)
                borrow = Int64(product >> 32) - (t >> 32)
            }
            let top = Int64(u[j + n]) - borrow
            u[j + n] = UInt32(truncatingIfNeeded: top)
            if top < 0 {
                // qhat was one too large: add v back.
                qhat -= 1
                var carry: UInt64 = 0
                for i in 0..<n {
                    let t = UInt64(u[i + j]) + UInt64(v[i]) + carry
                    u[i + j] = UInt32(truncatingIfNeeded: t)
                    carry = t >> 32
                }
                u[j + n] = u[j + n] &+ UInt32(truncatingIfNeeded: carry)
            }
            q[j] = UInt32(truncatingIfNeeded: qhat)
            j -= 1
        }
        return (BigUInt(limbs: q), BigUInt(limbs: Array(u[0..<n])) >> shift)
    }

    static func << (value: BigUInt, shift: Int) -> BigUInt {
        if shift <= 0 || value.isZero { return shift < 0 ? value >> -shift : value }
        let whole = shift / 32
        let bits = shift % 32
        var result = [UInt32](repeating: 0, count: value.limbs.count + whole + 1)
        for i in 0..<value.limbs.count {
            let wide = UInt64(value.limbs[i]) << UInt64(bits)
            result[i + whole] |= UInt32(truncatingIfNeeded: wide)
            result[i + whole + 1] |= UInt32(truncatingIfNeeded: wide >> 32)
        }
        return BigUInt(limbs: result)
    }

    /// `value >> shift`, rounding toward zero.
    static func >> (value: BigUInt, shift: Int) -> BigUInt {
        if shift <= 0 { return shift < 0 ? value << -shift : value }
        let whole = shift / 32
        let bits = shift % 32
        if whole >= value.limbs.count { return .zero }
        var result = [UInt32](repeating: 0, count: value.limbs.count - whole)
        for i in 0..<result.count {
            var wide = UInt64(value.limbs[i + whole]) >> UInt64(bits)
            if bits > 0, i + whole + 1 < value.limbs.count {
                wide |= UInt64(value.limbs[i + whole + 1]) << UInt64(32 - bits)
            }
            result[i] = UInt32(truncatingIfNeeded: wide)
        }
        return BigUInt(limbs: result)
    }

    /// Decimal digits (`"0"` for zero).
    var decimalString: String {
        if isZero { return "0" }
        var chunks: [UInt32] = []
        var rest = self
        while !rest.isZero {
            let (q, r) = rest.quotientAndRemainder(dividingBy: 1_000_000_000)
            chunks.append(r)
            rest = q
        }
        var text = String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    // MARK: Powers of ten

    static let smallPowersOfTen: [UInt32] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    /// 10^0 … 10^399.
    private static let powerOfTenTable: [BigUInt] = {
        var table: [BigUInt] = [.one]
        for _ in 1..<400 { table.append(table[table.count - 1].multiplied(by: 10)) }
        return table
    }()

    /// 10^`exponent` (`exponent` ≥ 0).
    static func powerOfTen(_ exponent: Int) -> BigUInt {
        // An invariant: callers pass digit counts and scale differences they have made non-negative.
        precondition(exponent >= 0)
        if exponent < powerOfTenTable.count { return powerOfTenTable[exponent] }
        return powerOfTenTable[powerOfTenTable.count - 1] * powerOfTen(exponent - (powerOfTenTable.count - 1))
    }

    /// The number of decimal digits (0 for zero).
    var decimalDigitCount: Int {
        if isZero { return 0 }
        // 2^(b−1) ≤ self < 2^b, so the count is ⌊(b−1)·log₁₀2⌋ + 1 or one more.
        let lower = Int(Double(bitWidth - 1) * 0.30102999566398119521) + 1
        return self < BigUInt.powerOfTen(lower) ? lower : lower + 1
    }

    /// `self · 10^exponent` (`exponent` ≥ 0).
    func timesPowerOfTen(_ exponent: Int) -> BigUInt {
        exponent == 0 ? self : self * BigUInt.powerOfTen(exponent)
    }

    /// `self / 10^exponent` rounded toward zero (`exponent` ≥ 0), with whether the part dropped was zero.
    func dividedByPowerOfTen(_ exponent: Int) -> (quotient: BigUInt, exact: Bool) {
        var rest = self
        var exact = true
        var k = exponent
        while k > 0 {
            let step = Swift.min(k, 9)
            let (q, r) = rest.quotientAndRemainder(dividingBy: BigUInt.smallPowersOfTen[step])
            if r != 0 { exact = false }
            rest = q
            k -= step
            if rest.isZero { break }
        }
        return (rest, exact)
    }
}
