import Foundation

/// The trade two venues are compared on.
public enum VenueTradeSide: String, CaseIterable, Sendable {
    /// Pay SY, receive PT (a lock-in's purchase): ``CurveTradeKind/buyPtWithSy``.
    case buyPt
    /// Pay PT, receive SY: ``CurveTradeKind/sellPtForSy``.
    case sellPt

    public var tradeKind: CurveTradeKind { self == .buyPt ? .buyPtWithSy : .sellPtForSy }
}

/// The unit of a compared trade's size.
///
/// Buying PT the size is what is paid: `sy` (the same SY amount on each venue), `shares` (that many shares'
/// worth of each venue's SY, at its own asset-per-SY rate: Pendle's PY index, YieldSpace's `c`) or `usd`
/// (shares at the stock price, then as `shares`). Selling PT the size is the PT sold: `pt`, or `shares`
/// (the same: one PT redeems one share at maturity on both venues, so its face value in shares) or `usd`
/// (that face value in dollars at the stock price).
public enum VenueSizeUnit: String, CaseIterable, Sendable {
    case sy, shares, usd, pt
}

/// What a venue comparison asks: the side, the sizes (one, or a list for a table), their unit, the stock price.
public struct VenueComparisonRequest: Hashable, Sendable {
    public var side: VenueTradeSide
    public var unit: VenueSizeUnit
    /// The sizes in ``unit`` (exact decimals), each > 0; the rows come out in increasing size.
    public var sizes: [Wad]
    /// USD per share (per base), for `usd` sizes and the USD figures.
    public var stockPrice: Double?
    /// How closely a flip size is bisected: the bracket's width relative to its lower end.
    public var flipPrecision: Double

    public init(
        side: VenueTradeSide, unit: VenueSizeUnit, sizes: [Wad], stockPrice: Double? = nil,
        flipPrecision: Double = VenueComparisonRequest.defaultFlipPrecision
    ) {
        self.side = side
        self.unit = unit
        self.sizes = sizes
        self.stockPrice = stockPrice
        self.flipPrecision = flipPrecision
    }

    /// 0.01 %: a flip size is known to within 1e-4 of itself.
    public static let defaultFlipPrecision = 1e-4
    /// The most sizes one comparison takes.
    public static let maximumSizes = 100
}

/// One venue as the comparison read it: its curve, rate, fee and the largest trade it takes this way.
public struct VenueSummary: Sendable {
    public var curveName: String
    public var expiry: Int64
    public var secondsToExpiry: Int64
    public var yearsToExpiry: Double
    /// Asset (shares) per SY: Pendle's PY index, YieldSpace's `c`.
    public var assetPerSy: Wad
    public var spotApy: Double
    public var annualFeeRate: Double
    /// The largest input the venue takes this way (SY buying, PT selling; ``ImpliedYieldCurve/largestInput(_:at:)``),
    /// in shares (buying: its value now; selling: its face value), in USD, and in the request's unit; nil when
    /// no trade executes.
    public var largestInput: Wad?
    public var largestInputShares: Double?
    public var largestInputUsd: Double?
    public var largestInputInUnit: Double?
}

/// One venue's fill of one size.
public struct VenueFill: Sendable {
    /// The size in this venue's input token, in words (`10000 USD ÷ 230 USD/share = … shares ÷ 1.0032… shares/SY = … SY`).
    public var conversion: String
    /// The input given (SY buying, PT selling) and what the trade spent of it, exact.
    public var amountGiven: Wad
    public var amountIn: Wad
    /// The input in shares: buying, the SY's value now (`syToAsset`); selling, the PT's face value.
    public var sharesIn: Double
    /// What the trade pays (PT buying, SY selling), exact, and in shares: PT are shares at maturity; SY is
    /// valued at the venue's rate now.
    public var amountOut: Wad
    public var fillShares: Double
    /// Buying: the APY the PT locks in, `(PT / shares paid)^(1/τ) − 1` (``LockIn/apy(ptOut:syIn:assetPerSy:years:)``);
    /// selling: the APY the PT is sold at, `(PT / shares received)^(1/τ) − 1`. Higher is better buying, lower
    /// selling.
    public var effectiveApy: Double
    public var impliedApyAfter: Double
    /// What of the spot APY the fee and the price impact cost the trader (against the fee-free pool: ``ImpliedYieldCurve/withoutFee()``);
    /// nil when the fee-free pool refuses the trade.
    public var feeApy: Double?
    public var impactApy: Double?
    /// The fee in shares (the fee in SY at the venue's rate) and in USD.
    public var feeShares: Double
    public var feeUsd: Double?
    /// The venue's trade (`swapExactSyForPt`, `sellBase`, …).
    public var venueTrade: String
}

