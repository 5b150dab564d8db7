import YieldStrip
import YieldStripJSON

/// `yieldstrip rates`: a lending protocol's borrow and supply rates (batch op `rates`).
struct RatesCommand: JobCommand {
    let name = "rates"
    let abstract = "Lending rates: Aave, Morpho, kinked; APR, APY, the inverse."
    let discussion = """
        The borrow and supply rates of a lending pool at a utilization (borrowed /
        supplied: --utilization, or --borrowed with --supplied), as APR and APY.
        --model aave: Aave v3's two slopes as DefaultReserveInterestRateStrategyV2
        computes them, in rays from whole basis points (--optimal, --base, --slope1,
        --slope2); APY compounded per second. --model morpho: Morpho Blue's
        AdaptiveCurveIrm from a rate at target (--rate-at-target, default 4%), in the
        contract's per-second integers; with --days (or a --path such as 0.5:10d,1:1d)
        the rate at target adapts and borrowRate is the trapezoid average Morpho
        accrues, borrowRateEnd the curve at the end; APY compounded continuously.
        --model kinked --points 0:0,80%:8%,100%:100%: any piecewise-linear curve
        (Kamino's 11 points). Supply rate = borrow rate x utilization x (1 - reserve
        factor) (--reserve-factor: Aave's reserve factor, Morpho's fee).
        --target-supply-apy asks the inverse: the utilization that pays suppliers that
        APY. --json prints the answer of the batch op 'rates'.
        """
    /// The rate model and the utilization (or its path, or the supply APY to reach), the output.
    struct Options: DoorOptions {
        static var specs: [OptionSpec] {
            LendingInputs.modelOptions(required: true) + [
                .value("utilization", valueName: "rate", help: "Borrowed / supplied, in [0, 1] (0.5 or 50%)."),
                .value("borrowed", valueName: "amount", help: "The pool's total borrowed (with --supplied, instead of --utilization)."),
                .value("supplied", valueName: "amount", help: "The pool's total supplied (with --borrowed)."),
                .value("days", valueName: "days", help: "Days at this utilization (Morpho's rate at target adapts; others average)."),
                .value("path", valueName: "steps", help: "A piecewise-constant utilization path instead: 0.5:10d,1:1d."),
                .value(
                    "reserve-factor", valueName: "rate", help: "The share of interest kept from suppliers (Aave's reserve factor, Morpho's fee).",
                    default: "0"),
                .value("target-supply-apy", valueName: "apy", help: "The inverse question: the utilization at which suppliers earn this APY.")
            ] + OutputOptions.specs
        }

        let request: LendingRatesRequest
        let output: OutputOptions

        init(_ fields: DoorFields) throws {
            request = try RatesOptions.request(fields)
            output = try OutputOptions(fields)
        }
    }

    static let opName = "rates"
    static let opSummary =
        "model, optimal?, base?, slope1?, slope2?, rateAtTarget?, points?, utilization|borrowed+supplied|path, days?, reserveFactor?, targetSupplyApy? → borrow and supply APR and APY, the curve, the inverse (as 'rates --json')"

    static func answer(_ options: Options) throws -> JobAnswer {
        let answer = try RatesAnswer.build(LendingRates.compute(options.request))
        return JobAnswer(report: answer.report, tableText: answer.tableText)
    }
}

