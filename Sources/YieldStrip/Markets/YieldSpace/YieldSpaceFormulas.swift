import Foundation

/// The arithmetic the YieldSpace formulas are written in: 64-digit decimal for the exact flavour
/// (``YieldSpaceMath``), `Double` for the analytic one (``YieldSpaceAnalytics``).
protocol YieldSpaceArithmetic: Comparable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    /// `self^exponent`; nil where it is not a real number (a negative base to a fractional power).
    func raised(to exponent: Self) -> Self?
}

/// decimal.js at `precision: 64`, as Yield's TypeScript sets it: every operation rounded to 64 significant
/// digits, half away from zero.
struct ReferenceDecimal: YieldSpaceArithmetic {
    var value: YieldDecimal

    static let digits = 64
    static let zero = ReferenceDecimal(value: .zero)
    static let one = ReferenceDecimal(value: .one)

    static func + (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
        ReferenceDecimal(value: lhs.value.adding(rhs.value, significantDigits: digits))
    }
    static func - (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
        ReferenceDecimal(value: lhs.value.subtracting(rhs.value, significantDigits: digits))
    }
    static func * (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
        ReferenceDecimal(value: lhs.value.multiplied(by: rhs.value, significantDigits: digits))
    }
    static func / (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> ReferenceDecimal {
        ReferenceDecimal(value: lhs.value.divided(by: rhs.value, significantDigits: digits))
    }
    func raised(to exponent: ReferenceDecimal) -> ReferenceDecimal? {
        value.power(exponent.value, significantDigits: ReferenceDecimal.digits).map(ReferenceDecimal.init(value:))
    }
    static func < (lhs: ReferenceDecimal, rhs: ReferenceDecimal) -> Bool { lhs.value < rhs.value }
}

extension Double: YieldSpaceArithmetic {
    func raised(to exponent: Double) -> Double? {
        let result = Foundation.pow(self, exponent)
        return result.isNaN ? nil : result
    }
}

/// A pool's coefficients at one time: `c/μ`, `μ`, `c`, and `a = 1 − g·ts·T` with `1/a`.
struct YieldSpaceTerms<N: YieldSpaceArithmetic> {
    var c: N
    var mu: N
    var a: N
    var invA: N
    var cOverMu: N { c / mu }
}

/// The YieldSpace formulas of Yield Protocol's `@yield-protocol/ui-math` (`packages/math/src/index.ts`),
/// operation by operation in its order, so that in 64-digit decimal every intermediate rounds as there.
/// `z`: shares reserves, `y`: virtual fyToken reserves, `x`: the trade amount. Each returns the result
/// before the precision fee and flooring; nil where the TypeScript would compute NaN.
enum YieldSpaceFormulas {
    /// `a = 1 − g·(ts·T)` (`_computeA`).
    static func a<N: YieldSpaceArithmetic>(g: N, ts: N, timeTillMaturity: N) -> N {
        N.one - g * (ts * timeTillMaturity)
    }

    /// fyToken out for shares in: `y − [ (c/μ)(μz)^a + y^a − (c/μ)(μz + μx)^a ]^(1/a)`.
    static func sellBase<N: YieldSpaceArithmetic>(z: N, y: N, x: N, _ k: YieldSpaceTerms<N>) -> N? {
        let cm = k.cOverMu
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a),
            let zxa = (k.mu * z + k.mu * x).raised(to: k.a)
        else { return nil }
        let sum = cm * muZa + ya - cm * zxa
        guard let root = sum.raised(to: k.invA) else { return nil }
        return y - root
    }