/// A venue's answer to one size: its fill, or why it refused.
public enum VenueOutcome: Sendable {
    case filled(VenueFill)
    /// The venue's error (`NegativeInterestRatesNotAllowed`, `ExceedsMarketLimit`, …).
    case refused(errorName: String, errorArgs: [String], message: String)

    public var fill: VenueFill? {
        if case .filled(let fill) = self { return fill }
        return nil
    }
}

/// One size on both venues.
public struct VenueComparisonRow: Sendable {
    public var size: Wad
    /// The two outcomes, venue A's first.
    public var outcomes: [VenueOutcome]
    /// The venue that fills better (0: A, 1: B): the higher effective APY buying, the lower selling; the one
    /// that fills when the other refuses; nil when neither fills, or both fill alike.
    public var better: Int?
    /// By how much: the effective APYs' gap in basis points; the better fill's extra shares for the same input
    /// (the worse venue's fill scaled to the better venue's input), and those shares in USD at today's stock
    /// price. Nil when only one venue fills (and the shares when the venues mature apart).
    public var advantageBp: Double?
    public var advantageShares: Double?
    public var advantageUsd: Double?
}

/// Where the better venue changes between two sizes of the table, bisected.
public struct VenueFlip: Sendable {
    /// The table's sizes around the flip, and the venue better at each.
    public var lowerSize: Wad
    public var upperSize: Wad
    public var betterBelow: Int
    public var betterAbove: Int
    /// The flip, bisected to ``VenueComparisonRequest/flipPrecision``: the final bracket and its midpoint, in the
    /// request's unit.
    public var flipSize: Double
    public var flipSizeLow: Double
    public var flipSizeHigh: Double
    /// `rates`: both venues fill on either side and their APYs cross; `refusal`: above the flip the venue that
    /// was better refuses the trade (it reached its largest).
    public var cause: String
}

/// The whole comparison.
public struct VenueComparisonResult: Sendable {
    public var side: VenueTradeSide
    public var unit: VenueSizeUnit
    public var stockPrice: Double?
    public var blockTime: Int64
    public var flipPrecision: Double
    /// Venue A, then B.
    public var venues: [VenueSummary]
    /// One per size, in increasing size.
    public var rows: [VenueComparisonRow]
    public var flips: [VenueFlip]
    public var assumptions: [String]
}

/// One point of a size sweep (for a chart): each venue's effective APY, nil where it refuses.
public struct VenueSweepPoint: Sendable {
    public var size: Double
    public var effectiveApy: [Double?]
}

