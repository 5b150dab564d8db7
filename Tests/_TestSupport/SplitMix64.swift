import YieldStripMath

/// A small deterministic generator for property tests (SplitMix64, Steele, Lea & Flood 2014).
public struct SplitMix64 {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A 256-bit value with a random number of significant bits, at most `bits`.
    public mutating func nextUInt256(bits: Int = 256) -> UInt256 {
        let full = UInt256(w0: next(), w1: next(), w2: next(), w3: next())
        return full >> (256 - Int(next() % UInt64(bits + 1)))
    }
}
