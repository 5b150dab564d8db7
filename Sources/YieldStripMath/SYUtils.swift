/// Pendle's `SYUtils` and `PYIndexLib`: conversions between SY and its accounting asset at an
/// exchange rate or PY index (wad, 1e18 = one asset per SY).
///
/// ```
/// syToAsset   = sy · rate / 1e18                   (floor)
/// syToAssetUp = (sy · rate + 1e18 − 1) / 1e18      (ceiling)
/// assetToSy   = asset · 1e18 / rate                (floor)
/// assetToSyUp = (asset · 1e18 + rate − 1) / rate   (ceiling)
/// ```
/// Every product and sum is checked (`Panic(0x11)`); a zero rate divides by zero (`Panic(0x12)`).
/// The signed versions (PYIndexLib, used by the market) apply the unsigned function to |x| and put the
/// sign back, so "down" rounds toward zero and "Up" away from zero for negative amounts; |x| of
/// `Int256.min` is `Panic(0x11)`, a result above `Int256.max` is `Revert()`.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/core/StandardizedYield/SYUtils.sol`,
/// `PYIndex.sol` (e8c2cca4).
public enum SYUtils {
    @inlinable
    public static func syToAsset(_ exchangeRate: UInt256, _ syAmount: UInt256) throws(PendleError) -> UInt256 {
        try PMath.mul(syAmount, exchangeRate).quotientAndRemainder(dividingBy: DivisorReciprocal.wad).quotient
    }

    @inlinable
    public static func syToAssetUp(_ exchangeRate: UInt256, _ syAmount: UInt256) throws(PendleError) -> UInt256 {
        let numerator = try PMath.sub(PMath.add(PMath.mul(syAmount, exchangeRate), PMath.one), .one)
        return numerator.quotientAndRemainder(dividingBy: DivisorReciprocal.wad).quotient
    }

    @inlinable
    public static func assetToSy(_ exchangeRate: UInt256, _ assetAmount: UInt256) throws(PendleError) -> UInt256 {
        try PMath.div(PMath.mul(assetAmount, PMath.one), exchangeRate)
    }

    @inlinable
    public static func assetToSyUp(_ exchangeRate: UInt256, _ assetAmount: UInt256) throws(PendleError) -> UInt256 {
        let numerator = try PMath.sub(PMath.add(PMath.mul(assetAmount, PMath.one), exchangeRate), .one)
        return try PMath.div(numerator, exchangeRate)
    }

    // MARK: Signed (PYIndexLib)

    @inlinable
    public static func syToAsset(_ index: UInt256, _ syAmount: Int256) throws(PendleError) -> Int256 {
        try signed(syAmount, syToAsset(index, PMath.abs(syAmount)))
    }

    @inlinable
    public static func assetToSy(_ index: UInt256, _ assetAmount: Int256) throws(PendleError) -> Int256 {
        try signed(assetAmount, assetToSy(index, PMath.abs(assetAmount)))
    }

    @inlinable
    public static func assetToSyUp(_ index: UInt256, _ assetAmount: Int256) throws(PendleError) -> Int256 {
        try signed(assetAmount, assetToSyUp(index, PMath.abs(assetAmount)))
    }

    /// `sign(of) · Int(magnitude)`.
    @inlinable
    static func signed(_ of: Int256, _ magnitude: UInt256) throws(PendleError) -> Int256 {
        let value = try PMath.toInt(magnitude)
        return of.isNegative ? Int256(bitPattern: ~value.bits &+ .one) : value
    }
}
