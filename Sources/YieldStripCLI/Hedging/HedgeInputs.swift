import YieldStrip
import YieldStripJSON

/// Inputs the hedging commands and ops share: a position, a second market, the yield assumed to a horizon.
enum HedgeInputs {
    static let positionOption = OptionSpec.value(
        "position", valueName: "legs",
        help: "The position: pt:1000,yt:-500,lp:10,sy:250 (token units; negative = short).", required: true)
    static let realizedApyOption = OptionSpec.value(
        "realized-apy", valueName: "apy",
        help: "The token's APY to the horizon (default: --schedule's, else the market's implied APY).")
    static let scheduleOption = OptionSpec.value("schedule", valueName: "file", help: "A dividend schedule (.csv or .json) for the token's yield.")
    static let withholdingOption = OptionSpec.value(
        "withholding", valueName: "rate", help: "The token's withholding on dividends (with --schedule).", default: "30%")
    static let ytFeeOption = OptionSpec.value("yt-fee", valueName: "rate", help: "Pendle's fee on YT interest.", default: "3%")

    /// A borrow fee given to a token holder, who borrows nothing.
    static func borrowFeeNeedsStock(_ fields: DoorFields) -> any Error {
        fields.refuse(
            command: "'--borrow-fee' applies to '--held-as stock' (a token holder borrows nothing)",
            batch: "borrowFee applies to heldAs stock (a token holder borrows nothing)", field: "borrowFee")
    }

    /// `--position` read as ``Position``; a usage error naming what is wrong.
    static func position(_ invocation: Invocation) throws(UsageError) -> Position {
        guard let position = try optionalPosition(invocation) else { throw invocation.usageError("Missing expected argument '--position <legs>'") }
        return position
    }

    /// `--position` read as ``Position`` when given.
    static func optionalPosition(_ invocation: Invocation) throws(UsageError) -> Position? {
        try invocation.parse(option: "position") { text -> ValueParse<Position> in
            do throws(PositionError) { return .value(try Position(parsing: text)) } catch { return .invalid(reason: error.message) }
        }
    }

    /// The batch field `position`: text as on the command line (token units), or an array of
    /// `{"token": "pt", "amount": "<wei>"}`.
    static func position(_ request: BatchRequest) throws -> Position {
        switch request.value("position") {
        case .string(let text)?:
            return try Position(parsing: text)
        case .array(let elements)?:
            var legs: [PositionLeg] = []
            for (i, element) in elements.enumerated() {
                guard case .object(let object) = element else {
                    throw RequestError.badRequest(
                        field: "position", reason: "field 'position' holds \(quoted(element)); each leg is {\"token\": \"pt\", \"amount\": \"<wei>\"}"
                    )
                }
                let fields = RequestFields(object, path: "position[\(i)].")
                let name = try fields.string("token")
                guard let token = PositionToken(rawValue: name.lowercased()) else {
                    throw RequestError.badRequest(field: "position[\(i)].token", reason: "unknown token '\(name)'; the tokens are pt, yt, lp, sy")
                }
                legs.append(PositionLeg(token: token, amount: try fields.wad("amount")))
            }
            return try Position(legs: legs)
        case let other:
            throw RequestError.badRequest(
                field: "position",
                reason: other == nil
                    ? "missing field 'position' (text such as \"pt:1000,yt:-500\", or an array of {\"token\", \"amount\"} in wei)"
                    : "field 'position' must be text such as \"pt:1000,yt:-500\" or an array of {\"token\", \"amount\"}; got \(quoted(other ?? .null))"
            )
        }
    }

    /// `position`: each leg with its exact amount (wei) and in units.
    static func legObject(token: PositionToken, amount: Wad) -> JSONObject {
        var object: JSONObject = ["token": .string(token.rawValue), "amount": .wei(amount.raw)]
        object.append("amountUnits", analytic: amount.doubleValue)
        return object
    }
}

/// `--realized-apy`, `--schedule` (with `--withholding`) and `--yt-fee`: the token's yield to a horizon, as
/// `hedge delta` and `scenario` take it. At most one of the APY and the schedule; `--withholding` needs the
/// schedule.
struct RealizedYieldOptions {
    static let specs = [HedgeInputs.realizedApyOption, HedgeInputs.scheduleOption, HedgeInputs.withholdingOption, HedgeInputs.ytFeeOption]

    let realizedApy: Double?
    let schedule: ScheduleInput?
    let withholding: Withholding
    /// Pendle's fee on YT interest (3 % unless given).
    let ytFee: Double

    init(_ fields: DoorFields) throws {
        let job = fields.job
        if fields.given("realizedApy") && fields.given("schedule") {
            throw fields.refuse(
                command: "Give '--realized-apy' or '--schedule', not both", batch: "give realizedApy or schedule, not both", field: "realizedApy")
        }
        // On the command line `--withholding` has a default, so giving it without a schedule says it was meant
        // for one; batch leaves a withholding without a schedule unread, as it always has.
        if let invocation = fields.invocation, fields.given("withholding"), !fields.given("schedule") {
            throw invocation.usageError("'--withholding' is the schedule's: it needs '--schedule <file>'")
        }
        realizedApy = try job.apy("realizedApy")
        schedule = try job.schedule()
        withholding = try job.withholding("withholding") ?? .standard
        ytFee = try job.rate("ytFee") ?? 0.03
    }

    /// The realized yield: the APY given, the schedule's (a file read now, reinvested at `stockPrice`), or
    /// the market's implied APY.
    func realizedYield(stockPrice: Double?) throws -> RealizedYield {
        if let realizedApy { return .apy(realizedApy) }
        guard let schedule else { return .impliedApy }
        return .schedule(try schedule.schedule(), withholding: withholding, prices: StrategyInputs.reinvestPrices(stockPrice: stockPrice))
    }
}
