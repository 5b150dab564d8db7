import Foundation

/// A grid of scenarios: the implied APY shifted, the stock price moved, the calendar advanced.
public struct ScenarioRequest: Hashable, Sendable {
    public var position: Position
    /// Shifts of the implied APY (fractions: −0.005 is −50 bp), rows of the grid.
    public var apyShifts: [Double]
    /// Moves of the stock price (fractions: 0.1 is +10 %), columns.
    public var priceShifts: [Double]
    /// Days from now to the scenario (≥ 0, before expiry).
    public var days: Double
    /// The token's yield over the horizon (for YT interest and SY growth).
    public var realizedYield: RealizedYield
    /// Pendle's fee on YT interest (3 % by default).
    public var ytInterestFee: Double
    /// USD per share today.
    public var stockPrice: Double

    public init(
        position: Position, apyShifts: [Double], priceShifts: [Double], days: Double = 0, realizedYield: RealizedYield = .impliedApy,
        ytInterestFee: Double = YTInterest.defaultFeeRate.doubleValue, stockPrice: Double
    ) {
        self.position = position
        self.apyShifts = apyShifts
        self.priceShifts = priceShifts
        self.days = days
        self.realizedYield = realizedYield
        self.ytInterestFee = ytInterestFee
        self.stockPrice = stockPrice
    }

    /// The most cells a grid may have (an answer of about 18 MB in JSON).
    public static let maximumCells = 100_000
}

/// One cell: the position's value after the shifts and the days, and its PnL in USD.
public struct ScenarioCell: Hashable, Sendable {
    public var apyShiftBp: Double
    public var priceShift: Double
    /// The implied APY of the cell (floored at 0).
    public var impliedApy: Double
    public var valueShares: Double
    public var valueUsd: Double
    public var pnlUsd: Double
    /// The shifted APY was below 0 and floored at 0 (neither Pendle's market nor a YieldSpace pool prices a
    /// negative rate).
    public var clamped: Bool
    /// The LP could not be moved all the way to the cell's APY (the pool's limit; its PT is still priced there).
    public var lpAtPoolLimit: Bool
}

/// A scenario grid's answer.
public struct ScenarioResult: Sendable {
    public var curveName: String
    /// The market's expiry (Unix seconds).
    public var expiry: Int64
    /// The position valued.
    public var position: Position
    public var blockTime: Int64
    public var horizonTime: Int64
    public var days: Double
    public var yearsToExpiry: Double
    public var yearsToExpiryAtHorizon: Double
    public var impliedApy: Double
    public var stockPrice: Double
    public var realizedApy: Double
    public var realizedApyBasis: String
    public var ytInterestFee: Double
    /// Today's value, in shares and USD.
    public var baseValueShares: Double
    public var baseValueUsd: Double
    public var apyShifts: [Double]
    public var priceShifts: [Double]
    /// Rows by APY shift (in the order given), each row across the price shifts.
    public var cells: [ScenarioCell]
    public var warnings: [String]
    public var assumptions: [String]
}