/// The rates request from the command's options or the batch op's fields (the same names in camelCase).
enum RatesOptions {
    static func request(_ source: DoorFields) throws -> LendingRatesRequest {
        let model = try LendingInputs.rateModel(source, required: true) ?? .morpho(rateAtTarget: .zero)
        let reserveFactor = try source.exactRate("reserveFactor") ?? .zero
        let target = try source.rate("targetSupplyApy")
        let given = ["utilization", "borrowed", "path"].filter(source.given)
        guard given.count <= 1 else {
            throw source.conflict(
                "give the utilization once: \(source.name("utilization")), \(source.name("borrowed")) with \(source.name("supplied")), or \(source.name("path"))",
                field: given[1])
        }
        if source.given("supplied") && !source.given("borrowed") {
            throw source.conflict(
                "\(source.name("supplied")) goes with \(source.name("borrowed")): the utilization is borrowed / supplied", field: "supplied")
        }
        if source.given("path") && source.given("days") {
            throw source.conflict(
                "a \(source.name("path")) carries its own durations: give \(source.name("days")) only with a constant utilization", field: "days")
        }
        var path: [UtilizationSegment]
        if let steps = try source.read("path", LendingInputs.path) {
            path = steps
        } else {
            let utilization: Wad
            if let borrowed = try source.decimal("borrowed") {
                let supplied = try source.required("supplied", "the pool's total supplied", ValueText.wad)
                guard !borrowed.isNegative else { throw LendingError.negativeAmount(field: "borrowed", value: borrowed.description) }
                guard supplied.isPositive else {
                    throw LendingError.invalidParameter(field: "supplied", value: supplied.description, reason: "the supply must be positive")
                }
                guard borrowed <= supplied else {
                    throw LendingError.utilizationOutOfRange(field: "borrowed / supplied", value: "\(borrowed) / \(supplied)")
                }
                utilization = try borrowed.divDown(supplied)
            } else {
                utilization = try source.required("utilization", "borrowed / supplied, e.g. 0.5", RateText.exact)
            }
            var seconds: Int64 = 0
            if let days = try source.number("days") {
                guard days.isFinite, days >= 0, days <= 36_500 else {
                    throw LendingError.invalidParameter(field: "days", value: "\(days)", reason: "give 0 to 36500 days")
                }
                seconds = Int64((days * Double(RateConventions.secondsPerDay)).rounded())
            }
            path = [UtilizationSegment(utilization: utilization, seconds: seconds)]
        }
        return LendingRatesRequest(model: model, path: path, reserveFactor: reserveFactor, targetSupplyApy: target)
    }
}

/// The answer of `rates` and the batch op `rates`.
///
/// Fields, in order: `model`; `parameters` (aave: `optimalUsageRatioBps`, `baseVariableBorrowRateBps`,
/// `variableRateSlope1Bps`, `variableRateSlope2Bps`; morpho: `rateAtTarget`, `curveSteepness`,
/// `adjustmentSpeed`, `targetUtilization`; kinked: `points`); `compounding`; `utilization`, `days`,
/// `seconds`, `reserveFactor`; `borrowRate`, `supplyRate` (APR over the period), `borrowApy`, `supplyApy`;
/// `borrowRateEnd`, `supplyRateEnd`; `borrowRateRay`, `supplyRateRay` (Aave, wei of 1e27; else null);
/// `rateAtTargetStart`, `rateAtTargetEnd`, `rateAtTargetEndPerSecond`, `borrowRatePerSecond` (Morpho, the
/// per-second values in wei of 1e18; else null); `continuous` (Morpho with the exact exponential:
/// `borrowRate`, `rateAtTargetEnd`; else null); `path` (rows `utilization`, `days`, `seconds`,
/// `borrowRate`, `supplyRate`, `rateAtTargetEnd`); `curve` (rows `utilization`, `borrowRate`,
/// `supplyRate`, `borrowApy`, `supplyApy`); `target` (`targetSupplyApy`, `utilization`, `borrowRate`,
/// `borrowApy`, `maxSupplyApy`; null without `targetSupplyApy`); `idleUtilization`, `idleSupplyApy`;
/// `notes`; `assumptions`.
struct RatesAnswer {
    let report: Report
    let result: LendingRatesResult

