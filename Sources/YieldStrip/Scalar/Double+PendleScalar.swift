import Foundation

/// `Double` is the analytic flavour: the same formulas in real arithmetic (relative error ~1e-15 per
/// operation), with the contract's domain checks (zero divisors, ln ≤ 0, exp range) so both flavours
/// fail on the same inputs.
extension Double: PendleScalar {
    public static let one: Double = 1
    @inlinable public static var isExact: Bool { false }
    @usableFromInline static let weiUnit: Double = 1e-18

    @inlinable public init(wei: Int64) { self = Double(wei) * Double.weiUnit }
    @inlinable public init?(approximating units: Double) {
        guard units.isFinite else { return nil }
        self = units
    }

    @inlinable public func negated() throws(PendleError) -> Double { -self }
    @inlinable public func mulDown(_ other: Double) throws(PendleError) -> Double { self * other }

    @inlinable
    public func divDown(_ other: Double) throws(PendleError) -> Double {
        if other == 0 { throw .divisionByZero }
        return self / other
    }

    @inlinable
    public func subNoNeg(_ other: Double) throws(PendleError) -> Double {
        if self < other { throw .negative }
        return self - other
    }

    @inlinable
    public static func mulDivRaw(_ a: Double, _ b: Double, _ c: Double) throws(PendleError) -> Double {
        if c == 0 { throw .divisionByZero }
        return a * b / c
    }

    @inlinable
    public static func mulDivUpRaw(_ a: Double, _ b: Double, _ c: Double) throws(PendleError) -> Double {
        try mulDivRaw(a, b, c)
    }

    @inlinable
    public func scaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Double {
        if denominator == 0 { throw .divisionByZero }
        return self * Double(numerator) / Double(denominator)
    }

    @inlinable
    public func unsignedScaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Double {
        if self < 0 { throw .castOutOfRange }
        return try scaled(by: numerator, dividedBy: denominator)
    }

    @inlinable
    public static func sqrtOfProductRaw(_ a: Double, _ b: Double) throws(PendleError) -> Double {
        let product = a * b
        if product < 0 { throw .castOutOfRange }
        return product.squareRoot()
    }

    @inlinable
    public func ln() throws(PendleError) -> Double {
        guard self > 0 else { throw .lnOutOfBounds }
        return Foundation.log(self)
    }

    @inlinable
    public func exp() throws(PendleError) -> Double {
        guard self >= -41, self <= 130 else { throw .invalidExponent }
        return Foundation.exp(self)
    }

    @inlinable public func syToAsset(index: Double) throws(PendleError) -> Double { self * index }

    @inlinable
    public func assetToSy(index: Double) throws(PendleError) -> Double {
        if index == 0 { throw .divisionByZero }
        return self / index
    }

    @inlinable public func assetToSyUp(index: Double) throws(PendleError) -> Double { try assetToSy(index: index) }

    @inlinable
    public func syToAssetUp(index: Double) throws(PendleError) -> Double {
        if self < 0 { throw .castOutOfRange }
        return self * index
    }

    @inlinable public var isNegative: Bool { self < 0 }
    @inlinable public var revertValue: RevertValue { .approximate(self) }
    @inlinable public var doubleValue: Double { self }

    @inlinable
    public static func largestFeasibleSize<Value: Sendable>(
        lower: Double, upper: Double, seed: (size: Double, slope: Double)?, referenceNoise: Double?, limit: (() -> Double?)?,
        evaluate: (Double) -> (margin: Double, slope: Double, value: Value)?
    ) -> (size: Double, value: Value?, evaluations: Int) {
        var last: (x: Double, margin: Double, value: Value)? = nil
        let (root, largestFeasible, count) = BoundarySearch.root(lower: lower, upper: upper, guess: seed?.size, limit: limit) { x in
            guard let result = evaluate(x) else { return nil }
            last = (x, result.margin, result.value)
            return (result.margin, result.slope)
        }
        guard root > lower else { return (lower, nil, count) }
        // The last evaluation, when it is the root to working precision; else the trade at the root, or
        // where the boundary is a revert (the largest trade the market takes), the largest feasible point.
        let tolerance = 1e-12 * Swift.max(1, abs(root))
        if let last, abs(last.x - root) <= tolerance, last.margin >= -tolerance { return (last.x, last.value, count) }
        if let kept = evaluate(root), kept.margin >= -tolerance { return (root, kept.value, count + 1) }
        guard largestFeasible > lower, let kept = evaluate(largestFeasible) else { return (lower, nil, count + 2) }
        return (largestFeasible, kept.value, count + 2)
    }
}
