/// ``Wad`` is the exact flavour: every operation is Pendle's, to the wei.
extension Wad: PendleScalar {
    @inlinable public static var isExact: Bool { true }
    @inlinable public init(wei: Int64) { self.init(raw: Int256(wei)) }

    @inlinable public init?(approximating units: Double) { self.init(rounding: units) }

    @inlinable
    public static func + (lhs: Wad, rhs: Wad) throws(PendleError) -> Wad { Wad(raw: try PMath.add(lhs.raw, rhs.raw)) }

    @inlinable
    public static func - (lhs: Wad, rhs: Wad) throws(PendleError) -> Wad { Wad(raw: try PMath.sub(lhs.raw, rhs.raw)) }

    @inlinable public func negated() throws(PendleError) -> Wad { Wad(raw: try PMath.neg(raw)) }
    @inlinable public func mulDown(_ other: Wad) throws(PendleError) -> Wad { Wad(raw: try PMath.mulDown(raw, other.raw)) }
    @inlinable public func divDown(_ other: Wad) throws(PendleError) -> Wad { Wad(raw: try PMath.divDown(raw, other.raw)) }
    @inlinable public func subNoNeg(_ other: Wad) throws(PendleError) -> Wad { Wad(raw: try PMath.subNoNeg(raw, other.raw)) }

    @inlinable
    public static func mulDivRaw(_ a: Wad, _ b: Wad, _ c: Wad) throws(PendleError) -> Wad {
        Wad(raw: try PMath.div(PMath.mul(a.raw, b.raw), c.raw))
    }

    @inlinable
    public static func mulDivUpRaw(_ a: Wad, _ b: Wad, _ c: Wad) throws(PendleError) -> Wad {
        Wad(raw: try PMath.rawDivUp(PMath.mul(a.raw, b.raw), c.raw))
    }

    @inlinable
    public func scaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Wad {
        Wad(raw: try PMath.div(PMath.mul(raw, Int256(numerator)), Int256(denominator)))
    }

    @inlinable
    public func unsignedScaled(by numerator: Int64, dividedBy denominator: Int64) throws(PendleError) -> Wad {
        let value = try PMath.toUint(raw)
        let product = try PMath.mul(value, UInt256(UInt64(bitPattern: numerator)))
        return Wad(raw: try PMath.toInt(PMath.div(product, UInt256(UInt64(bitPattern: denominator)))))
    }

    @inlinable
    public static func sqrtOfProductRaw(_ a: Wad, _ b: Wad) throws(PendleError) -> Wad {
        let product = try PMath.toUint(PMath.mul(a.raw, b.raw))
        return Wad(raw: try PMath.toInt(PMath.sqrt(product)))
    }

    @inlinable public func ln() throws(PendleError) -> Wad { Wad(raw: try LogExpMath.ln(raw)) }
    @inlinable public func exp() throws(PendleError) -> Wad { Wad(raw: try LogExpMath.exp(raw)) }

    // The PY index is a uint256 on chain: its bit pattern is the unsigned value.
    @inlinable
    public func syToAsset(index: Wad) throws(PendleError) -> Wad { Wad(raw: try SYUtils.syToAsset(index.raw.bits, raw)) }
    @inlinable
    public func assetToSy(index: Wad) throws(PendleError) -> Wad { Wad(raw: try SYUtils.assetToSy(index.raw.bits, raw)) }
    @inlinable
    public func assetToSyUp(index: Wad) throws(PendleError) -> Wad { Wad(raw: try SYUtils.assetToSyUp(index.raw.bits, raw)) }

    @inlinable
    public func syToAssetUp(index: Wad) throws(PendleError) -> Wad {
        Wad(raw: try PMath.toInt(SYUtils.syToAssetUp(index.raw.bits, PMath.toUint(raw))))
    }

    @inlinable public var isNegative: Bool { raw.isNegative }
    @inlinable public var isZero: Bool { raw.isZero }
    @inlinable public var revertValue: RevertValue { .exact(raw) }

    @inlinable
    public static func largestFeasibleSize<Value: Sendable>(
        lower: Wad, upper: Wad, seed: (size: Double, slope: Double)?, referenceNoise: Wad?, limit: (() -> Wad?)?,
        evaluate: (Wad) -> (margin: Wad, slope: Double, value: Value)?
    ) -> (size: Wad, value: Value?, evaluations: Int) {
        let guess = seed.flatMap { Int256(rounding: $0.size * 1e18) }
        let exactEvaluate: (Int256) -> (margin: Int256, value: Value)? = { evaluate(Wad(raw: $0)).map { ($0.margin.raw, $0.value) } }
        let exactLimit: (() -> Int256?)? = limit.map { limit in { limit()?.raw } }
        var outcome = BoundarySearch.largestFeasible(
            lower: lower.raw, upper: upper.raw, guess: guess, slope: seed?.slope,
            approachOnly: referenceNoise != nil, limit: exactLimit, evaluate: exactEvaluate)
        if let referenceNoise, outcome.size > lower.raw {
            outcome = BoundarySearch.replayReferenceBisection(
                lower: lower.raw, upper: upper.raw, boundary: outcome,
                slope: seed?.slope, noise: referenceNoise.raw, evaluate: exactEvaluate)
        }
        return (Wad(raw: outcome.size), outcome.value, outcome.evaluations)
    }
}
