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

    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return .malformed }
        var magnitude = UInt256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        while index < bytes.count {
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

    /// `magnitude · 10^digits + chunk`, nil on overflow.
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
