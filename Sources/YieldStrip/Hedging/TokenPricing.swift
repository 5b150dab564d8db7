import Foundation

/// The price of each position token in the asset (shares), as a function of the implied APY `y`, with its
/// first and second derivatives in `y`, on Pendle's spot convention.
///
/// ```
/// τ = secondsToExpiry / 31,536,000,   P(y) = (1 + y)^(−τ)
/// PT:  P,      dP/dy = −τ P / (1 + y),      d²P/dy² = τ (τ + 1) P / (1 + y)²
/// YT:  1 − P,  the PT's derivatives negated
/// SY:  the asset per SY (the PY index), no rate sensitivity
/// LP:  V(y) = one LP once arbitrage has moved the pool to y (ImpliedYieldCurve.lpValue); derivatives
///      by central differences of ±h, h = 1 bp (forward ones when y − h < 0)
/// ```
struct TokenPrice {
    var price: Double
    var firstDerivative: Double
    var secondDerivative: Double
}

enum TokenPricing {
    /// One basis point of APY: the LP's difference step, and the DV01's unit.
    static let basisPoint = 1e-4

    static func ptPrice(apy: Double, years: Double) -> Double { Foundation.exp(-Foundation.log1p(apy) * years) }
    /// `1 − PT` as `−expm1`, exact for small rates.
    static func ytPrice(apy: Double, years: Double) -> Double { -Foundation.expm1(-Foundation.log1p(apy) * years) }

    /// The token's price and derivatives at the curve's spot (`spot`), asset per SY `assetPerSy`.
    static func price<C: ImpliedYieldCurve>(_ token: PositionToken, curve: C, spot: CurveSpot, assetPerSy: Double) throws -> TokenPrice {
        let y = spot.impliedApy
        let tau = spot.yearsToExpiry
        let p = ptPrice(apy: y, years: tau)
        let d1 = -tau * p / (1 + y)
        let d2 = tau * (tau + 1) * p / ((1 + y) * (1 + y))
        switch token {
        case .pt: return TokenPrice(price: p, firstDerivative: d1, secondDerivative: d2)
        case .yt: return TokenPrice(price: ytPrice(apy: y, years: tau), firstDerivative: -d1, secondDerivative: -d2)
        case .sy: return TokenPrice(price: assetPerSy, firstDerivative: 0, secondDerivative: 0)
        case .lp:
            let h = basisPoint
            // The three valuations together (on Pendle their arbitrage trades are priced in shared sweeps).
            let central = y - h >= 0
            let values = try curve.lpValues(
                impliedApys: central ? [y, y + h, y - h] : [y, y + h, y + 2 * h], at: spot.blockTime,
                assetPerSy: assetPerSy
            ).map(\.valueInAsset)
            let (value, up) = (values[0], values[1])
            if central {
                let down = values[2]
                return TokenPrice(price: value, firstDerivative: (up - down) / (2 * h), secondDerivative: (up - 2 * value + down) / (h * h))
            }
            let up2 = values[2]
            return TokenPrice(price: value, firstDerivative: (up - value) / h, secondDerivative: (up2 - 2 * up + value) / (h * h))
        }
    }
}