/// The same trade on two venues side by side: each venue's exact optimal fill of each size, its effective APY,
/// what the fee and the price impact take, the largest trade it takes, which venue fills better and by how much,
/// and the size where the better venue flips.
///
/// Not to be confused with ``MarketComparison``, which sets one market's PT and YT beside their fair values from a
/// dividend projection; this one sets two venues' fills of the same trade beside each other.
///
/// ```
/// buying:   input = SY (each venue's own, from the size at its asset-per-SY rate),  fill = PT out (shares at maturity)
///           effectiveApy = (PT / (SY · assetPerSy))^(1/τ) − 1
/// selling:  input = PT,  fill = SY out · assetPerSy (shares now),  effectiveApy = (PT / fill)^(1/τ) − 1
/// feeApy    = |effectiveApy − the fee-free pool's|,  impactApy = |the fee-free pool's − spotApy|   (costs, ≥ 0)
/// better    buying: the higher effectiveApy; selling: the lower;  advantageBp = |ΔeffectiveApy| · 10⁴
/// advantageShares = fill_better − fill_worse · input_better / input_worse,   advantageUsd = · stockPrice
/// ```
/// A flip between two sizes of the table is bisected (geometrically) until the bracket is within
/// ``VenueComparisonRequest/flipPrecision`` of itself. Fills are exact (the venues' own arithmetic, ``Wad``);
/// the analytics are `Double`.
public enum VenueComparison {
    /// Compares `venueA` and `venueB` at `blockTime`.
    ///
    /// - Throws: ``StrategyError``: `InvalidInput` for no size, more than ``VenueComparisonRequest/maximumSizes``, an
    ///   `sy` size selling or a `pt` size buying, a stock price ≤ 0; `NonPositiveSize`; `MissingStockPrice` for a USD
    ///   size without a price; a venue's own error when it cannot be read at `blockTime` (`MarketExpired`,
    ///   `AfterMaturity`). A venue refusing a size is not an error: that row says so.
    public static func compute<A: ImpliedYieldCurve, B: ImpliedYieldCurve>(
        _ request: VenueComparisonRequest, venueA: A, venueB: B,
        at blockTime: Int64
    ) throws -> VenueComparisonResult
    where A.Scalar == Wad, B.Scalar == Wad {
        try check(request)
        let venues: [any ImpliedYieldCurve<Wad>] = [venueA, venueB]
        let summaries = try venues.map { try summary($0, request: request, at: blockTime) }
        let sameMaturity = summaries[0].expiry == summaries[1].expiry
        let sizes = Array(Set(request.sizes)).sorted()
        var rows: [VenueComparisonRow] = []
        for size in sizes {
            let outcomes = venues.map { outcome($0, size: size, request: request, at: blockTime, detailed: true) }
            rows.append(row(size: size, outcomes: outcomes, side: request.side, stockPrice: request.stockPrice, sameMaturity: sameMaturity))
        }
        var flips: [VenueFlip] = []
        for (lower, upper) in zip(rows, rows.dropFirst()) {
            guard let below = lower.better, let above = upper.better, below != above else { continue }
            flips.append(try flip(venues, from: lower.size, to: upper.size, better: below, above: above, request: request, at: blockTime))
        }
        return VenueComparisonResult(
            side: request.side, unit: request.unit, stockPrice: request.stockPrice, blockTime: blockTime,
            flipPrecision: request.flipPrecision, venues: summaries, rows: rows, flips: flips,
            assumptions: assumptions(request, summaries: summaries, at: blockTime))
    }

    /// Each venue's effective APY at `points` sizes spaced evenly in log between `from` and `to` (in the request's
    /// unit, 0 < from ≤ to), and at the request's own sizes: the chart's curves.
    public static func sweep<A: ImpliedYieldCurve, B: ImpliedYieldCurve>(
        _ request: VenueComparisonRequest, venueA: A, venueB: B,
        at blockTime: Int64, from: Double, to: Double,
        points: Int = 49
    ) throws -> [VenueSweepPoint]
    where A.Scalar == Wad, B.Scalar == Wad {
        try check(request)
        guard from.isFinite, to.isFinite, from > 0, to >= from, points >= 2, points <= 1_000 else {
            throw StrategyError.invalidInput(
                field: "sweep", value: "\(from)…\(to)", reason: "sweep positive sizes, the first not above the last, 2 to 1,000 points")
        }
        let venues: [any ImpliedYieldCurve<Wad>] = [venueA, venueB]
        var sizes = (0..<points).map { $0 == points - 1 ? to : from * Foundation.pow(to / from, Double($0) / Double(points - 1)) }
        sizes += request.sizes.map(\.doubleValue)
        sizes = Array(Set(sizes)).sorted()
        return sizes.compactMap { size in
            guard let exact = Wad.shortestDecimal(size), exact.isPositive else { return nil }
            let apys = venues.map { outcome($0, size: exact, request: request, at: blockTime, detailed: false).fill?.effectiveApy }
            return VenueSweepPoint(size: size, effectiveApy: apys)
        }
    }