    static func build(_ r: LendingRatesResult) throws -> RatesAnswer {
        var answer = AnswerBuilder()
        let percent = { (value: Double) in LendingInputs.percent(value) }
        answer.text("model", r.model, label: "model")
        answer.nested("parameters", parameters(r))
        answer.text("compounding", r.compounding.rawValue, label: "APY", display: r.compounding.description)
        try answer.number("utilization", r.utilization, label: "utilization (end)", display: percent)
        try answer.number("days", r.days, label: "days") { TableFormat.significant($0, digits: 8) }
        answer.withReport {
            $0.append("seconds", .number(JSONNumber(r.seconds)))
            $0.hiddenInTable.insert("seconds")
        }
        if r.seconds == 0 { answer.hideInTable("days") }
        try answer.number("reserveFactor", r.reserveFactor, label: "reserve factor / fee", display: percent)
        let period = r.seconds > 0 ? " over the period" : ""
        try answer.number("borrowRate", r.borrowRate, label: "borrow rate (APR\(period))", display: percent)
        try answer.number("supplyRate", r.supplyRate, label: "supply rate (APR\(period))", display: percent)
        try answer.number("borrowApy", r.borrowApy, label: "borrow APY", display: percent)
        try answer.number("supplyApy", r.supplyApy, label: "supply APY", display: percent)
        try answer.number("borrowRateEnd", r.borrowRateEnd, label: "borrow rate at the end (APR)", display: percent)
        try answer.number("supplyRateEnd", r.supplyRateEnd, label: "supply rate at the end (APR)", display: percent)
        answer.withReport { report in
            for (key, value, label) in [
                ("borrowRateRay", r.borrowRateRay, "borrow rate (ray)"), ("supplyRateRay", r.supplyRateRay, "supply rate (ray)")
            ] {
                if let value {
                    report.append(key, .string(value.description), label: label)
                } else {
                    report.append(key, .null)
                    report.hiddenInTable.insert(key)
                }
            }
        }
        try answer.number("rateAtTargetStart", r.rateAtTargetStart, label: "rate at target, start", display: percent)
        try answer.number("rateAtTargetEnd", r.rateAtTargetEnd, label: "rate at target, end", display: percent)
        answer.withReport { report in
            for (key, value, label) in [
                ("rateAtTargetEndPerSecond", r.rateAtTargetEndPerSecond, "rate at target, end (per second, wei)"),
                ("borrowRatePerSecond", r.borrowRatePerSecond, "borrow rate (per second, wei)")
            ] {
                if let value {
                    report.append(key, .string(value.description), label: label)
                } else {
                    report.append(key, .null)
                    report.hiddenInTable.insert(key)
                }
            }
        }
        if let borrow = r.continuousBorrowRate, let end = r.continuousRateAtTargetEnd {
            var twin = AnswerBuilder()
            try twin.number("borrowRate", borrow, label: "borrow rate with e^x (APR)", display: percent)
            try twin.number("rateAtTargetEnd", end, label: "rate at target, end, with e^x", display: percent)
            answer.nested("continuous", twin)
        } else {
            answer.nested("continuous", nil)
        }
        answer.hiddenMember(
            "path",
            .array(
                try r.segments.map { s in
                    var object = JSONObject()
                    try object.append("utilization", finite: s.utilization)
                    try object.append("days", finite: s.days)
                    object.append("seconds", .number(JSONNumber(s.seconds)))
                    try object.append("borrowRate", finite: s.borrowRate)
                    try object.append("supplyRate", finite: s.supplyRate)
                    object.append("rateAtTargetEnd", analytic: s.rateAtTargetEnd)
                    return .object(object)
                }))
        answer.hiddenMember(
            "curve",
            .array(
                try r.curve.map { row in
                    var object = JSONObject()
                    try object.append("utilization", finite: row.utilization)
                    try object.append("borrowRate", finite: row.borrowRate)
                    try object.append("supplyRate", finite: row.supplyRate)
                    try object.append("borrowApy", finite: row.borrowApy)
                    try object.append("supplyApy", finite: row.supplyApy)
                    return .object(object)
                }))
        answer.nested(
            "target",
            try r.target.map { t in
                var object = AnswerBuilder()
                try object.number("targetSupplyApy", t.targetSupplyApy, label: "target supply APY", display: percent)
                try object.number("utilization", t.utilization, label: "utilization that pays it", display: percent)
                try object.number("borrowRate", t.borrowRate, label: "borrow rate there (APR)", display: percent)
                try object.number("borrowApy", t.borrowApy, label: "borrow APY there", display: percent)
                try object.number("maxSupplyApy", t.maxSupplyApy, label: "most suppliers can earn (100 % utilization)", display: percent)
                return object
            })
        try answer.number("idleUtilization", r.idleUtilization, label: "an idle market's utilization") { LendingInputs.percent($0, 2) }
        try answer.number("idleSupplyApy", r.idleSupplyApy, label: "supply APY there") { LendingInputs.percent($0, 6) }
        answer.texts("notes", r.notes, label: "notes")
        answer.texts("assumptions", r.assumptions, label: "assumptions")
        answer.withReport { $0.hiddenInTable.formUnion(["notes", "assumptions"]) }
        return RatesAnswer(report: answer.report, result: r)
    }

