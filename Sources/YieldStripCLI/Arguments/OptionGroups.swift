import YieldStrip
import YieldStripBatch
import YieldStripCharts
import YieldStripJSON

/// `--json` and `--csv`: how a command's answer is printed. Both at once is a usage error.
public struct OutputOptions: ParsableOptions, Sendable {
    public enum Format: Sendable, Equatable {
        /// The table (the default).
        case table
        /// One JSON object: the batch op's answer.
        case json
        /// The `--json` answer's fields as a CSV header and one line.
        case csv
    }

    public static let specs = [CommonOptions.json, CommonOptions.csv]

    public let format: Format

    init(format: Format) { self.format = format }

    public init(parsing invocation: Invocation) throws {
        let (json, csv) = (invocation.flag(CommonOptions.json.name), invocation.flag(CommonOptions.csv.name))
        if json && csv { throw invocation.usageError("Give '--csv' or '--json', not both") }
        format = json ? .json : csv ? .csv : .table
    }

    /// The answer itself is wanted (`--json` or `--csv`), not the table.
    public var wantsAnswer: Bool { format != .table }
}

/// `--svg FILE [--size WxH]`: the chart to write beside the output (nil without `--svg`).
public struct ChartOptions: ParsableOptions, Sendable {
    public static let specs = ChartOutput.options

    let chart: ChartOutput.Request?

    /// No chart (the batch door, or a command without `--svg`).
    static let none = ChartOptions(chart: nil)

    init(chart: ChartOutput.Request?) { self.chart = chart }

    public init(parsing invocation: Invocation) throws { chart = try ChartOutput.request(invocation) }

    /// Writes `chart` where `--svg` asked, at `--size`; nothing without `--svg`.
    func write(_ chart: @autoclosure () throws -> any Chart) throws {
        guard let request = self.chart else { return }
        try ChartOutput.write(chart(), request)
    }

    /// Whether a chart was asked for (a command computes what only the chart needs only then).
    var isRequested: Bool { chart != nil }
}

/// `--market FILE` (required; `-` reads standard input) and `--at TIME`: the market file and the block time
/// to read it at (`--at`, else the file's `blockTime`, else the wall clock: chosen when the file is read).
public struct MarketFileOptions: ParsableOptions {
    public static let specs = [MarketOptions.market, MarketOptions.at]

    /// The file as given.
    public let path: String
    /// `--at`, Unix seconds ≥ 0; nil when not given.
    public let at: Int64?

    public init(parsing invocation: Invocation) throws {
        at = try MarketOptions.blockTime(invocation)
        guard let path = invocation.option(MarketOptions.market.name) else {
            throw invocation.usageError("Missing expected argument '--market <file>'")
        }
        self.path = path
    }

    /// The group of a command whose market is optional: nil when `--market` was not given.
    static func ifGiven(_ invocation: Invocation) throws -> MarketFileOptions? {
        invocation.option(MarketOptions.market.name) == nil ? nil : try MarketFileOptions(parsing: invocation)
    }

    /// The Pendle market file at its block time (noted as the time's source).
    func pendleContext(_ invocation: Invocation) throws -> (file: MarketFile, context: MarketContext) {
        let file = try MarketFile.load(path: path)
        let context = file.context(at: blockTimeChoice)
        invocation.noteTimeSource(context.blockTimeSource)
        return (file, context)
    }

    /// `--at` when given, else the file's block time or the wall clock.
    var blockTimeChoice: BlockTimeChoice { at.map { .given($0) } ?? .fileOrWallClock }
}

/// `--sy`, `--tokens`, `--shares`, `--usd` (at most one: the position's size in a unit a person thinks in)
/// and `--stock-price` (USD per share, for `--usd` and the USD figures; default: the market file's).
public struct SizeOptions: ParsableOptions {
    public static let specs = StrategyInputs.sizeOptions + [StrategyInputs.stockPriceOption]

    /// The size given, nil when none is.
    public let size: PositionSize?
    /// `--stock-price`, finite and positive; nil when not given.
    public let stockPriceUsd: Double?

    init(size: PositionSize?, stockPriceUsd: Double?) {
        self.size = size
        self.stockPriceUsd = stockPriceUsd
    }

    public init(parsing invocation: Invocation) throws { try self.init(parsing: invocation, others: []) }

    /// As ``init(parsing:)``, with `others` the command's options that also size it (`--amount`, `--yt`):
    /// at most one of all of them.
    init(parsing invocation: Invocation, others: [String]) throws {
        size = try StrategyInputs.size(invocation, others: others)
        stockPriceUsd = try StrategyInputs.stockPrice(invocation)
    }

    /// The size, which the command requires.
    func required(_ invocation: Invocation) throws(UsageError) -> PositionSize {
        guard let size else {
            throw invocation.usageError("Give the size: one of \(PositionSize.units.map { "--" + $0 }.joined(separator: ", "))")
        }
        return size
    }
}

// MARK: - Through either door

extension OutputOptions {
    /// `--json`, `--csv` on the command line; JSON in batch.
    init(_ fields: DoorFields) throws {
        if let invocation = fields.invocation { try self.init(parsing: invocation) } else { self.init(format: .json) }
    }
}

extension ChartOptions {
    /// `--svg`, `--size` on the command line; none in batch.
    init(_ fields: DoorFields) throws {
        if let invocation = fields.invocation { try self.init(parsing: invocation) } else { self = .none }
    }
}

extension SizeOptions {
    /// The size: decimal units on the command line (`--sy 1.5`), wei in batch (`"sy": "1500000000000000000"`,
    /// `usd` in dollars); `--stock-price` on the command line (in batch the market context carries
    /// `stockPrice`).
    init(_ fields: DoorFields, others: [String] = []) throws {
        switch fields.door {
        case .command(let invocation): try self.init(parsing: invocation, others: others)
        case .batch(let request): self.init(size: try StrategyInputs.size(request, others: others), stockPriceUsd: nil)
        }
    }

    /// The size, which the job requires.
    func required(_ fields: DoorFields) throws -> PositionSize {
        switch fields.door {
        case .command(let invocation): return try required(invocation)
        case .batch:
            guard let size else {
                throw RequestError.badRequest(field: nil, reason: "give the size: one of sy, tokens, shares (wei) or usd (dollars)")
            }
            return size
        }
    }
}
