import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `yieldstrip market new`: a new Pendle V2 market (or, with `--curve yieldspace`, a YieldSpace pool) at a target
/// implied APY and pool value, as a market file (batch op `marketNew`).
struct MarketNewCommand: JobCommand {
    let name = "new"
    let abstract = "Create a market file: a new market at a target implied APY and pool value."
    let discussion = """
        Sizes the curve by Pendle's deployment rule (scalarRoot and initialAnchor
        from --apy-band, lnFeeRateRoot = ln(1 + --fee)), seeds the PT proportion
        that prices --apy with SY and PT worth --liquidity-usd at --stock-price
        (PT at its price, SY at --py-index), and runs the exact first
        addLiquidityCore and setInitialLnImpliedRate at --at, the file's
        blockTime: 'market show' on the file reads back the APY and pool value.
        Prints the market file on stdout, or writes it to --out and prints a short
        table (the path, the implied APY and pool value read back). --json prints
        the answer of the batch op 'marketNew': the file's fields, then the values
        read back. An expiry that is not a Thursday 00:00 UTC (Pendle's are) is
        warned about on stderr. Rates: 0.3%, 30bp or 0.003.
        --curve yieldspace writes a YieldSpace pool instead, started as Yield starts
        one: init with shares worth --liquidity-usd (shares at c = --py-index base
        each, LP supply = mu times the shares), then fyToken sold into it (the exact
        sellFYToken) to bring its rate to --apy; --ts-years, --g1-fee, --mu and
        --decimals set the pool (--fee, --apy-band and --reserve-fee are Pendle's).
        The implied APY read back lies within 1e-9 of --apy.
        """
    /// The market's terms, the file's descriptive fields, where to write it, the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] = [
            .value("apy", valueName: "rate", help: "The target implied APY (0.3%, 30bp or 0.003), ≥ 0.", required: true),
            .value(
                "expiry", valueName: "time", help: "The market's expiry: ISO-8601 (2027-03-04) or Unix seconds; Pendle's are Thursdays 00:00 UTC.",
                required: true),
            .value("at", valueName: "time", help: "When the market is created, the file's blockTime: ISO-8601 or Unix seconds.", required: true),
            .value("liquidity-usd", valueName: "usd", help: "The pool's value in USD: PT at its price plus SY at the PY index.", required: true),
            .value("stock-price", valueName: "usd", help: "USD per share (per unit of the accounting asset).", required: true),
            .value("fee", valueName: "rate", help: "The annual fee rate, 0 to 5% (lnFeeRateRoot = ln(1 + fee)).", default: "0.1%"),
            .value(
                "apy-band", valueName: "min..max",
                help: "The implied-APY band the curve covers, MIN..MAX such as 0.1%..1% (default: APY/3..3·APY; 0..1% for a zero APY)."),
            .value("py-index", valueName: "index", help: "Asset per SY at --at, read exactly (at most 18 decimals); a pool's c.", default: "1"),
            .value("reserve-fee", valueName: "percent", help: "The share of fees sent to the reserve, in percent: 0 to 100.", default: "80"),
            .value("curve", valueName: "curve", help: "The market's curve: pendle-v2 or yieldspace.", default: "pendle-v2"),
            .value("ts-years", valueName: "years", help: "YieldSpace: the time stretch in whole Yield years (365.25 days).", default: "10"),
            .value("g1-fee", valueName: "fp4", help: "YieldSpace: the pool's fee, g1 = g1Fee / 10000, in (0, 10000].", default: "9500"),
            .value("mu", valueName: "index", help: "YieldSpace: base per share when the pool began (default: --py-index)."),
            .value("decimals", valueName: "n", help: "YieldSpace: the token's decimals, 0 to 18.", default: "18"),
            .value("name", valueName: "text", help: "The file's name field."),
            .value("underlying", valueName: "text", help: "The file's underlying field (AAPL)."),
            .value("source", valueName: "text", help: "The file's source field (where the numbers come from)."),
            .value("notes", valueName: "text", help: "The file's notes field."),
            .value("out", valueName: "file", help: "Write the market file here (replacing it) instead of printing it."),
            .flag(
                CommonOptions.json.name, help: "Print the answer of the batch op marketNew on one line: the file's fields and the values read back.")
        ]

        let inputs: MarketNewInputs
        /// `--out`: the file written instead of printing it (the command line only).
        let outPath: String?
        /// `--json` (a file written with `--out` also prints the answer); JSON in batch.
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            switch fields.door {
            case .command(let invocation):
                inputs = try Self.inputs(invocation)
                outPath = invocation.option("out")
                output = OutputOptions(format: invocation.flag(CommonOptions.json.name) || outPath != nil ? .json : .table)
            case .batch(let request):
                inputs = try MarketNewInputs(request: request)
                outPath = nil
                output = OutputOptions(format: .json)
            }
        }

        /// The options as the library's inputs; a malformed value or a missing option is a usage error, and so is
        /// a block time before 1970 (as for every `--at`). Values in range are the library's to check.
        static func inputs(_ invocation: Invocation) throws -> MarketNewInputs {
            let apyText = invocation.option("apy") ?? ""
            let apy = try TokenizationValues.required(invocation, "apy") { RateText.value($0) }
            let expiry = try requiredTime(invocation, "expiry")
            let at = try requiredTime(invocation, "at")
            if at < 0 {
                throw invocation.usageError(
                    "The value '\(invocation.option("at") ?? "")' is invalid for '--at <time>': a block time must be ≥ 0 (Unix seconds from 1970)")
            }
            var inputs = MarketNewInputs(
                impliedApy: apy.value, expiry: expiry, blockTime: at,
                liquidityUsd: try TokenizationValues.required(invocation, "liquidity-usd") { TokenizationValues.number($0) },
                stockPrice: try TokenizationValues.required(invocation, "stock-price") { TokenizationValues.number($0) })
            inputs.annualFee = try TokenizationValues.required(invocation, "fee") { RateText.double($0) }
            inputs.apyBand = try invocation.parse(option: "apy-band") { MarketNewInputs.parseBand($0) }
            inputs.pyIndex = try TokenizationValues.required(invocation, "py-index") { ValueText.wad($0) }
            inputs.reserveFeePercent = try TokenizationValues.required(invocation, "reserve-fee") { text in
                Int64(text.trimmingWhitespace()).map { .value($0) } ?? .invalid(reason: "expected a whole number of percent, 0 to 100")
            }
            inputs.name = invocation.option("name")
            inputs.underlying = invocation.option("underlying")
            inputs.source = invocation.option("source")
            inputs.notes = invocation.option("notes")
            let curve = invocation.option("curve") ?? MarketFile.pendleCurve
            guard [MarketFile.pendleCurve, YieldSpaceMarketFile.curveName].contains(curve) else {
                throw invocation.usageError("The value '\(curve)' is invalid for '--curve <curve>': expected pendle-v2 or yieldspace")
            }
            inputs.curve = curve
            let pendleOnly = ["fee", "apy-band", "reserve-fee"]
            let poolOnly = ["ts-years", "g1-fee", "mu", "decimals"]
            for option in inputs.isYieldSpace ? pendleOnly : poolOnly where invocation.optionWasGiven(option) {
                throw invocation.usageError(
                    inputs.isYieldSpace
                        ? "'--\(option)' sets a Pendle market; a YieldSpace pool takes --ts-years, --g1-fee, --mu and --decimals"
                        : "'--\(option)' sets a YieldSpace pool: give it with '--curve yieldspace'")
            }
            if inputs.isYieldSpace {
                func integer(_ name: String, _ fallback: Int) throws(UsageError) -> Int {
                    try invocation.parse(option: name) { text in
                        Int(text.trimmingWhitespace()).map { .value($0) } ?? .invalid(reason: "expected a whole number")
                    } ?? fallback
                }
                inputs.tsYears = try integer("ts-years", YieldSpaceDeployment.defaultTsYears)
                inputs.g1Fee = try integer("g1-fee", YieldSpaceDeployment.defaultG1Fee)
                inputs.decimals = try integer("decimals", 18)
                inputs.mu = try invocation.parse(option: "mu") { ValueText.wad($0) }
            }
            if let warning = RateText.unitlessLargeApyWarning(option: "--apy", text: apyText, value: apy.value) {
                try invocation.warn(warning)
            }
            return inputs
        }

        /// A required time option (the parser has already refused a missing one).
        private static func requiredTime(_ invocation: Invocation, _ name: String) throws(UsageError) -> Int64 {
            guard let time = try MarketOptions.time(invocation, name) else {
                throw invocation.usageError("Missing expected argument '--\(name) <time>'")
            }
            return time
        }
    }

    static let opName = "marketNew"
    static let opSummary =
        "apy, expiry, blockTime, liquidityUsd, stockPrice, fee?, apyBand?, pyIndex?, reserveFeePercent?, name?, underlying?, source?, notes?, curve? (yieldspace: mu?, tsYears?, g1Fee?, decimals?) → a new market's file fields, implied APY and pool value read back (as 'market new --json')"

    /// The new market's file (the table's text is the file itself) and its answer; the expiry warning.
    static func answer(_ options: Options) throws -> JobAnswer {
        let inputs = options.inputs
        let (text, report) = try MarketNewReport.answer(inputs, path: options.outPath)
        let warning = inputs.isYieldSpace ? nil : MarketNewReport.expiryWarning(inputs.expiry)
        return JobAnswer(report: report, tableText: text, warnings: warning.map { [$0] } ?? [])
    }

    /// As every job, and `--out` writes the file.
    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let answer = try Self.answer(options)
        for warning in answer.warnings { try invocation.warn(warning) }
        if let path = options.outPath, let text = answer.tableText?() { try OutputFile.write(text, to: path, kind: "market file") }
        return options.output.wantsAnswer ? .report(answer.report) : .text(answer.tableText?() ?? "")
    }
}

/// A file a command writes (`market new --out FILE`), created or replaced whole.
enum OutputFile {
    /// Writes `text` to `path` (created with mode 0644, or truncated).
    ///
    /// - Throws: ``OutputFileError`` with the system's reason when the file cannot be opened or written.
    static func write(_ text: String, to path: String, kind: String) throws(OutputFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputFileError(path: path, kind: kind, reason: systemErrorText(errno)) }
        let sink = FileDescriptorSink(descriptor: descriptor, name: path)
        do {
            try sink.write(text)
        } catch {
            close(descriptor)
            throw OutputFileError(path: path, kind: kind, reason: error.reason)
        }
        guard close(descriptor) == 0 else { throw OutputFileError(path: path, kind: kind, reason: systemErrorText(errno)) }
    }
}

/// A file that cannot be written: the CLI exits 1 with the system's reason.
struct OutputFileError: DomainError {
    let path: String
    let kind: String
    let reason: String

    var errorName: String { "FileUnwritable" }
    var errorArgs: [String] { [path] }
    var message: String { "cannot write \(kind) '\(path)': \(reason)" }
}