    /// Shares out for fyToken in: `z − (1/μ)·[ ((c/μ)(μz)^a + y^a − (y + x)^a) / (c/μ) ]^(1/a)`.
    static func sellFYToken<N: YieldSpaceArithmetic>(z: N, y: N, x: N, _ k: YieldSpaceTerms<N>) -> N? {
        let cm = k.cOverMu
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a), let yxa = (y + x).raised(to: k.a) else { return nil }
        let sum = (cm * muZa + ya - yxa) / cm
        guard let root = sum.raised(to: k.invA) else { return nil }
        return z - N.one / k.mu * root
    }

    /// fyToken in for shares out: `[ (c/μ)(μz)^a + y^a − (c/μ)(μz − μx)^a ]^(1/a) − y`.
    static func buyBase<N: YieldSpaceArithmetic>(z: N, y: N, x: N, _ k: YieldSpaceTerms<N>) -> N? {
        let cm = k.cOverMu
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a),
            let zxa = (k.mu * z - k.mu * x).raised(to: k.a)
        else { return nil }
        let sum = cm * muZa + ya - cm * zxa
        guard let root = sum.raised(to: k.invA) else { return nil }
        return root - y
    }

    /// Shares in for fyToken out: `(1/μ)·[ ((c/μ)(μz)^a + (y^a − (y − x)^a)) / (c/μ) ]^(1/a) − z`.
    static func buyFYToken<N: YieldSpaceArithmetic>(z: N, y: N, x: N, _ k: YieldSpaceTerms<N>) -> N? {
        let cm = k.cOverMu
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a), let yxa = (y - x).raised(to: k.a) else { return nil }
        let sum = (cm * muZa + (ya - yxa)) / cm
        guard let root = sum.raised(to: k.invA) else { return nil }
        return N.one / k.mu * root - z
    }

    /// The most shares that can be sold before the rate reaches zero:
    /// `(1/μ)·[ (c·μ^a·z^a + μ·y^a) / (c + μ) ]^(1/a) − z`.
    static func maxBaseIn<N: YieldSpaceArithmetic>(z: N, y: N, _ k: YieldSpaceTerms<N>) -> N? {
        guard let mua = k.mu.raised(to: k.a), let za = z.raised(to: k.a), let ya = y.raised(to: k.a) else { return nil }
        let top = k.c * mua * za + k.mu * ya
        guard let root = (top / (k.c + k.mu)).raised(to: k.invA) else { return nil }
        return N.one / k.mu * root - z
    }

    /// The most fyToken that can be sold (shares reserves to zero): `[ (c/μ)(μz)^a + y^a ]^(1/a) − y`.
    static func maxFyTokenIn<N: YieldSpaceArithmetic>(z: N, y: N, _ k: YieldSpaceTerms<N>) -> N? {
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a),
            let root = (k.cOverMu * muZa + ya).raised(to: k.invA)
        else { return nil }
        return root - y
    }

    /// The most fyToken that can be bought before the rate reaches zero:
    /// `y − [ (c·μ^a·z^a + μ·y^a) / (c + μ) ]^(1/a)`.
    static func maxFyTokenOut<N: YieldSpaceArithmetic>(z: N, y: N, _ k: YieldSpaceTerms<N>) -> N? {
        guard let mua = k.mu.raised(to: k.a), let za = z.raised(to: k.a), let ya = y.raised(to: k.a) else { return nil }
        let sum = k.c * mua * za + k.mu * ya
        guard let root = (sum / (k.c + k.mu)).raised(to: k.invA) else { return nil }
        return y - root
    }

    /// The pool's value per LP token in base:
    /// `(c/μ)·[ ((c/μ)(μz)^a + y^a) / (c/μ + 1) ]^(1/a) / s`.
    static func invariant<N: YieldSpaceArithmetic>(z: N, y: N, totalSupply s: N, _ k: YieldSpaceTerms<N>) -> N? {
        let cm = k.cOverMu
        guard let muZa = (k.mu * z).raised(to: k.a), let ya = y.raised(to: k.a),
            let root = ((cm * muZa + ya) / (cm + N.one)).raised(to: k.invA)
        else { return nil }
        return cm * root / s
    }

    /// The pool's rate as an APY on the time stretch's own year: `(y / (z·μ))^(1/tsYears) − 1` with
    /// `tsYears = (1/ts) / secondsPerYear`.
    static func interestRate<N: YieldSpaceArithmetic>(z: N, y: N, ts: N, mu: N, secondsPerYear: N) -> N? {
        let tsYears = N.one / ts / secondsPerYear
        guard let growth = (y / (z * mu)).raised(to: N.one / tsYears) else { return nil }
        return growth - N.one
    }
}
