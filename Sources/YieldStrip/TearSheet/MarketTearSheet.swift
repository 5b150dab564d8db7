import Foundation

/// What a market's tear sheet computes: a standard size for the two jobs, the position for the scenario
/// grid and the hedge ratios, and the grid's shifts.
public struct MarketTearSheetRequest: Hashable, Sendable {
    /// The size of the lock-in and of the YT short; nil: ``defaultPoolShare`` of the pool's value, in SY.
    public var size: PositionSize?
    /// The position of the scenario grid and the hedge ratios; nil: the lock-in's PT.
    public var position: Position?
    /// USD per share today (nil: none; the USD figures, the scenario grid and the stock delta then say why
    /// they are missing).
    public var stockPrice: Double?
    /// The grid's implied-APY shifts (rows) and stock moves (columns), fractions, and its horizon in days.
    public var apyShifts: [Double]
    public var priceShifts: [Double]
    public var days: Double

    public init(
        size: PositionSize? = nil, position: Position? = nil, stockPrice: Double? = nil,
        apyShifts: [Double] = MarketTearSheetRequest.defaultApyShifts, priceShifts: [Double] = MarketTearSheetRequest.defaultPriceShifts,
        days: Double = 0
    ) {
        self.size = size
        self.position = position
        self.stockPrice = stockPrice
        self.apyShifts = apyShifts
        self.priceShifts = priceShifts
        self.days = days
    }

    /// The standard size: 1 % of the pool's value.
    public static let defaultPoolShare = 0.01
    /// −100 bp … +100 bp by 25 bp.
    public static let defaultApyShifts: [Double] = (-4...4).map { Double($0) * 25 / 10_000 }
    /// −20 % … +20 % by 5 %.
    public static let defaultPriceShifts: [Double] = (-4...4).map { Double($0) * 5 / 100 }
}

/// One part of a tear sheet: its result, or why it could not be computed (the market refused the trade,
/// no stock price was given), so that one part failing leaves the rest of the page.
public enum TearSheetSection<Value: Sendable>: Sendable {
    case computed(Value)
    case unavailable(reason: String)

    public var value: Value? {
        if case .computed(let value) = self { return value }
        return nil
    }

    public var reason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }

    /// `body`'s result, or its error's message.
    static func attempt(_ body: () throws -> Value) -> TearSheetSection<Value> {
        do {
            return .computed(try body())
        } catch let error as any DomainError {
            return .unavailable(reason: error.message)
        } catch {
            return .unavailable(reason: "\(error)")
        }
    }
}

/// The market part of a tear sheet: the venue's own read of the pool.
public enum TearSheetMarket: Sendable {
    /// A Pendle V2 market (``PendleMarketMath/snapshot(_:pyIndex:blockTime:stockPrice:)``).
    case pendleV2(MarketSnapshot<Wad>)
    /// A YieldSpace pool (``YieldSpacePool/snapshot(at:stockPrice:)``).
    case yieldSpace(YieldSpaceSnapshot)
}

/// A market's whole story at one block time, for one page: its state and depth, a lock-in and a YT short
/// of a standard size, a scenario grid and the hedge ratios of a position, and what was assumed. Every
/// figure is one of the library's results (``PendleMarketMath/snapshot(_:pyIndex:blockTime:stockPrice:)``
/// or ``YieldSpacePool/snapshot(at:stockPrice:)``, ``MarketDepth``, ``LockIn``, ``ShortYT``, ``Scenario``,
/// ``RateRisk``, ``StockDelta``), computed as the commands compute them. On a YieldSpace pool the YT short
/// is ``TearSheetSection/unavailable(reason:)``: the pool trades no YT.
public struct MarketTearSheet: Sendable {
    /// The market file's descriptive fields.
    public var name: String?
    public var underlying: String?
    public var source: String?
    public var origin: String
    /// The file's `curve` (`pendle-v2`, `yieldspace`).
    public var curveName: String
    public var blockTime: Int64
    /// Where the block time came from (`given`, `market file`, `wall clock`).
    public var blockTimeSource: String
    public var stockPrice: Double?
    /// The expiry (maturity) and the spot rate and prices at ``blockTime``.
    public var expiry: Int64
    public var spot: CurveSpot
    /// Asset per SY (the PY index; `c` on a YieldSpace pool).
    public var assetPerSy: Double
    /// The venue's read of the market.
    public var market: TearSheetMarket
    public var depth: MarketDepth<Wad>
    /// The size of the two jobs, and how it was chosen.
    public var size: PositionSize
    public var sizeBasis: String
    public var lockIn: TearSheetSection<LockInResult<Wad>>
    public var shortYT: TearSheetSection<ShortYTResult<Wad>>
    /// The position of the grid and the hedge ratios, and where it comes from; nil when there is none (the
    /// lock-in failed and no position was given).
    public var position: Position?
    public var positionBasis: String
    public var scenario: TearSheetSection<ScenarioResult>
    public var rateRisk: TearSheetSection<RateRiskResult>
    public var stockDelta: TearSheetSection<StockDeltaResult>
    /// What the page as a whole assumes, in words (each result keeps its own assumptions too).
    public var assumptions: [String]

