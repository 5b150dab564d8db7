import YieldStrip
import YieldStripJSON

/// `yieldstrip yt-interest`: the interest a YT balance earns between two PY indexes (batch op
/// `ytInterestReport`).
struct YTInterestCommand: JobCommand {
    let name = "yt-interest"
    let abstract = "Interest a YT balance earns between two PY indexes, fee taken."
    let discussion = """
        interest = balance · (to − from) / (from · to) SY, rounded down as Pendle's
        InterestManagerYT does; the fee (--fee of it, rounded down) goes to the
        treasury and the rest is paid. The PY index never falls: an --index-to below
        --index-from accrues nothing (negative yield). Values are read exactly (at
        most 18 decimals); the real-arithmetic figures are shown beside the exact
        ones. --json prints the answer of the batch op 'ytInterestReport'.
        """
    /// The balance, the two indexes and the fee, the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            [
                .value("balance", valueName: "amount", help: "YT held.", required: true),
                .value("index-from", valueName: "index", help: "The PY index when the balance last accrued.", required: true),
                .value("index-to", valueName: "index", help: "The PY index now.", required: true),
                .value("fee", valueName: "rate", help: "The protocol's fee on interest (0.03 or 3%).", default: "0.03")
            ] + OutputOptions.specs

        var inputs: YTInterestInputs
        /// `--json`, `--csv` (printed by the tool from the report).
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            switch fields.door {
            case .command(let invocation):
                inputs = YTInterestInputs(
                    balance: try TokenizationValues.required(invocation, "balance", TokenizationValues.amount),
                    indexFrom: try TokenizationValues.required(invocation, "index-from", TokenizationValues.amount),
                    indexTo: try TokenizationValues.required(invocation, "index-to", TokenizationValues.amount))
                inputs.feeRate = try TokenizationValues.required(invocation, "fee", TokenizationValues.fraction)
            case .batch(let request):
                inputs = YTInterestInputs(
                    balance: try request.wad("balance"), indexFrom: try request.wad("indexFrom"), indexTo: try request.wad("indexTo"))
                inputs.feeRate = try request.wadIfPresent("feeRate") ?? inputs.feeRate
            }
            output = try OutputOptions(fields)
        }
    }

    static let opName = "ytInterestReport"
    static let opSummary = "balance, indexFrom, indexTo, feeRate? → interest, fee, paid, exact and real (as 'yt-interest --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        JobAnswer(report: try YTInterestAnswer.build(options.inputs))
    }
}