/// A position's value when the implied APY, the stock price and the calendar move together.
///
/// ```
/// τ′ = τ − days/365,  y′ = max(0, y + shift),  G_h = (1 + realizedApy)^(days/365)
/// PT  (1 + y′)^(−τ′)                     YT  1 − PT′ + (G_h − 1)(1 − f)  (the interest collected meanwhile)
/// SY  I · G_h                            LP  one LP after the pool's trade to y′ at the horizon, SY at I · G_h
/// valueShares = Σ amount · price′,  valueUsd = valueShares · S · (1 + priceShift),  pnlUsd = valueUsd − base USD
/// ```
/// The values in shares depend on the APY row only: each row is priced once, then multiplied across the
/// price moves. On a YieldSpace pool SY is the pool's share (at `c`, growing with the token) and YT the
/// synthetic `1 − PT` (the pool trades none).
public enum Scenario {
    public static func compute<C: ImpliedYieldCurve>(_ request: ScenarioRequest, curve: C, at blockTime: Int64) throws -> ScenarioResult {
        try PositionSizing.checkStockPrice(request.stockPrice)
        try LockIn.checkRate(request.ytInterestFee, "ytFee", range: 0...1, reason: "the YT interest fee is a fraction in [0, 1], e.g. 3%")
        guard !request.apyShifts.isEmpty, !request.priceShifts.isEmpty else {
            throw StrategyError.invalidInput(field: "grid", value: "empty", reason: "give at least one APY shift and one price shift")
        }
        guard request.apyShifts.count * request.priceShifts.count <= ScenarioRequest.maximumCells else {
            throw StrategyError.invalidInput(
                field: "grid", value: "\(request.apyShifts.count) × \(request.priceShifts.count)",
                reason: "a grid holds at most \(ScenarioRequest.maximumCells) cells; use larger steps")
        }
        for shift in request.apyShifts { try LockIn.checkRate(shift, "apyShift", range: -10...10, reason: "give APY shifts such as -200..200:50bp") }
        for move in request.priceShifts {
            try LockIn.checkRate(move, "priceShift", range: -0.999999...100, reason: "a price move is above −100 %, e.g. -20..20:10%")
        }
        guard request.days.isFinite, request.days >= 0 else {
            throw StrategyError.invalidInput(field: "days", value: "\(request.days)", reason: "give a horizon of 0 days or more")
        }
        let spot = try curve.spot(at: blockTime)
        // The horizon in whole seconds, when it is a time at all (days beyond ~10^14 are beyond Int64's seconds).
        let exactSeconds = (request.days * Double(RateConventions.secondsPerDay)).rounded()
        var horizon: Int64?
        if exactSeconds < 9.2e18 {
            let (sum, overflow) = blockTime.addingReportingOverflow(Int64(exactSeconds))
            if !overflow { horizon = sum }
        }
        guard let horizon, horizon < curve.expiry else {
            let horizonText = horizon.map { UnixTime.format($0) } ?? "\(request.days) days after \(UnixTime.format(blockTime))"
            throw StrategyError.invalidInput(
                field: "days", value: "\(request.days)",
                reason: "the horizon \(horizonText) is not before expiry \(UnixTime.format(curve.expiry)); give fewer days")
        }
        let seconds = horizon - blockTime
        let (apy, basis, warnings) = try request.realizedYield.resolve(spot: spot, from: blockTime, to: horizon)
        let index = curve.assetPerSy.doubleValue
        let horizonYears = Double(seconds) / Double(RateConventions.secondsPerYear)
        let growth = Foundation.pow(1 + apy, horizonYears)
        let tauAfter = RateConventions.years(from: horizon, to: curve.expiry)
        let interest = (growth - 1) * (1 - request.ytInterestFee)

        // Today's value.
        var base = 0.0
        for leg in request.position.legs {
            base += leg.amount.doubleValue * (try TokenPricing.price(leg.token, curve: curve, spot: spot, assetPerSy: index).price)
        }
        let baseUsd = base * request.stockPrice
        let amounts = PositionToken.allCases.map { request.position.amount(of: $0).doubleValue }
        let (pt, yt, lp, sy) = (amounts[0], amounts[1], amounts[2], amounts[3])

        // The LP at every APY row at once (on Pendle the rows' arbitrage trades are priced together in sweeps).
        let lpValuations =
            lp != 0
            ? try curve.lpValues(impliedApys: request.apyShifts.map { Swift.max(0, spot.impliedApy + $0) }, at: horizon, assetPerSy: index * growth)
            : []
        var cells: [ScenarioCell] = []
        cells.reserveCapacity(request.apyShifts.count * request.priceShifts.count)
        for (row, shift) in request.apyShifts.enumerated() {
            let shifted = spot.impliedApy + shift
            let y = Swift.max(0, shifted)
            let ptPrice = TokenPricing.ptPrice(apy: y, years: tauAfter)
            let ytPrice = TokenPricing.ytPrice(apy: y, years: tauAfter)
            var lpValue = 0.0
            var atLimit = false
            if lp != 0 { (lpValue, atLimit) = (lpValuations[row].valueInAsset, lpValuations[row].reachedPoolLimit) }
            let shares = pt * ptPrice + yt * (ytPrice + interest) + sy * index * growth + lp * lpValue
            for move in request.priceShifts {
                let usd = shares * request.stockPrice * (1 + move)
                cells.append(
                    ScenarioCell(
                        apyShiftBp: (shift * 1e13).rounded() / 1e9, priceShift: move, impliedApy: y, valueShares: shares, valueUsd: usd,
                        pnlUsd: usd - baseUsd, clamped: shifted < 0, lpAtPoolLimit: atLimit))
            }
        }
        let yieldSpace = curve.curveName == YieldSpaceCurve<C.Scalar>.name
        return ScenarioResult(
            curveName: curve.curveName, expiry: curve.expiry, position: request.position, blockTime: blockTime, horizonTime: horizon,
            days: request.days, yearsToExpiry: spot.yearsToExpiry,
            yearsToExpiryAtHorizon: tauAfter, impliedApy: spot.impliedApy, stockPrice: request.stockPrice, realizedApy: apy,
            realizedApyBasis: basis, ytInterestFee: request.ytInterestFee, baseValueShares: base, baseValueUsd: baseUsd,
            apyShifts: request.apyShifts, priceShifts: request.priceShifts, cells: cells, warnings: warnings,
            assumptions: [
                "the implied APY shifts in parallel from \(String(format: "%.4f", spot.impliedApy * 100)) %, floored at 0 (a floored cell is 'clamped')",
                "after \(String(format: "%g", request.days)) days: PT and YT priced on Pendle's spot convention at the shifted APY and the shorter time to expiry"
                    + (yieldSpace ? " (YT as the synthetic 1 − PT: the pool trades no YT)" : ""),
                "the token grows \(String(format: "%.4f", apy * 100)) % a year meanwhile (\(basis)): SY with it, YT collects it net of a \(String(format: "%.4g", request.ytInterestFee * 100)) % fee"
            ] + (lp != 0 ? ["the LP is valued after the pool's own trade to the shifted APY at the horizon"] : [])
                + ["USD = shares × the moved stock price"])
    }
}