    /// The Pendle market's snapshot; nil on a YieldSpace pool.
    public var snapshot: MarketSnapshot<Wad>? {
        if case .pendleV2(let snapshot) = market { return snapshot }
        return nil
    }

    /// The YieldSpace pool's snapshot; nil on a Pendle market.
    public var yieldSpace: YieldSpaceSnapshot? {
        if case .yieldSpace(let snapshot) = market { return snapshot }
        return nil
    }

    /// The tear sheet of a Pendle `file`'s market at `blockTime`.
    public static func compute(
        file: MarketFile, blockTime: Int64, blockTimeSource: String,
        request: MarketTearSheetRequest = MarketTearSheetRequest()
    ) throws -> MarketTearSheet {
        try compute(file: .pendle(file), blockTime: blockTime, blockTimeSource: blockTimeSource, request: request)
    }

    /// The tear sheet of `file`'s market (either curve) at `blockTime`.
    ///
    /// - Throws: the market's errors when it cannot be read at `blockTime` (`MarketExpired`, `AfterMaturity`, a
    ///   bad state); a part that fails on its own (a trade the pool refuses) is ``TearSheetSection/unavailable(reason:)``.
    public static func compute(
        file: AnyMarketFile, blockTime: Int64, blockTimeSource: String,
        request: MarketTearSheetRequest = MarketTearSheetRequest()
    ) throws -> MarketTearSheet {
        let stockPrice = request.stockPrice ?? file.stockPrice
        if let stockPrice { try PositionSizing.checkStockPrice(stockPrice) }
        let curve = file.curve
        let spot = try curve.spot(at: blockTime)
        let market: TearSheetMarket
        let depth: MarketDepth<Wad>
        let poolValue: Double?
        switch file {
        case .pendle(let pendle):
            let snapshot = try PendleMarketMath.snapshot(pendle.market, pyIndex: pendle.pyIndex, blockTime: blockTime, stockPrice: stockPrice)
            let rows = try PendleMarketMath.depth(pendle.market, pyIndex: pendle.pyIndex, blockTime: blockTime)
            market = .pendleV2(snapshot)
            depth = MarketDepth(snapshot: snapshot, rows: rows)
            poolValue = snapshot.poolValueInAsset
        case .yieldSpace(let pool):
            let snapshot = try pool.pool.snapshot(at: blockTime, stockPrice: stockPrice)
            market = .yieldSpace(snapshot)
            depth = try MarketDepth<Wad>.compute(curve: curve, at: blockTime)
            poolValue = snapshot.poolValueInAsset
        }
        let yieldSpace = curve.curveName == YieldSpaceMarketFile.curveName
        let assetPerSy = curve.assetPerSy

        let size: PositionSize
        let sizeBasis: String
        if let given = request.size {
            size = given
            sizeBasis = "given: \(given.amount) \(given.unit == "usd" ? "USD" : given.unit == "sy" ? "SY" : given.unit)"
        } else {
            let share = MarketTearSheetRequest.defaultPoolShare
            let value = poolValue ?? curve.syReserve.doubleValue * assetPerSy.doubleValue
            let amount = roundedSignificant(value / assetPerSy.doubleValue * share, digits: 6) ?? .one
            size = .sy(amount)
            sizeBasis = "\(amount) SY: \(roundedText(share * 100)) % of the pool's value (\(roundedText(value)) shares in the pool)"
        }

        let lockIn = TearSheetSection.attempt {
            try LockIn.compute(LockInRequest(size: size, stockPrice: stockPrice), curve: curve, at: blockTime)
        }
        let shortYT = TearSheetSection.attempt {
            try ShortYT.compute(ShortYTRequest(size: .position(size), stockPrice: stockPrice), curve: curve, at: blockTime)
        }

        var position = request.position
        var positionBasis = "given"
        if position == nil, let bought = lockIn.value?.ptOut, let legs = try? Position(legs: [PositionLeg(token: .pt, amount: bought)]) {
            position = legs
            positionBasis = "the lock-in's PT"
        }
        let missingPosition = "no position: the lock-in could not be computed (\(lockIn.reason ?? "")); give --position"
        let missingPrice = "no stock price to value it in USD: give --stock-price, or stockPrice in the market file"

        let scenario: TearSheetSection<ScenarioResult>
        let stockDelta: TearSheetSection<StockDeltaResult>
        if let position, let stockPrice {
            scenario = .attempt {
                try Scenario.compute(
                    ScenarioRequest(
                        position: position, apyShifts: request.apyShifts, priceShifts: request.priceShifts,
                        days: request.days, stockPrice: stockPrice), curve: curve, at: blockTime)
            }
            stockDelta = .attempt { try StockDelta.compute(position, curve: curve, at: blockTime, stockPrice: stockPrice) }
        } else {
            scenario = .unavailable(reason: position == nil ? missingPosition : missingPrice)
            stockDelta = .unavailable(reason: position == nil ? missingPosition : missingPrice)
        }
        let rateRisk: TearSheetSection<RateRiskResult> =
            position.map { position in
                .attempt { try RateRisk.compute(position, curve: curve, at: blockTime, stockPrice: stockPrice) }
            } ?? .unavailable(reason: missingPosition)

        // A whole number of days as an integer; any other (a fraction, beyond 10^15, not finite) as the Double reads.
        let days = request.days == request.days.rounded() && Swift.abs(request.days) < 1e15 ? String(Int64(request.days)) : "\(request.days)"
        let assumptions = [
            "the market is read at \(UnixTime.format(blockTime)) (\(blockTimeSource)), \(roundedText(Double(spot.secondsToExpiry) / 86_400)) days before its expiry \(UnixTime.format(curve.expiry)); nothing trades in between",
            yieldSpace
                ? "the lock-in is sized at \(sizeBasis); a YieldSpace pool trades no YT, so there is no YT short"
                : "the lock-in and the YT short are sized at \(sizeBasis); the YT short is a token holder's (own tokens split, the YT sold, the PT kept)",
            "the scenario grid and the hedge ratios are of the position \(position.map { $0.description } ?? "—") (\(position == nil ? "none" : positionBasis))",
            "the scenario grid shifts the implied APY in parallel by \(listText(request.apyShifts.map { $0 * 1e4 }, unit: " bp")) and moves the stock by \(listText(request.priceShifts.map { $0 * 100 }, unit: " %")), after \(days) days",
            stockPrice.map {
                "USD at \(roundedText($0)) per share (\(request.stockPrice != nil ? "given" : "the market file's stockPrice")), never a price read from a feed"
            }
                ?? "no stock price: figures stay in shares",
            yieldSpace
                ? "depth trades 0.1 % … 50 % of the pool's real fyToken each way against the state read, one trade at a time"
                : "depth trades 0.1 % … 50 % of the pool's PT each way against the state read, one trade at a time"
        ]
        return MarketTearSheet(
            name: file.name, underlying: file.underlying, source: file.source, origin: file.origin, curveName: curve.curveName, blockTime: blockTime,
            blockTimeSource: blockTimeSource, stockPrice: stockPrice, expiry: curve.expiry, spot: spot, assetPerSy: assetPerSy.doubleValue,
            market: market, depth: depth, size: size, sizeBasis: sizeBasis,
            lockIn: lockIn, shortYT: shortYT, position: position, positionBasis: position == nil ? "none" : positionBasis,
            scenario: scenario, rateRisk: rateRisk, stockDelta: stockDelta, assumptions: assumptions)
    }

