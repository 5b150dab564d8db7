import YieldStrip
import YieldStripBatch

/// The market a job runs on: `--market FILE` and `--at` on the command line (either curve; the block time
/// from `--at`, the file or the wall clock); in batch the request's market context (`market` and `pyIndex`,
/// or `"curve": "yieldspace"` and `pool`, or `marketFile`; `blockTime`, `stockPrice`).
struct MarketInput {
    static let specs = MarketFileOptions.specs

    enum Source {
        case file(MarketFileOptions, Invocation)
        case request(BatchRequest)
    }

    let source: Source

    /// The command line's market file and `--at`; nil in batch.
    var file: MarketFileOptions? {
        if case .file(let options, _) = source { return options }
        return nil
    }

    init(_ fields: DoorFields) throws {
        switch fields.door {
        case .command(let invocation): source = .file(try MarketFileOptions(parsing: invocation), invocation)
        case .batch(let request): source = .request(request)
        }
    }

    /// The market as the strategies read it, with the file's title and chart subject on the command line
    /// (the block time's source noted for the error messages); `stockPriceUsd`, when given, replaces the
    /// market's.
    func curveContext(stockPriceUsd: Double? = nil) throws -> CurveContext {
        var context: CurveContext
        switch source {
        case .file(let options, let invocation): context = try options.curveContext(invocation).context
        case .request(let request): context = try CurveContext(request: request)
        }
        if let stockPriceUsd { context.stockPrice = stockPriceUsd }
        return context
    }

    /// The market as a Pendle market (the lending jobs' PT): the file's (its title and chart subject) on the
    /// command line, the request's `market` and `pyIndex` in batch; `stockPriceUsd`, when given, replaces the
    /// market's.
    func pendleContext(stockPriceUsd: Double? = nil) throws -> (context: MarketContext, title: String?, chartSubject: String?) {
        var result: (context: MarketContext, title: String?, chartSubject: String?)
        switch source {
        case .file(let options, let invocation):
            let (file, context) = try options.pendleContext(invocation)
            result = (context, file.title, file.chartSubject)
        case .request(let request):
            result = (try MarketContext(request: request), nil, nil)
        }
        if let stockPriceUsd { result.context.stockPrice = stockPriceUsd }
        return result
    }
}
