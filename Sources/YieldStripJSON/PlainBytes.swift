/// Runs of bytes a JSON string holds as they are: printable ASCII (0x20 … 0x7E) other than `"` and `\`.
///
/// The reader and the writer skip such a run eight bytes at a time (a word-at-a-time test for a byte below
/// 0x20, equal to `"` or `\`, or with its top bit set), then look at the byte that ends it one by one.
enum PlainBytes {
    /// The index of the first byte in `start..<end` that is not plain (or `end`).
    @inline(__always)
    static func endOfRun(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        while i &+ 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasNonPlainByte(word) { break }
            i &+= 8
        }
        while i < end && isPlain(base[i]) { i &+= 1 }
        return i
    }

    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    /// True when some byte of `word` is not plain. (The zero-byte test may also flag a byte above a flagged
    /// one, never a word without one.)
    @inline(__always)
    static func hasNonPlainByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        return (below0x20 | quote | backslash | (word & highs)) != 0
    }
}