    /// `value` to `digits` significant digits, as an exact decimal.
    static func roundedSignificant(_ value: Double, digits: Int) -> Wad? {
        guard value.isFinite, value > 0 else { return nil }
        let exponent = Foundation.floor(Foundation.log10(value))
        let scale = Foundation.pow(10, Double(digits - 1) - exponent)
        return Wad.shortestDecimal((value * scale).rounded() / scale)
    }

    /// A figure to six significant digits as text (`86956.5`).
    static func roundedText(_ value: Double) -> String {
        guard let rounded = roundedSignificant(Swift.abs(value), digits: 6) else { return value == 0 ? "0" : "\(value)" }
        return (value < 0 ? "-" : "") + rounded.description
    }

    /// `-100 … 100 bp by 25 bp`, or the values listed.
    static func listText(_ values: [Double], unit: String) -> String {
        let texts = values.map { roundedText($0) }
        if values.count >= 3 {
            let step = values[1] - values[0]
            if step != 0, zip(values.dropFirst(), values).allSatisfy({ Swift.abs(($0 - $1) - step) < 1e-9 * Swift.max(1, Swift.abs(step)) }) {
                return "\(texts[0]) … \(texts[texts.count - 1])\(unit) by \(roundedText(step))\(unit)"
            }
        }
        return texts.joined(separator: ", ") + unit
    }
}
