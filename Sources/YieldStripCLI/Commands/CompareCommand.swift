import YieldStrip
import YieldStripCharts
import YieldStripJSON

/// `yieldstrip compare`: the same PT trade on two venues side by side (batch op `compare`).
struct CompareCommand: JobCommand {
    let name = "compare"
    let abstract = "A PT trade on two markets: which fills better, and by how much."
    let discussion = """
        Runs the same trade on both market files (either curve: Pendle V2 or
        YieldSpace), each venue's exact optimal fill: --buy-pt pays --sy, --shares or
        --usd (shares and USD convert to each venue's SY at its own rate: Pendle's PY
        index, YieldSpace's c); --sell-pt sells --pt, or --shares or --usd of PT
        face value (a PT redeems one share at maturity on both). Reports each fill,
        the APY it locks in (or sells at), what the fee and the price impact take,
        each venue's largest trade, and which venue fills better and by how much
        (bp, and shares and USD for the same input; USD needs a stock price: the
        files' when they agree, or --stock-price). --sizes 1k,10k,100k,1m (k, m, b
        suffixes; in --unit) prints a table across sizes and bisects the size where
        the better venue flips, to 0.01 %. The block time is --at, else the files'
        blockTime (they must agree), else the wall clock. --json prints the answer
        of the batch op 'compare'. --svg FILE also draws each venue's APY against
        the size.
        """
    /// The two market files, the side, the size (one, or `--sizes` in `--unit`), the stock price, the block
    /// time, the chart and the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            [
                OptionSpec.repeated(
                    "market", count: 2, valueName: "file",
                    help: "A market file (either curve); give it twice: venue A, then venue B."),
                .flag("buy-pt", help: "Buy PT with SY (exact input)."),
                .flag("sell-pt", help: "Sell PT for SY (exact input)."),
                .value("sy", valueName: "amount", help: "Buying: the SY paid on each venue (decimal units)."),
                .value("shares", valueName: "amount", help: "Buying: shares' worth of SY; selling: PT (one share each at maturity)."),
                .value("usd", valueName: "amount", help: "The size in USD, converted at the stock price."),
                .value("pt", valueName: "amount", help: "Selling: the PT sold."),
                .value("sizes", valueName: "list", help: "Several sizes for a table, in --unit: 1k,10k,100k,1m."),
                .value("unit", valueName: "unit", help: "The unit of --sizes: sy, shares, usd or pt.", default: "usd"),
                StrategyInputs.stockPriceOption, MarketOptions.at
            ] + ChartOptions.specs + OutputOptions.specs

        /// The two markets: files on the command line; file paths or inline market objects in batch.
        let markets: [MarketSpec]
        let side: VenueTradeSide
        let unit: VenueSizeUnit
        let sizes: [Wad]
        let givenPrice: Double?
        /// `--at` (else the files' block time, else the wall clock); `blockTime` in batch (required).
        let blockTime: Int64?
        let chart: ChartOptions
        let output: OutputOptions
        let fields: DoorFields

        enum MarketSpec {
            case path(String)
            case inline(AnyMarketFile)

            func file() throws -> AnyMarketFile {
                switch self {
                case .path(let path): return try MarketFile.loadAny(path: path)
                case .inline(let file): return file
                }
            }
        }

        init(_ fields: DoorFields) throws {
            self.fields = fields
            chart = try ChartOptions(fields)
            output = try OutputOptions(fields)
            switch fields.door {
            case .command(let invocation):
                let paths = invocation.options("market")
                guard paths.count == 2 else {
                    throw invocation.usageError("Give two market files: --market A.json --market B.json (got \(paths.count))")
                }
                switch (invocation.flag("buy-pt"), invocation.flag("sell-pt")) {
                case (true, false): side = .buyPt
                case (false, true): side = .sellPt
                case (true, true): throw invocation.usageError("Give one of --buy-pt and --sell-pt, not both")
                case (false, false): throw invocation.usageError("Say what to do: --buy-pt or --sell-pt")
                }
                let units = ["sy", "shares", "usd", "pt"]
                let given = units.filter { invocation.optionWasGiven($0) }
                if let list = try invocation.parse(option: "sizes", CompareInputs.sizes) {
                    guard given.isEmpty else {
                        throw invocation.usageError(
                            "'--sizes' takes its unit from '--unit'; give it without \(given.map { "--" + $0 }.joined(separator: " and "))")
                    }
                    let text = invocation.option("unit") ?? "usd"
                    guard let parsed = VenueSizeUnit(rawValue: text) else {
                        throw invocation.usageError("The value '\(text)' is invalid for '--unit <unit>': expected sy, shares, usd or pt")
                    }
                    (unit, sizes) = (parsed, list)
                } else {
                    if invocation.optionWasGiven("unit") {
                        throw invocation.usageError(
                            "'--unit' is the unit of '--sizes'; give --sizes, or one size with --\(units.joined(separator: ", --"))")
                    }
                    guard given.count == 1, let name = given.first, let parsed = VenueSizeUnit(rawValue: name) else {
                        throw invocation.usageError(
                            given.isEmpty
                                ? "Give the size: one of --sy, --shares, --usd, --pt (or --sizes with --unit)"
                                : "Give the size once; got \(given.map { "--" + $0 }.joined(separator: " and "))")
                    }
                    guard let amount = try invocation.parse(option: name, { CompareInputs.size($0) }) else {
                        throw invocation.usageError("Missing value for '--\(name) <amount>'")
                    }
                    (unit, sizes) = (parsed, [amount])
                }
                if side == .sellPt && unit == .sy {
                    throw invocation.usageError("Selling PT the size is the PT sold: give --pt, --shares (its face value) or --usd, not --sy")
                }
                if side == .buyPt && unit == .pt {
                    throw invocation.usageError("Buying PT the size is what is paid: give --sy, --shares or --usd, not --pt")
                }
                givenPrice = try invocation.parse(option: "stock-price") { TokenizationValues.number($0) }
                let at = try MarketOptions.blockTime(invocation)
                markets = paths.map { .path($0) }
                blockTime = at

            case .batch(let request):
                (markets, side, unit, sizes) = try CompareOptions.read(request)
                givenPrice = try request.doubleIfPresent("stockPrice")
                blockTime = try MarketFields.blockTime(request)
            }
        }
    }

    static let opName = "compare"
    static let opSummary =
        "markets (two file paths or market objects), blockTime, buyPt|sellPt, sy|shares|pt (wei)|usd or sizes with unit, stockPrice? → each venue's fill, effective APY, fee, impact, largest trade; the better venue and by how much; where it flips (as 'compare --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let fields = options.fields
        let files = try options.markets.map { try $0.file() }
        let stockPrice = try CompareInputs.stockPrice(given: options.givenPrice, files: files, needed: options.unit == .usd) { reason in
            fields.refuse(command: reason + "; give --stock-price", batch: reason + "; give stockPrice", field: "stockPrice")
        }
        let (blockTime, source): (Int64, TimeSource)
        if let at = options.blockTime {
            (blockTime, source) = (at, .given)
        } else {
            let times = Array(Set(files.compactMap(\.blockTime))).sorted()
            guard times.count <= 1 else {
                throw fields.refuse(
                    command:
                        "The market files were read at different block times (\(times.map { UnixTime.format($0) }.joined(separator: " and "))); give --at to compare them at one time",
                    batch: "the markets were read at different block times; give blockTime", field: "blockTime")
            }
            (blockTime, source) = BlockTimeChoice.fileOrWallClock.resolve(fileBlockTime: times.first)
        }
        fields.invocation?.noteTimeSource(source)
        let inputs = CompareInputs(
            files: files, request: VenueComparisonRequest(side: options.side, unit: options.unit, sizes: options.sizes, stockPrice: stockPrice),
            blockTime: blockTime, blockTimeSource: source)
        let result = try inputs.compute()
        let report = try CompareReport.build(result, names: inputs.names, context: CompareBlockTime(blockTime: blockTime, blockTimeSource: source))
        let subject = inputs.names.enumerated().map { "\(CompareReport.labels[$0.offset]): \($0.element)" }.joined(separator: " vs ")
        let sweep = options.chart.isRequested ? try inputs.sweep() : nil
        return JobAnswer(
            report: report, tableText: CompareReport.table(result, report: report, titles: files.map(\.title)),
            chart: sweep.map { sweep in { JobCharts.compare(result, sweep: sweep, names: inputs.names, subject: subject) } })
    }
}

