/// Decimal text of 64- and 256-bit integers, written into a caller's buffer without allocating.
///
/// A 256-bit value is split into 19-digit chunks by division by 10^19 with a prepared reciprocal
/// (``DivisorReciprocal``: two multiplications per limb instead of a hardware division), and each chunk is
/// written two digits at a time from a table. The text is the same as the standard library's `String(_:)`
/// of the value: no sign for zero, no leading zeros.
public enum DecimalDigits {
    /// "00", "01", … "99": the two digits of each number below 100.
    @inlinable static var pairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// Writes the digits of `value` so that they end just before `end`; returns the index of the first.
    /// At least 20 bytes before `end` must be writable.
    @inlinable
    static func write(_ value: UInt64, endingAt end: Int, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        let table = pairs.utf8Start
        var v = value
        var i = end
        while v >= 100 {
            let (q, r) = v.quotientAndRemainder(dividingBy: 100)
            i -= 2
            buffer[i] = table[Int(r) &* 2]
            buffer[i + 1] = table[Int(r) &* 2 &+ 1]
            v = q
        }
        if v >= 10 {
            i -= 2
            buffer[i] = table[Int(v) &* 2]
            buffer[i + 1] = table[Int(v) &* 2 &+ 1]
        } else {
            i -= 1
            buffer[i] = UInt8(truncatingIfNeeded: v) &+ UInt8(ascii: "0")
        }
        return i
    }

    /// Writes exactly 19 digits of `value` (< 10^19), zero-padded, ending just before `end`.
    @inlinable
    static func writePadded19(_ value: UInt64, endingAt end: Int, into buffer: UnsafeMutablePointer<UInt8>) {
        let table = pairs.utf8Start
        var v = value
        var i = end
        for _ in 0..<9 {
            let (q, r) = v.quotientAndRemainder(dividingBy: 100)
            i -= 2
            buffer[i] = table[Int(r) &* 2]
            buffer[i + 1] = table[Int(r) &* 2 &+ 1]
            v = q
        }
        buffer[i - 1] = UInt8(truncatingIfNeeded: v) &+ UInt8(ascii: "0")
    }

    /// Writes the digits of `value` so that they end just before `end` (at least 78 bytes before it must be
    /// writable); returns the index of the first.
    @inlinable
    public static func write(_ value: UInt256, endingAt end: Int, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        var rest = value
        var i = end
        while !rest.fitsInUInt64 {
            let (q, r) = rest.quotientAndRemainder(dividingBy: DivisorReciprocal.tenToThe19)
            writePadded19(r, endingAt: i, into: buffer)
            i -= 19
            rest = q
        }
        return write(rest.w0, endingAt: i, into: buffer)
    }

    /// Calls `body` with the decimal text of `value` (a leading `-` when `negative` and the value is not
    /// zero), in a buffer on the stack.
    @inlinable
    public static func withText<R>(
        negative: Bool = false, magnitude value: UInt256, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buffer in
            let base = buffer.baseAddress!
            var start = write(value, endingAt: 80, into: base)
            if negative && !value.isZero {
                start -= 1
                base[start] = UInt8(ascii: "-")
            }
            return try body(UnsafeBufferPointer(start: base + start, count: 80 - start))
        }
    }

    /// `value` wei as decimal units of 10^18 wei, exactly and as short as it goes: `1.05`, `12`,
    /// `-0.000000000000000001` (a leading `-` when `negative` and the value is not zero).
    public static func unitsText(negative: Bool = false, magnitude value: UInt256) -> String {
        let (whole, fraction) = value.quotientAndRemainder(dividingBy: DivisorReciprocal.wad)
        var text = (negative && !value.isZero ? "-" : "") + self.text(magnitude: whole)
        if fraction != 0 {
            var digits = Array(String(fraction).utf8)
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 18 - digits.count), at: 0)
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            text += "." + String(decoding: digits, as: UTF8.self)
        }
        return text
    }

    /// The decimal text of `value`, with a leading `-` when `negative` and the value is not zero.
    @inlinable
    public static func text(negative: Bool = false, magnitude value: UInt256) -> String {
        withText(negative: negative, magnitude: value) { String(decoding: $0, as: UTF8.self) }
    }
}
