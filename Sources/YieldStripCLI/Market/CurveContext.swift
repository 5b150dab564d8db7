import YieldStrip
import YieldStripJSON

/// A market of either curve, as the commands read it from `--market FILE` (the file's `curve` chooses) and
/// the batch ops from their fields: the curve behind the strategies' interface, the block time and where it
/// came from, the stock price, and the file's title and chart subject.
///
/// A Pendle file is read exactly as `MarketFileOptions.pendleContext(_:)` reads it, so the answers on Pendle
/// files do not change.
struct CurveContext: BlockTimeContext, Sendable {
    /// The venue's own context.
    enum Venue: Sendable {
        case pendle(MarketContext)
        case yieldSpace(YieldSpaceContext)
    }

    var venue: Venue
    /// A title for tables (the file's name and source); nil in batch.
    var title: String?
    /// What a chart is about (the file's name and underlying); nil in batch.
    var chartSubject: String?

    var blockTime: Int64 {
        switch venue {
        case .pendle(let context): return context.blockTime
        case .yieldSpace(let context): return context.blockTime
        }
    }

    var blockTimeSource: TimeSource {
        switch venue {
        case .pendle(let context): return context.blockTimeSource
        case .yieldSpace(let context): return context.blockTimeSource
        }
    }

    /// USD per unit of the asset (per share; per base on YieldSpace); settable for `--stock-price`.
    var stockPrice: Double? {
        get {
            switch venue {
            case .pendle(let context): return context.stockPrice
            case .yieldSpace(let context): return context.stockPrice
            }
        }
        set {
            switch venue {
            case .pendle(var context):
                context.stockPrice = newValue
                venue = .pendle(context)
            case .yieldSpace(var context):
                context.stockPrice = newValue
                venue = .yieldSpace(context)
            }
        }
    }

    /// The market behind the strategies' curve interface, exact.
    var curve: any ImpliedYieldCurve<Wad> {
        switch venue {
        case .pendle(let context): return StrategyInputs.curve(context)
        case .yieldSpace(let context): return context.curve
        }
    }

    /// Asset per SY: the PY index on Pendle, `c` (base per pool share) on a YieldSpace pool.
    var assetPerSy: Wad { curve.assetPerSy }

    var isYieldSpace: Bool {
        if case .yieldSpace = venue { return true }
        return false
    }

    /// The label of the asset-per-SY figure: the PY index on Pendle, `c` on a YieldSpace pool.
    var assetPerSyLabel: String { isYieldSpace ? "c (base per pool share)" : "PY index (shares per SY)" }

    /// The context of a batch request: `"curve": "yieldspace"` with `pool` (as a YieldSpace market file holds
    /// it), or a Pendle market's `market` and `pyIndex`; `blockTime` (required: batch reads no clock) and an
    /// optional `stockPrice`.
    init(request: some FieldReader) throws {
        if case .string(let curve)? = request.value("curve"), curve == YieldSpaceMarketFile.curveName {
            let file = try YieldSpaceMarketFile(origin: "request", fields: request)
            venue = .yieldSpace(
                YieldSpaceContext(
                    pool: file.pool, blockTime: try MarketFields.blockTime(request), blockTimeSource: .given,
                    stockPrice: file.stockPrice))
        } else {
            venue = .pendle(try MarketContext(request: request))
        }
        title = nil
        chartSubject = nil
    }

    init(venue: Venue, title: String?, chartSubject: String?) {
        self.venue = venue
        self.title = title
        self.chartSubject = chartSubject
    }
}

extension MarketFileOptions {
    /// The market file of either curve (its `curve` chooses) at its block time (noted as the time's source).
    func curveContext(_ invocation: Invocation) throws -> (file: AnyMarketFile, context: CurveContext) {
        // One read and one parse of the file, whichever its curve.
        let file = try MarketFile.loadAny(path: path)
        let venue: CurveContext.Venue
        switch file {
        case .pendle(let market): venue = .pendle(market.context(at: blockTimeChoice))
        case .yieldSpace(let pool): venue = .yieldSpace(pool.context(at: blockTimeChoice))
        }
        let context = CurveContext(venue: venue, title: file.title, chartSubject: file.chartSubject)
        invocation.noteTimeSource(context.blockTimeSource)
        return (file, context)
    }
}

extension AnyMarketFile {
    /// A title for tables: name (underlying), then the source.
    var title: String {
        switch self {
        case .pendle(let file): return file.title
        case .yieldSpace(let file): return file.title
        }
    }

    /// What a chart is about: the name (else the file) and the underlying.
    var chartSubject: String {
        switch self {
        case .pendle(let file): return file.chartSubject
        case .yieldSpace(let file): return file.chartSubject
        }
    }
}