    // MARK: Parts

    static func check(_ request: VenueComparisonRequest) throws {
        guard !request.sizes.isEmpty else { throw StrategyError.invalidInput(field: "sizes", value: "none", reason: "give at least one size") }
        guard request.sizes.count <= VenueComparisonRequest.maximumSizes else {
            throw StrategyError.invalidInput(
                field: "sizes", value: "\(request.sizes.count)",
                reason: "a comparison takes at most \(VenueComparisonRequest.maximumSizes) sizes")
        }
        for size in request.sizes where !size.isPositive {
            throw StrategyError.nonPositiveSize(unit: request.unit.rawValue, value: size.description)
        }
        switch (request.side, request.unit) {
        case (.sellPt, .sy):
            throw StrategyError.invalidInput(
                field: "unit", value: "sy", reason: "selling PT the size is the PT sold: give it in pt, shares (its face value) or usd")
        case (.buyPt, .pt):
            throw StrategyError.invalidInput(field: "unit", value: "pt", reason: "buying PT the size is what is paid: give it in sy, shares or usd")
        default:
            break
        }
        if let price = request.stockPrice { try PositionSizing.checkStockPrice(price) }
        if request.unit == .usd && request.stockPrice == nil { throw StrategyError.missingStockPrice(purpose: "a size in USD") }
        guard request.flipPrecision.isFinite, request.flipPrecision > 0, request.flipPrecision < 1 else {
            throw StrategyError.invalidInput(
                field: "flipPrecision", value: "\(request.flipPrecision)", reason: "give a relative precision in (0, 1), e.g. 1e-4")
        }
    }

    static func summary<C: ImpliedYieldCurve>(_ curve: C, request: VenueComparisonRequest, at blockTime: Int64) throws -> VenueSummary
    where C.Scalar == Wad {
        let spot = try curve.spot(at: blockTime)
        let index = curve.assetPerSy
        let largest = curve.largestInput(request.side.tradeKind, at: blockTime)
        let shares = largest.map {
            request.side == .buyPt ? ((try? $0.syToAsset(index: index))?.doubleValue ?? $0.doubleValue * index.doubleValue) : $0.doubleValue
        }
        let usd = request.stockPrice.flatMap { price in shares.map { $0 * price } }
        let inUnit: Double?
        switch request.unit {
        case .sy, .pt: inUnit = largest?.doubleValue
        case .shares: inUnit = shares
        case .usd: inUnit = usd
        }
        return VenueSummary(
            curveName: curve.curveName, expiry: curve.expiry, secondsToExpiry: spot.secondsToExpiry, yearsToExpiry: spot.yearsToExpiry,
            assetPerSy: index, spotApy: spot.impliedApy, annualFeeRate: curve.annualFeeRate, largestInput: largest,
            largestInputShares: shares, largestInputUsd: usd, largestInputInUnit: inUnit)
    }