    /// The model's parameters as stored or given.
    static func parameters(_ r: LendingRatesResult) -> AnswerBuilder {
        var object = AnswerBuilder()
        switch r.rateModel {
        case .aave(let s):
            object.withReport { report in
                for (key, value, label) in [
                    ("optimalUsageRatioBps", s.optimalUsageRatioBps, "optimal usage ratio (bps)"),
                    ("baseVariableBorrowRateBps", s.baseVariableBorrowRateBps, "base rate (bps)"),
                    ("variableRateSlope1Bps", s.variableRateSlope1Bps, "slope 1 (bps)"),
                    ("variableRateSlope2Bps", s.variableRateSlope2Bps, "slope 2 (bps)")
                ] {
                    report.append(key, .number(JSONNumber(value)), label: label)
                }
            }
        case .morpho(let rate):
            object.withReport { report in
                report.append(
                    "rateAtTarget", .number(JSONNumber(rate.doubleValue) ?? JSONNumber(0)), label: "rate at target, given",
                    display: LendingInputs.percent(rate.doubleValue))
                report.append("curveSteepness", .number(JSONNumber(4)), label: "curve steepness")
                report.append("adjustmentSpeed", .number(JSONNumber(50)), label: "adjustment speed (per year)")
                report.append("targetUtilization", .number(JSONNumber(0.9) ?? JSONNumber(0)), label: "target utilization", display: "90.00%")
            }
        case .kinked(let curve):
            let points: [JSONValue] = curve.points.map { point in
                var row = JSONObject()
                row.append("utilization", analytic: point.utilization)
                row.append("rate", analytic: point.rate)
                return .object(row)
            }
            object.withReport { report in
                report.append(
                    "points", .array(points), label: "points (utilization:rate)",
                    display: curve.points.map { "\(LendingInputs.percent($0.utilization, 2)):\(LendingInputs.percent($0.rate, 2))" }.joined(
                        separator: ", "))
            }
        }
        return object
    }

    var tableText: String {
        var blocks: [String] = []
        if result.segments.count > 1 {
            var table = TextTable(
                header: ["utilization", "days", "borrow APR", "supply APR"] + (result.model == "morpho" ? ["rate at target, end"] : []))
            for s in result.segments {
                table.rows.append(
                    [
                        LendingInputs.percent(s.utilization, 2), TableFormat.significant(s.days, digits: 8), LendingInputs.percent(s.borrowRate),
                        LendingInputs.percent(s.supplyRate)
                    ] + (result.model == "morpho" ? [LendingInputs.percent(s.rateAtTargetEnd)] : []))
            }
            blocks.append("the path, step by step\n" + table.render(indent: 2))
        }
        var curve = TextTable(header: ["utilization", "borrow APR", "borrow APY", "supply APR", "supply APY"])
        for row in result.curve {
            curve.rows.append([
                LendingInputs.percent(row.utilization, 2), LendingInputs.percent(row.borrowRate), LendingInputs.percent(row.borrowApy),
                LendingInputs.percent(row.supplyRate), LendingInputs.percent(row.supplyApy)
            ])
        }
        blocks.append("the curve" + (result.model == "morpho" ? " (at the final rate at target)" : "") + "\n" + curve.render(indent: 2))
        return JobTable.render(title: "", summary: summary, report: report, tables: blocks, assumptions: result.assumptions)
    }

    var summary: [String] {
        let r = result
        var lines = [
            "At \(LendingInputs.percent(r.utilization, 2)) utilization borrowers pay \(LendingInputs.percent(r.borrowRate)) APR (\(LendingInputs.percent(r.borrowApy)) APY), "
                + "suppliers earn \(LendingInputs.percent(r.supplyRate)) APR (\(LendingInputs.percent(r.supplyApy)) APY)"
                + (r.seconds > 0 ? " over the period." : ".")
        ]
        if r.model == "morpho", let start = r.rateAtTargetStart, let end = r.rateAtTargetEnd, r.seconds > 0 {
            lines.append(
                "The rate at target moved from \(LendingInputs.percent(start)) to \(LendingInputs.percent(end)); the curve now charges \(LendingInputs.percent(r.borrowRateEnd))."
            )
        }
        return lines + r.notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}
