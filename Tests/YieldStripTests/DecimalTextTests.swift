import Testing
import YieldStripMath
import _TestSupport

@testable import YieldStrip

/// Decimal text both ways: ``DecimalDigits`` (256-bit values to text, 19 digits per division) against the
/// standard library's text of each 64-bit chunk, and ``DecimalInteger`` (text to 256-bit values, eight
/// digits per step) against a digit-by-digit reading.
@Suite struct DecimalTextTests {
    /// The value's digits, chunk by chunk with the standard library (the reference).
    static func referenceText(_ value: UInt256) -> String {
        var chunks: [String] = []
        var rest = value
        while !rest.fitsInUInt64 {
            let (q, r) = rest.quotientAndRemainder(dividingBy: UInt256(10_000_000_000_000_000_000))
            let digits = String(r.w0)
            chunks.append(String(repeating: "0", count: 19 - digits.count) + digits)
            rest = q
        }
        return String(rest.w0) + chunks.reversed().joined()
    }

    static func randomValues() -> [UInt256] {
        var random = SplitMix64(seed: 0xD1_6175)
        var values: [UInt256] = [
            .zero, .one, .max, UInt256(9), UInt256(10), UInt256(99), UInt256(100), UInt256(UInt64.max),
            UInt256(10_000_000_000_000_000_000), UInt256(9_999_999_999_999_999_999)
        ]
        for _ in 0..<5_000 {
            let bits = Int(random.next() % 257)
            var value = UInt256(w0: random.next(), w1: random.next(), w2: random.next(), w3: random.next())
            value = bits == 256 ? value : value >> (256 - bits)
            values.append(value)
            values.append(value &+ .one)
        }
        return values
    }

    @Test func writesWhatTheStandardLibraryWrites() {
        for value in Self.randomValues() {
            #expect(value.description == Self.referenceText(value))
            if let signed = Int256(negative: true, magnitude: value), !value.isZero {
                #expect(signed.description == "-" + Self.referenceText(value))
            }
        }
        #expect(Int256.min.description == "-" + Self.referenceText(Int256.min.magnitude))
        #expect(Int256.zero.description == "0")
    }

    @Test func readsWhatItWrites() {
        for value in Self.randomValues() {
            let text = value.description
            guard case .value(false, let read) = DecimalInteger.parse(text) else {
                Issue.record("\(text) not read")
                continue
            }
            #expect(read == value)
            guard case .value(true, let negative) = DecimalInteger.parse("-" + text) else {
                Issue.record("-\(text) not read")
                continue
            }
            #expect(negative == value)
        }
    }

    /// Digit by digit: the reference reading (nil when a byte is not a digit; a leading `-` negates).
    static func referenceRead(_ text: [UInt8]) -> (negative: Bool, magnitude: UInt256)? {
        let negative = text.first == UInt8(ascii: "-")
        let digits = negative ? Array(text.dropFirst()) : text
        guard !digits.isEmpty else { return nil }
        var value = UInt256.zero
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value &* UInt256(10) &+ UInt256(UInt64(byte - UInt8(ascii: "0")))
        }
        return (negative, value)
    }

    @Test func eightDigitsAtATimeReadWhatOneAtATimeReads() {
        // Every byte value at every position of a 20-digit number.
        let digits = Array("12345678901234567890".utf8)
        for position in digits.indices {
            for byte in UInt8.min...UInt8.max {
                var text = digits
                text[position] = byte
                let parsed = text.withUnsafeBufferPointer { DecimalInteger.parse($0) }
                switch (parsed, Self.referenceRead(text)) {
                case (.value(let negative, let magnitude), let expected?):
                    #expect(negative == expected.negative && magnitude == expected.magnitude)
                case (.malformed, nil): break
                default: Issue.record("byte \(byte) at \(position): \(parsed)")
                }
            }
        }
    }

    @Test func aNumberBeyond256BitsIsTooLarge() {
        let max = UInt256.max.description
        guard case .tooLarge = DecimalInteger.parse(max + "0") else {
            Issue.record("2^256·10 read")
            return
        }
        guard case .tooLarge = DecimalInteger.parse("115792089237316195423570985008687907853269984665640564039457584007913129639936") else {
            Issue.record("2^256 read")
            return
        }
        guard case .value(false, UInt256.max) = DecimalInteger.parse(max) else {
            Issue.record("2^256 − 1 not read")
            return
        }
        guard case .malformed = DecimalInteger.parse("") else {
            Issue.record("empty read")
            return
        }
        guard case .malformed = DecimalInteger.parse("-") else {
            Issue.record("- read")
            return
        }
    }
}
