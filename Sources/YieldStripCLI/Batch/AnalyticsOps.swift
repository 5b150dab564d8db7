import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// Ops behind the commands `rate`, `market show`, `market new`, `quote`, `compare` and `depth`, each derived from
/// its command (`JobCommand`): exactly the fields the command prints with `--json`. The batch readers of the
/// fields whose shape differs from the options (`rate`'s form and time, `quote`'s `swap`) are here.
///
/// Batch never reads a clock: `rate` needs `now` (or `secondsToExpiry`) and the market ops need
/// `blockTime`, so every answer is reproducible; the time fields report the source `"given"`.
enum AnalyticsOps {
    static let entries: [BatchOp] = [
        RateCommand.batchOp,
        MarketShowCommand.batchOp,
        MarketNewCommand.batchOp,
        QuoteCommand.batchOp,
        CompareCommand.batchOp,
        DepthCommand.batchOp
    ]

    /// The one rate field given (`apy`, `ptPrice`, `ytPrice`, `lnRate` or `ptPerAsset`): a JSON number or
    /// a string holding one.
    static func rateInput(_ request: BatchRequest) throws(RequestError) -> RateInput {
        let given = RateForm.allCases.filter { request.value($0.rawValue) != nil }
        let names = RateForm.allCases.map(\.rawValue).joined(separator: ", ")
        guard let form = given.first else {
            throw .badRequest(field: nil, reason: "give one of \(names)")
        }
        guard given.count == 1 else {
            throw .badRequest(
                field: given[1].rawValue,
                reason: "give exactly one of \(names); got \(given.map(\.rawValue).joined(separator: " and "))")
        }
        let text: String?
        switch request.value(form.rawValue) {
        case .number(let number)?: text = number.text
        case .string(let string)?: text = string
        default: text = nil
        }
        guard let text, let input = RateInput(form: form, text: text) else {
            throw .badRequest(
                field: form.rawValue,
                reason:
                    "field '\(form.rawValue)' must be a number (a JSON number or a string holding one); got \(quoted(request.value(form.rawValue) ?? .null))"
            )
        }
        return input
    }

    /// `secondsToExpiry`, or `expiry` and `now` (Unix seconds or ISO-8601 text).
    static func rateTime(_ request: BatchRequest) throws -> RateTime {
        let expiry = try TimeField.read(request, "expiry")
        let now = try TimeField.read(request, "now")
        if let seconds = try request.int64IfPresent("secondsToExpiry") {
            guard expiry == nil, now == nil else {
                throw RequestError.badRequest(field: "secondsToExpiry", reason: "give either secondsToExpiry or expiry and now, not both")
            }
            return .seconds(seconds)
        }
        guard let expiry else {
            throw RequestError.badRequest(
                field: "expiry", reason: "missing field 'expiry' (or give 'secondsToExpiry'); a time: Unix seconds or ISO-8601 text")
        }
        guard let now else {
            throw RequestError.badRequest(
                field: "now", reason: "missing field 'now' (the valuation time: Unix seconds or ISO-8601 text; batch reads no clock)")
        }
        return .untilExpiry(expiry: expiry, now: now, nowSource: .given)
    }

    /// The `swap` field: the name of a router swap.
    static func swapKind(_ request: BatchRequest) throws(RequestError) -> SwapKind {
        let name = try request.string("swap")
        guard let kind = SwapKind(rawValue: name) else {
            throw .badRequest(
                field: "swap", reason: "unknown swap '\(name)'; expected one of \(SwapKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }
}
