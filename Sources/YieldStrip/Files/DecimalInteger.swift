import YieldStripJSON

/// Reads `-?[0-9]+` into a sign and a 256-bit magnitude, 19 digits per 256-bit multiply.
package enum DecimalInteger {
    package enum Parsed {
        case value(negative: Bool, magnitude: UInt256)
        case malformed
        /// The magnitude is 2^256 or more.
        case tooLarge
    }

    package static func parse(_ text: String) -> Parsed {
        var text = text
        return text.withUTF8(parse)
    }

    /// A JSON number's text when it is an integer (no fraction, no exponent); nil otherwise.
    package static func parseJSONInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        for byte in bytes where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return nil }
        return parse(bytes)
    }

    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        guard let base = bytes.baseAddress else { return .malformed }
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return .malformed }
        var magnitude = UInt256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        while index < bytes.count {
            // Eight digits at a time while they fit in the 19-digit chunk, then one at a time.
            if chunkDigits <= 11 && index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if let eight = eightDigits(UInt64(littleEndian: word)) {
                    chunk = chunk &* 100_000_000 &+ eight
                    chunkDigits += 8
                    index += 8
                    continue
                }
            }
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return .malformed }
            chunk = chunk &* 10 &+ UInt64(digit)
            chunkDigits += 1
            if chunkDigits == 19 {
                guard let next = append(chunk, digits: 19, to: magnitude) else { return .tooLarge }
                magnitude = next
                chunk = 0
                chunkDigits = 0
            }
            index += 1
        }
        if chunkDigits > 0 {
            guard let next = append(chunk, digits: chunkDigits, to: magnitude) else { return .tooLarge }
            magnitude = next
        }
        return .value(negative: negative, magnitude: magnitude)
    }

    /// The value of eight ASCII digits read as a little-endian word (the first digit in the low byte), or
    /// nil when one of the bytes is not a digit.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> UInt64? {
        let digits = word &- 0x3030_3030_3030_3030
        // Every byte was 0x30 … 0x39: no borrow out of any byte, and each value below 10.
        guard (word & 0xF0F0_F0F0_F0F0_F0F0) == 0x3030_3030_3030_3030,
            ((digits &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) == 0
        else { return nil }
        // Pairs, then fours, then eight: each step combines neighbours as high · 10^k + low.
        let pairs = (digits &* 10 &+ (digits >> 8)) & 0x00FF_00FF_00FF_00FF
        let fours = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
        return (fours &* 10_000 &+ (fours >> 32)) & 0xFFFF_FFFF
    }

    private static func append(_ chunk: UInt64, digits: Int, to magnitude: UInt256) -> UInt256? {
        if magnitude.isZero { return UInt256(chunk) }
        let (scaled, o1) = magnitude.multipliedReportingOverflow(by: powersOfTen[digits])
        let (sum, o2) = scaled.addingReportingOverflow(UInt256(chunk))
        return o1 || o2 ? nil : sum
    }

    private static let powersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { product, _ in product &* 10 }
    }
}
