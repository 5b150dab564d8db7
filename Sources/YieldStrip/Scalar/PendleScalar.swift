/// The arithmetic Pendle V2's market math is written in, so that one implementation runs both in exact
/// 18-decimal fixed point (``Wad``: the contract's integers and rounding, to the wei) and in `Double`
/// (fast analytics, the same formulas without rounding).
///
/// Values are in *units*: `Wad(raw: 1e18)` and `1.0` are both one unit. Each requirement names the
/// Solidity expression it reproduces; "raw" operations are the contract's plain integer operations on wei,
/// which in units mean the same real formula (`a · b / c`).
///
/// The domain checks are the same in both flavours and throw the contract's ``PendleError``: a `Double`
/// division by zero throws `Panic(0x12)`, `ln` of a non-positive value `out of bounds`, `exp` outside
/// [-41, 130] `Invalid exponent`, a negative time or PY index the revert of its `uint256` cast. The exact
/// flavour alone reverts on integer overflow, and where wei-level rounding puts a value exactly on a bound
/// (a proportion of exactly 0.96, a rate of exactly 1) the two can fall on different sides of it.
public protocol PendleScalar: Comparable, Hashable, Sendable, CustomStringConvertible {
    static var zero: Self { get }
    /// True for the exact scalar (``Wad``: values are whole wei, searches end on a wei boundary and start
    /// from a `Double` run); false for the analytic one (`Double`: searches solve by Newton directly).
    static var isExact: Bool { get }
    /// One unit (1e18 wei).
    static var one: Self { get }
    /// `n` wei, i.e. `n · 1e-18` units (`MINIMUM_LIQUIDITY` is `init(wei: 1000)`).
    init(wei: Int64)

    /// Checked addition (Solidity 0.8 `a + b`).
    static func + (lhs: Self, rhs: Self) throws(PendleError) -> Self
    /// Checked subtraction (Solidity 0.8 `a - b`).
    static func - (lhs: Self, rhs: Self) throws(PendleError) -> Self
    /// `PMath.neg(a)` = `a * -1`, checked.
    func negated() throws(PendleError) -> Self
    /// `PMath.mulDown(a, b)` = `a · b / 1e18`, truncating toward zero.
    func mulDown(_ other: Self) throws(PendleError) -> Self
    /// `PMath.divDown(a, b)` = `a · 1e18 / b`, truncating toward zero.
    func divDown(_ other: Self) throws(PendleError) -> Self
    /// `PMath.subNoNeg(a, b)`: reverts with `negative` when `a < b`.
    func subNoNeg(_ other: Self) throws(PendleError) -> Self
    /// Raw `(a · b) / c` on wei with checked `*` and `/` (truncating toward zero).
    static func mulDivRaw(_ a: Self, _ b: Self, _ c: Self) throws(PendleError) -> Self
    /// Raw `rawDivUp(a · b, c)` = `(a · b + c − 1) / c` on wei, every step checked.
    static func mulDivUpRaw(_ a: Self, _ b: Self, _ c: Self) throws(PendleError) -> Self
    /// Raw `(self · numerator) / denominator` with integer factors (`scalarRoot · 365 days / t`,
    /// `fee · reserveFeePercent / 100`), signed checked arithmetic.
    func scaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Self
    /// The same in unsigned arithmetic (`lnImpliedRate · t / 365 days` on `uint256`): `Revert()` for a
    /// negative value (`PMath.Uint`), `Panic(0x11)` on overflow, `Revert()` if the result exceeds int256.
    func unsignedScaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Self
    /// `PMath.sqrt(uint(a · b))` on raw wei (the first-liquidity LP amount), checked.
    static func sqrtOfProductRaw(_ a: Self, _ b: Self) throws(PendleError) -> Self
    /// `LogExpMath.ln`.
    func ln() throws(PendleError) -> Self
    /// `LogExpMath.exp`.
    func exp() throws(PendleError) -> Self

    /// `PYIndexLib.syToAsset(index, self)` (signed; rounds toward zero).
    func syToAsset(index: Self) throws(PendleError) -> Self
    /// `PYIndexLib.assetToSy(index, self)` (signed; rounds toward zero).
    func assetToSy(index: Self) throws(PendleError) -> Self
    /// `PYIndexLib.assetToSyUp(index, self)` (signed; rounds away from zero).
    func assetToSyUp(index: Self) throws(PendleError) -> Self
    /// `SYUtils.syToAssetUp(index, self)` (unsigned; rounds up).
    func syToAssetUp(index: Self) throws(PendleError) -> Self

    var isNegative: Bool { get }
    var isZero: Bool { get }
    /// The value as a revert argument (exact wei or an approximate `Double`).
    var revertValue: RevertValue { get }
    /// The value in units as a `Double` (correctly rounded for ``Wad``).
    var doubleValue: Double { get }
    /// The scalar nearest to a `Double` number of units, or nil when it is not representable.
    init?(approximating units: Double)

    /// The largest trade size in `lower...upper` whose margin (budget − cost, decreasing in size) is
    /// ≥ 0, and the value `evaluate` kept for it. ``Wad``: the exact integer boundary
    /// (`BoundarySearch.largestFeasible`) seeded with `seed`;
    /// `Double`: the root of the margin by safeguarded Newton, using the slopes `evaluate` returns.
    /// With `referenceNoise`, ``Wad`` returns exactly what the reference integer bisection over
    /// `lower...upper` returns, for costs that are monotone up to that rounding noise
    /// (`BoundarySearch.replayReferenceBisection`).
    ///
    /// `limit`, asked at most once (at the first size that reverts), is the largest size that does not
    /// revert, every larger one doing so (the market's own limit), or nil when unknown: the search jumps
    /// to it instead of bisecting towards it, and the replay decides every midpoint beyond it unevaluated.
    static func largestFeasibleSize<Value: Sendable>(
        lower: Self, upper: Self, seed: (size: Double, slope: Double)?, referenceNoise: Self?, limit: (() -> Self?)?,
        evaluate: (Self) -> (margin: Self, slope: Double, value: Value)?
    ) -> (size: Self, value: Value?, evaluations: Int)
}

extension PendleScalar {
    @inlinable public var isPositive: Bool { !isNegative && !isZero }

    /// ``largestFeasibleSize(lower:upper:seed:referenceNoise:limit:evaluate:)`` with no known limit.
    @inlinable
    public static func largestFeasibleSize<Value: Sendable>(
        lower: Self, upper: Self, seed: (size: Double, slope: Double)?, referenceNoise: Self?,
        evaluate: (Self) -> (margin: Self, slope: Double, value: Value)?
    ) -> (size: Self, value: Value?, evaluations: Int) {
        largestFeasibleSize(lower: lower, upper: upper, seed: seed, referenceNoise: referenceNoise, limit: nil, evaluate: evaluate)
    }
}