/// The comparison's block time and its source.
struct CompareBlockTime: BlockTimeContext, Sendable {
    var blockTime: Int64
    var blockTimeSource: TimeSource
}

/// The batch op `compare`: `markets` (two market-file paths, or two inline objects as a market file holds
/// them: `market` and `pyIndex`, or `"curve": "yieldspace"` and `pool`; their `blockTime` is not read),
/// `blockTime` (required), `buyPt: true` or `sellPt: true`, one size (`sy`, `shares`, `pt` in wei; `usd` in
/// dollars) or `sizes` (decimal units, an array or text such as `"1k,10k"`) with `unit` (default `usd`), and
/// `stockPrice` (else the markets' own).
enum CompareOptions {
    /// The batch op's markets, side and sizes.
    static func read(
        _ request: BatchRequest
    ) throws -> (markets: [CompareCommand.Options.MarketSpec], side: VenueTradeSide, unit: VenueSizeUnit, sizes: [Wad]) {
        let markets = try request.array("markets")
        guard markets.count == 2 else {
            throw RequestError.badRequest(
                field: "markets", reason: "field 'markets' must hold two markets (file paths or market objects); got \(markets.count)")
        }
        var specs: [CompareCommand.Options.MarketSpec] = []
        for (index, market) in markets.enumerated() {
            let field = "markets[\(index)]"
            switch market {
            case .string(let path):
                specs.append(.path(path))
            case .object(let object):
                let fields = RequestFields(object, path: field + ".")
                let origin = (try? fields.stringIfPresent("name")).flatMap { $0 } ?? field
                specs.append(.inline(try AnyMarketFile.read(fields, origin: origin)))
            default:
                throw RequestError.badRequest(
                    field: field, reason: "field '\(field)' must be a market file's path or a market object; got \(quoted(market))")
            }
        }
        let side: VenueTradeSide
        switch (try request.boolIfPresent("buyPt") ?? false, try request.boolIfPresent("sellPt") ?? false) {
        case (true, false): side = .buyPt
        case (false, true): side = .sellPt
        case (true, true): throw RequestError.badRequest(field: "sellPt", reason: "give buyPt or sellPt, not both")
        case (false, false): throw RequestError.badRequest(field: "buyPt", reason: "say what to do: \"buyPt\": true or \"sellPt\": true")
        }
        let units = ["sy", "shares", "usd", "pt"]
        let given = units.filter { request.value($0) != nil }
        let unit: VenueSizeUnit
        let sizes: [Wad]
        if let list = request.value("sizes") {
            guard given.isEmpty else {
                throw RequestError.badRequest(
                    field: "sizes", reason: "'sizes' takes its unit from 'unit'; give it without \(given.joined(separator: " and "))")
            }
            let text = try request.stringIfPresent("unit") ?? "usd"
            guard let parsed = VenueSizeUnit(rawValue: text) else {
                throw RequestError.badRequest(field: "unit", reason: "field 'unit' must be sy, shares, usd or pt; got \(quoted(.string(text)))")
            }
            unit = parsed
            sizes = try sizeList(list)
        } else {
            guard given.count == 1, let name = given.first, let parsed = VenueSizeUnit(rawValue: name) else {
                throw RequestError.badRequest(
                    field: given.count > 1 ? given[1] : nil,
                    reason: given.isEmpty
                        ? "give the size: one of sy, shares, pt (wei), usd (dollars), or sizes with unit"
                        : "give the size once; got \(given.joined(separator: " and "))")
            }
            unit = parsed
            sizes = [name == "usd" ? try StrategyInputs.decimal(request, name) : try request.wad(name)]
        }
        return (specs, side, unit, sizes)
    }

    /// `sizes`: text as on the command line (`"1k,10k"`), or an array of numbers or decimal texts (with k, m, b).
    static func sizeList(_ value: JSONValue) throws -> [Wad] {
        let texts: [String]
        switch value {
        case .string(let text): texts = [text]
        case .array(let elements):
            texts = try elements.enumerated().map { index, element in
                switch element {
                case .number(let number): return number.text
                case .string(let text) where !text.contains(","): return text
                default:
                    throw RequestError.badRequest(
                        field: "sizes[\(index)]", reason: "field 'sizes[\(index)]' must be a number or decimal text; got \(quoted(element))")
                }
            }
        default:
            throw RequestError.badRequest(
                field: "sizes", reason: "field 'sizes' must be an array of sizes or text such as \"1k,10k,100k\"; got \(quoted(value))")
        }
        guard !texts.isEmpty else { throw RequestError.badRequest(field: "sizes", reason: "field 'sizes' is an empty list") }
        switch CompareInputs.sizes(texts.joined(separator: ",")) {
        case .value(let sizes): return sizes
        case .invalid(let reason): throw RequestError.badRequest(field: "sizes", reason: "field 'sizes': \(reason)")
        }
    }
}