    /// The venue's input for `size`: SY buying (from the unit at its own rate), PT selling; its value in shares,
    /// and the conversion in words.
    static func input(size: Wad, request: VenueComparisonRequest, assetPerSy: Wad) throws -> (amount: Wad, shares: Double, conversion: String) {
        switch request.side {
        case .buyPt:
            guard let position = PositionSize(unit: request.unit.rawValue, amount: size) else {
                throw StrategyError.invalidInput(
                    field: "unit", value: request.unit.rawValue, reason: "buying PT the size is what is paid: give it in sy, shares or usd")
            }
            let conversion = try PositionSizing.convert(position, assetPerSy: assetPerSy, stockPrice: request.stockPrice)
            return (conversion.sy, conversion.shares, conversion.description)
        case .sellPt:
            switch request.unit {
            case .pt: return (size, size.doubleValue, "\(size) PT")
            case .shares: return (size, size.doubleValue, "\(size) shares at maturity = \(size) PT (each redeems one share)")
            case .usd:
                guard let stockPrice = request.stockPrice else { throw StrategyError.missingStockPrice(purpose: "a size in USD") }
                guard let price = Wad.shortestDecimal(stockPrice) else {
                    throw StrategyError.invalidInput(field: "stockPrice", value: "\(stockPrice)", reason: "give a price in USD below 1e40")
                }
                let pt = try size.divDown(price)
                guard pt.isPositive else { throw StrategyError.sizeRoundsToZero(unit: "usd", value: size.description) }
                return (pt, pt.doubleValue, "\(size) USD ÷ \(price) USD/share = \(pt) PT (each redeems one share at maturity)")
            case .sy:
                throw StrategyError.invalidInput(
                    field: "unit", value: "sy", reason: "selling PT the size is the PT sold: give it in pt, shares (its face value) or usd")
            }
        }
    }

    /// The venue's fill of `size` (its fee-free counterpart too when `detailed`), or its refusal.
    static func outcome<C: ImpliedYieldCurve>(
        _ curve: C, size: Wad, request: VenueComparisonRequest, at blockTime: Int64,
        detailed: Bool
    ) -> VenueOutcome where C.Scalar == Wad {
        do {
            let spot = try curve.spot(at: blockTime)
            let index = curve.assetPerSy
            let (amount, shares, conversion) = try input(size: size, request: request, assetPerSy: index)
            let kind = request.side.tradeKind
            let tau = spot.yearsToExpiry
            let trade = try curve.trade(kind, exactIn: amount, at: blockTime)
            func apy(_ out: Wad) -> Double {
                request.side == .buyPt
                    ? LockIn.apy(ptOut: out.doubleValue, syIn: amount.doubleValue, assetPerSy: index.doubleValue, years: tau)
                    : Foundation.expm1(Foundation.log(amount.doubleValue / (out.doubleValue * index.doubleValue)) / tau)
            }
            let effective = apy(trade.amountOut)
            var feeApy: Double? = nil
            var impactApy: Double? = nil
            if detailed, let feeFree = try? curve.withoutFee().trade(kind, exactIn: amount, at: blockTime) {
                let withoutFee = apy(feeFree.amountOut)
                feeApy = Swift.abs(withoutFee - effective)
                impactApy = Swift.abs(spot.impliedApy - withoutFee)
            }
            let fill = request.side == .buyPt ? trade.amountOut.doubleValue : trade.amountOut.doubleValue * index.doubleValue
            let feeShares = trade.feeSy.doubleValue * index.doubleValue
            return .filled(
                VenueFill(
                    conversion: conversion, amountGiven: amount, amountIn: trade.amountIn, sharesIn: shares, amountOut: trade.amountOut,
                    fillShares: fill, effectiveApy: effective, impliedApyAfter: trade.impliedApyAfter, feeApy: feeApy,
                    impactApy: impactApy, feeShares: feeShares, feeUsd: request.stockPrice.map { feeShares * $0 },
                    venueTrade: trade.venueTrade))
        } catch let error as any DomainError {
            return .refused(errorName: error.errorName, errorArgs: error.errorArgs, message: error.message)
        } catch {
            return .refused(errorName: "Error", errorArgs: [], message: "\(error)")
        }
    }

    /// The venue that fills better: 0 or 1, nil when neither fills or both alike.
    static func better(_ outcomes: [VenueOutcome], side: VenueTradeSide) -> Int? {
        switch (outcomes[0].fill, outcomes[1].fill) {
        case (nil, nil): return nil
        case (_?, nil): return 0
        case (nil, _?): return 1
        case (let a?, let b?):
            if a.effectiveApy == b.effectiveApy { return nil }
            return (a.effectiveApy > b.effectiveApy) == (side == .buyPt) ? 0 : 1
        }
    }

