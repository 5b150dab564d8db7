import YieldStrip
import YieldStripJSON

/// A report's block time and where it came from (a Pendle ``MarketContext`` or a ``YieldSpaceContext``).
protocol BlockTimeContext {
    var blockTime: Int64 { get }
    var blockTimeSource: TimeSource { get }
}

extension BlockTimeContext {
    /// Appends `blockTime` (Unix seconds), `blockTimeISO` and `blockTimeSource`; the table shows one row,
    /// `2026-03-05T15:00:00Z (market file)`.
    func appendBlockTime(to report: inout Report) {
        report.append(
            "blockTime", .number(JSONNumber(blockTime)), label: "block time",
            display: "\(UnixTime.format(blockTime)) (\(blockTimeSource.rawValue))")
        report.append("blockTimeISO", .string(UnixTime.format(blockTime)))
        report.append("blockTimeSource", .string(blockTimeSource.rawValue))
        report.hiddenInTable.formUnion(["blockTimeISO", "blockTimeSource"])
    }
}

/// What every market report reads: the state, the PY index, the block time and its source, and the
/// USD price of one unit of the accounting asset when known.
///
/// A batch request carries the same context (`market`, `pyIndex`, `blockTime`, optional `stockPrice`);
/// a market file carries it too, with the block time chosen by ``BlockTimeChoice``.
struct MarketContext: BlockTimeContext, Sendable {
    var market: MarketState<Wad>
    /// SY to asset: 1 SY is worth `pyIndex` asset.
    var pyIndex: Wad
    var blockTime: Int64
    var blockTimeSource: TimeSource
    /// USD per unit of the accounting asset (per share for a stock token); nil when unknown.
    var stockPrice: Double?

    /// The context of a batch request: `market`, `pyIndex`, `blockTime` (required: batch never reads
    /// a clock) and the optional `stockPrice`, which must be finite and positive.
    init(request: some FieldReader) throws(RequestError) {
        let (market, pyIndex, blockTime) = try MarketFields.context(request)
        self.init(
            market: market, pyIndex: pyIndex, blockTime: blockTime, blockTimeSource: .given,
            stockPrice: try MarketFields.stockPrice(request))
    }

    init(market: MarketState<Wad>, pyIndex: Wad, blockTime: Int64, blockTimeSource: TimeSource, stockPrice: Double?) {
        self.market = market
        self.pyIndex = pyIndex
        self.blockTime = blockTime
        self.blockTimeSource = blockTimeSource
        self.stockPrice = stockPrice
    }
}

extension MarketFile {
    /// The file's context at a block time chosen by ``BlockTimeChoice``.
    func context(at choice: BlockTimeChoice) -> MarketContext {
        let (time, source) = choice.resolve(fileBlockTime: blockTime)
        return MarketContext(market: market, pyIndex: pyIndex, blockTime: time, blockTimeSource: source, stockPrice: stockPrice)
    }

    /// What a chart is about, in its subtitle: the name (else the file as given) and the underlying.
    var chartSubject: String {
        (name ?? origin) + (underlying.map { " (\($0))" } ?? "")
    }

    /// A title for tables: `AAPL-like stock token (AAPL)`, then `source: illustrative: …`; the file's texts
    /// with their control characters escaped (``TerminalText``).
    var title: String {
        var heading = TerminalText.escaped(name ?? origin)
        if let underlying { heading += " (\(TerminalText.escaped(underlying)))" }
        if let source { heading += "\nsource: \(TerminalText.escaped(source))" }
        return heading
    }
}
