/// A signed 64.64 fixed-point number as Yield Protocol's contracts store it (ABDK `Math64x64`, an `int128`
/// read as `raw / 2^64`): the time stretch `ts`, the fee factors `g1` and `g2`, the share price `c` and the
/// normalization factor `mu`.
public struct Fixed64x64: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The integer the contract stores (`value · 2^64`).
    public var raw: Int256

    public init(raw: Int256) { self.raw = raw }

    /// 2^64, i.e. 1.0 (`c_DEFAULT`, `mu_DEFAULT` in Yield's TypeScript).
    public static let one = Fixed64x64(raw: Int256(bitPattern: UInt256.one << 64))

    /// The largest and smallest values an `int128` holds.
    public static let int128Max = Fixed64x64(raw: Int256(bitPattern: (UInt256.one << 127) &- .one))
    public static let int128Min = Fixed64x64(raw: Int256(negative: true, magnitude: UInt256.one << 127)!)

    /// Whether the value fits the contract's `int128`.
    public var fitsInt128: Bool { self >= Fixed64x64.int128Min && self <= Fixed64x64.int128Max }

    public var isPositive: Bool { raw.isPositive }

    /// The value exactly: `raw / 2^64 = raw · 5^64 / 10^64`.
    public var exactValue: YieldDecimal {
        let fivePow64 = YieldDecimal("542101086242752217003726400434970855712890625")!
        return YieldDecimal(raw).multiplied(by: fivePow64, significantDigits: YieldDecimal.maximumSignificantDigits)
            .divided(by: YieldDecimal("1e64")!, significantDigits: YieldDecimal.maximumSignificantDigits)
    }

    /// The value as a `Double` (correctly rounded for values that fit an `int128`).
    public var doubleValue: Double {
        let magnitude = raw.magnitude
        let value = Double(sign: .plus, exponent: -64, significand: magnitude.doubleValue)
        return raw.isNegative ? -value : value
    }

    /// The 64.64 number nearest to `value` (nil when it is not finite or does not fit an `int128`).
    public init?(rounding value: Double) {
        guard value.isFinite, abs(value) < 0x1p63 else { return nil }
        guard let magnitude = UInt256(rounding: abs(value) * 0x1p64),
            let raw = Int256(negative: value < 0, magnitude: magnitude)
        else { return nil }
        self.raw = raw
    }

    public static func < (lhs: Fixed64x64, rhs: Fixed64x64) -> Bool { lhs.raw < rhs.raw }

    /// The raw integer.
    public var description: String { raw.description }

    // MARK: The pool's parameters

    /// `Pool._computeG1`: `g1Fee.divu(10000)` = ⌊g1Fee · 2^64 / 10,000⌋ (below 1: the fee when buying fyToken
    /// or selling base). `g1Fee` is the pool's fp4 fee parameter in (0, 10,000].
    public static func g1(g1Fee: Int) throws(YieldSpaceError) -> Fixed64x64 {
        try YieldSpaceMath.checkFee(g1Fee)
        return Fixed64x64(raw: Int256(bitPattern: (UInt256(UInt64(g1Fee)) << 64).quotientAndRemainder(dividingBy: UInt256(10_000)).quotient))
    }

    /// `Pool._computeG2`: `10000.divu(g1Fee)` = ⌊10,000 · 2^64 / g1Fee⌋ (1/g1, above 1: the fee when selling
    /// fyToken or buying base).
    public static func g2(g1Fee: Int) throws(YieldSpaceError) -> Fixed64x64 {
        try YieldSpaceMath.checkFee(g1Fee)
        return Fixed64x64(raw: Int256(bitPattern: (UInt256(10_000) << 64).quotientAndRemainder(dividingBy: UInt256(UInt64(g1Fee))).quotient))
    }

    /// A time stretch of "1 / `years` Yield years": ⌊2^64 / (years · 31,557,600)⌋ (`ts` per second, 64.64),
    /// as Yield's pools are deployed (`ts` for 10 years is 58,454,204,609).
    public static func timeStretch(years: Int) throws(YieldSpaceError) -> Fixed64x64 {
        guard years > 0, years <= 1_000_000 else { throw .timeStretchNotPositive(ts: "1/\(years) years") }
        return try timeStretch(seconds: Int64(years) * YieldSpaceMath.secondsPerYear)
    }

    /// A time stretch of one over `seconds`: ⌊2^64 / seconds⌋.
    public static func timeStretch(seconds: Int64) throws(YieldSpaceError) -> Fixed64x64 {
        guard seconds > 0 else { throw .timeStretchNotPositive(ts: "1/\(seconds) s") }
        return Fixed64x64(raw: Int256(bitPattern: (UInt256.one << 64).quotientAndRemainder(dividingBy: UInt256(UInt64(seconds))).quotient))
    }

    /// The time stretch's span in Yield years: `1 / (ts · 31,557,600)` (ui-math's `getTimeStretchYears`,
    /// here with 2^64 exact).
    public var timeStretchYears: Double { 1 / (doubleValue * Double(YieldSpaceMath.secondsPerYear)) }
}