    static func row(size: Wad, outcomes: [VenueOutcome], side: VenueTradeSide, stockPrice: Double?, sameMaturity: Bool) -> VenueComparisonRow {
        let winner = better(outcomes, side: side)
        var result = VenueComparisonRow(size: size, outcomes: outcomes, better: winner)
        guard let winner, let good = outcomes[winner].fill, let bad = outcomes[1 - winner].fill else { return result }
        result.advantageBp = Swift.abs(good.effectiveApy - bad.effectiveApy) * 1e4
        if sameMaturity {
            let shares = good.fillShares - bad.fillShares * good.sharesIn / bad.sharesIn
            result.advantageShares = shares
            result.advantageUsd = stockPrice.map { shares * $0 }
        }
        return result
    }

    static func flip(
        _ venues: [any ImpliedYieldCurve<Wad>], from lower: Wad, to upper: Wad, better below: Int, above: Int,
        request: VenueComparisonRequest, at blockTime: Int64
    ) throws -> VenueFlip {
        func winner(_ size: Double) -> (better: Int?, refused: Bool) {
            guard let exact = Wad.shortestDecimal(size), exact.isPositive else { return (nil, true) }
            let outcomes = venues.map { outcome($0, size: exact, request: request, at: blockTime, detailed: false) }
            return (better(outcomes, side: request.side), outcomes[below].fill == nil)
        }
        var low = lower.doubleValue
        var high = upper.doubleValue
        var refusedAbove = winner(high).refused
        for _ in 0..<200 where high / low - 1 > request.flipPrecision {
            let middle = (low * high).squareRoot()
            guard middle > low, middle < high else { break }
            let probe = winner(middle)
            if probe.better == below {
                low = middle
            } else {
                high = middle
                refusedAbove = probe.refused
            }
        }
        return VenueFlip(
            lowerSize: lower, upperSize: upper, betterBelow: below, betterAbove: above, flipSize: (low + high) / 2,
            flipSizeLow: low, flipSizeHigh: high, cause: refusedAbove ? "refusal" : "rates")
    }

    static func assumptions(_ request: VenueComparisonRequest, summaries: [VenueSummary], at blockTime: Int64) -> [String] {
        var lines = [
            "the same trade on both venues at \(UnixTime.format(blockTime)): each venue's exact optimal \(request.side == .buyPt ? "purchase of PT with SY" : "sale of PT for SY"), fees and price impact included"
        ]
        switch (request.side, request.unit) {
        case (.buyPt, .sy): lines.append("the size is the SY paid on each venue; each venue's SY is worth its own asset-per-SY rate in shares")
        case (.buyPt, .shares):
            lines.append("the size is shares' worth of each venue's SY, converted at its own rate (Pendle: the PY index; YieldSpace: c)")
        case (.buyPt, _):
            lines.append(
                "the size in USD converts to shares at the stock price, then to each venue's SY at its own rate (Pendle: the PY index; YieldSpace: c)"
            )
        case (.sellPt, _): lines.append("the size is the PT sold on each venue (shares and USD count its face value: one share at maturity each)")
        }
        lines.append(
            request.side == .buyPt
                ? "fills compare in shares: a PT redeems one share at maturity on both venues; better = the higher APY locked in"
                : "fills compare in shares: the SY received, valued now at the venue's rate; better = the lower APY the PT sells at")
        if summaries[0].expiry != summaries[1].expiry {
            lines.append(
                "the venues mature at different times (\(UnixTime.format(summaries[0].expiry)) and \(UnixTime.format(summaries[1].expiry))): their APYs compare, their amounts do not (no advantage in shares or USD)"
            )
        } else if request.stockPrice != nil {
            lines.append("the advantage in USD values the better fill's extra shares at today's stock price")
        }
        lines.append(
            "a flip between two sizes is bisected until its bracket is within \(String(format: "%g", request.flipPrecision * 100)) % of itself")
        return lines
    }
}
