import YieldStrip
import YieldStripJSON

/// `yieldstrip rate`: one implied rate, given in any of its forms, in every form (batch op `rate`).
struct RateCommand: JobCommand {
    let name = "rate"
    let abstract = "Convert a rate: APY, ln rate, PT/YT price, PT per asset."
    let discussion = """
        Give the rate in exactly one form (--apy, --pt-price, --yt-price, --ln-rate or
        --pt-per-asset) and the time to expiry: --expiry with --now (default: the wall
        clock, and the output says so), or --seconds-to-expiry. Times are ISO-8601
        (2026-12-31, 2026-12-31T08:00:00Z, ...+02:00) or Unix seconds. Years are 365
        days, as Pendle's. The exact block holds the contract's wad forms for the ln
        rate (the exchange rate e^(r·t) = PT per asset, and the PT and YT prices), in
        wei in the JSON. --json prints the answer of the batch op 'rate'.
        """
    /// The rate in one of its forms, the time to expiry, the output.
    struct Options: DoorOptions {
        static var specs: [OptionSpec] {
            RateForm.allCases.map { OptionSpec.value($0.optionName, valueName: "number", help: $0.help) } + [
                .value("expiry", valueName: "time", help: "The maturity: ISO-8601 or Unix seconds."),
                .value("now", valueName: "time", help: "The valuation time: ISO-8601 or Unix seconds. Default: the wall clock."),
                .value("seconds-to-expiry", valueName: "seconds", help: "The time to expiry in seconds, instead of --expiry and --now.")
            ] + OutputOptions.specs
        }

        let input: RateInput
        let time: RateTime
        /// `--json`, `--csv` (printed by the tool from the report).
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            output = try OutputOptions(fields)
            switch fields.door {
            case .command(let invocation):
                input = try Self.input(invocation)
                time = try Self.time(invocation)
            case .batch(let request):
                input = try AnalyticsOps.rateInput(request)
                time = try AnalyticsOps.rateTime(request)
            }
        }

        /// The one rate option given, read exactly as written (a rate form also as `5%` or `500bp`).
        private static func input(_ invocation: Invocation) throws -> RateInput {
            let flags = RateForm.allCases.map { "--" + $0.optionName }.joined(separator: ", ")
            let given = RateForm.allCases.filter { invocation.option($0.optionName) != nil }
            guard let form = given.first else { throw invocation.usageError("Give the rate in one form: one of \(flags)") }
            guard given.count == 1 else {
                throw invocation.usageError("Give the rate in one form only; got \(given.map { "--" + $0.optionName }.joined(separator: " and "))")
            }
            let text = invocation.option(form.optionName) ?? ""
            let isRate = form.isRate
            _ = try invocation.parse(option: form.optionName) { isRate ? RateText.double($0) : ValueText.double($0, expecting: "expected a number") }
            guard let input = RateInput(form: form, text: text) else {
                throw invocation.usageError(
                    "The value '\(text)' is invalid for '--\(form.optionName) <number>': \(isRate ? RateText.expectation : "expected a number")")
            }
            if form == .apy, let warning = RateText.unitlessLargeApyWarning(option: "--apy", text: text, value: input.value) {
                try invocation.warn(warning)
            }
            return input
        }

        /// `--seconds-to-expiry`, or `--expiry` with `--now` (the wall clock when absent).
        private static func time(_ invocation: Invocation) throws(UsageError) -> RateTime {
            let expiry = try MarketOptions.time(invocation, "expiry")
            let now = try MarketOptions.time(invocation, "now")
            if let seconds = try invocation.parse(option: "seconds-to-expiry", ValueText.seconds) {
                guard expiry == nil, now == nil else {
                    throw invocation.usageError("'--seconds-to-expiry' replaces '--expiry' and '--now'; give one or the other")
                }
                return .seconds(seconds)
            }
            guard let expiry else {
                throw invocation.usageError("Missing expected argument '--expiry <time>' (or give '--seconds-to-expiry <seconds>')")
            }
            let (time, source) = now.map { ($0, TimeSource.given) } ?? (WallClock.now(), .wallClock)
            invocation.noteTimeSource(source)
            return .untilExpiry(expiry: expiry, now: time, nowSource: source)
        }
    }

    static let opName = "rate"
    static let opSummary =
        "one of apy, ptPrice, ytPrice, lnRate, ptPerAsset; expiry and now, or secondsToExpiry → every form, time to expiry, YT leverage, duration, exact wad forms"

    static func answer(_ options: Options) throws -> JobAnswer {
        JobAnswer(report: try RateReport.build(options.input, time: options.time))
    }
}
