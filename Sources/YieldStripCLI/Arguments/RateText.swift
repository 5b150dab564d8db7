import YieldStrip
import YieldStripJSON

/// How every rate is written, on the command line and in batch string fields: a plain fraction
/// (`0.05`), a percentage (`5%`) or basis points (`50bp`), all three meaning the same rate. Read exactly
/// when the text has at most 18 decimals once scaled (a percentage at most 16, basis points at most 14),
/// else as the nearest `Double`.
enum RateText {
    /// The unit a rate was written in.
    enum Unit: Sendable, Equatable {
        case fraction, percent, basisPoints

        /// The divisor that turns the written number into a fraction.
        var scale: Int { self == .fraction ? 1 : self == .percent ? 100 : 10_000 }
    }

    static let expectation = "expected a rate: a fraction (0.05), a percentage (5%) or basis points (50bp)"

    /// The number and its unit: `5%` → ("5", percent), `50bp` → ("50", basisPoints), `0.05` → ("0.05", fraction).
    static func split(_ text: String) -> (number: String, unit: Unit) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix("%") { return (String(trimmed.dropLast()).trimmingWhitespace(), .percent) }
        let lower = trimmed.lowercased()
        if lower.hasSuffix("bps") { return (String(trimmed.dropLast(3)).trimmingWhitespace(), .basisPoints) }
        if lower.hasSuffix("bp") { return (String(trimmed.dropLast(2)).trimmingWhitespace(), .basisPoints) }
        return (trimmed, .fraction)
    }

    /// A rate read exactly as a wad (`5%` is exactly 0.05): at most 18 decimals once scaled.
    static func exact(_ text: String) -> ValueParse<Wad> {
        let (number, unit) = split(text)
        switch ValueText.wad(number) {
        case .invalid(let reason):
            // Keep the reason when the number is of the right form but does not fit (too large, too many decimals).
            if reason.hasPrefix("too large") { return .invalid(reason: reason) }
            if let shape = ValueText.decimalShape(number), shape.fractionDigits > 18 {
                return .invalid(reason: "\(expectation), with at most 18 decimals (it has \(shape.fractionDigits))")
            }
            return .invalid(reason: expectation)
        case .value(let written):
            let divisor = UInt64(unit.scale)
            guard written.raw.remainder(dividingByPositive: divisor).isZero else {
                let decimals = unit == .percent ? 16 : 14
                return .invalid(
                    reason: expectation + " (a \(unit == .percent ? "percentage" : "basis-point figure") has at most \(decimals) decimals)")
            }
            return .value(Wad(raw: written.raw.divided(byPositive: divisor)))
        }
    }

    /// A rate as a `Double` and whether it was written with a unit (`%`, `bp`): exactly the wad when the text
    /// has few enough decimals, else the nearest `Double` (`1e-3`, `0.123456789012345678901`).
    static func value(_ text: String) -> ValueParse<(value: Double, hasUnit: Bool)> {
        let (number, unit) = split(text)
        if case .value(let exact) = exact(text) { return .value((exact.doubleValue, unit != .fraction)) }
        switch ValueText.double(number, expecting: expectation) {
        case .value(let written): return .value((written / Double(unit.scale), unit != .fraction))
        case .invalid(let reason): return .invalid(reason: reason)
        }
    }

    /// A rate as a `Double`.
    static func double(_ text: String) -> ValueParse<Double> {
        switch value(text) {
        case .value(let rate): return .value(rate.value)
        case .invalid(let reason): return .invalid(reason: reason)
        }
    }

    /// The exact decimal text of a rate written with a unit (`5%` → `0.05`), for inputs kept as text; the
    /// text itself when it has no unit or cannot be scaled exactly.
    static func fractionText(_ text: String) -> String {
        guard split(text).unit != .fraction, case .value(let exact) = exact(text) else { return text }
        return exact.description
    }

    /// The notice for an APY above 100 % written without a unit (`--apy 5` is 500 %, not 5 %); nil otherwise.
    static func unitlessLargeApyWarning(option: String, text: String, value: Double) -> String? {
        guard value > 1, split(text).unit == .fraction else { return nil }
        return "\(option) \(text) is read as a fraction: \(TableFormat.percent(value, digits: 2)) a year; write \(text)% for \(text) percent"
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// A list of values for a sweep: `FROM..TO:STEP` (both ends included when the steps land on them) or a
/// comma list (`-50bp,0,50bp`), each part a number with an optional unit (`%`, `bp`) — `-30%..30%:10%`,
/// `-200..200:50bp` (a unit on any part applies to the parts without one), `0.001,0.002`.
struct ValueRange: Sendable, Equatable {
    /// The values, in the order written (a range ascends from FROM to TO, or descends when TO < FROM).
    var values: [Double]
    /// The unit written (the first part's that has one), `.fraction` when none.
    var unit: RateText.Unit

    /// The most values a range may produce: every value is a row of a table (or of a grid's side), so that a
    /// few bytes of input cannot ask for gigabytes of answer.
    static let defaultLimit = 10_000

    static let expectation = "expected FROM..TO:STEP (e.g. -30%..30%:10%, -200..200:50bp) or a comma list (-50bp,0,50bp)"

    /// Parses `text`; `requiresStep` false accepts `FROM..TO` alone (a band).
    static func parse(_ text: String, limit: Int = defaultLimit, requiresStep: Bool = true) -> ValueParse<ValueRange> {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .invalid(reason: expectation) }
        if let dots = trimmed.range(of: "..") {
            let from = String(trimmed[..<dots.lowerBound])
            var rest = String(trimmed[dots.upperBound...])
            var step: String? = nil
            if let colon = rest.firstIndex(of: ":") {
                step = String(rest[rest.index(after: colon)...])
                rest = String(rest[..<colon])
            }
            let parts = [from, rest] + (step.map { [$0] } ?? [])
            guard let unit = commonUnit(parts) else {
                return .invalid(reason: "mixes % and bp; write every part in one unit (\(expectation))")
            }
            // In the written unit, so that -30%..30%:10% steps through 0 exactly.
            var written: [Double] = []
            for part in parts {
                guard case .value(let value) = number(part, unit: unit) else {
                    return .invalid(reason: "'\(part.trimmingWhitespace())' is not a number; \(expectation)")
                }
                written.append(value)
            }
            let scale = Double(unit.scale)
            guard let step = written.count > 2 ? written[2] : nil else {
                if requiresStep { return .invalid(reason: "the range has no step; \(expectation)") }
                return .value(ValueRange(values: [written[0] / scale, written[1] / scale], unit: unit))
            }
            guard step > 0 else { return .invalid(reason: "the step must be positive; got \(parts[2].trimmingWhitespace())") }
            let count = (abs(written[1] - written[0]) / step * (1 + 1e-12)).rounded(.down)
            guard count.isFinite, count < Double(limit) else {
                return .invalid(reason: "the range gives more than \(limit) values; use a larger step")
            }
            let direction: Double = written[1] >= written[0] ? 1 : -1
            // Exactly in decimal when the parts allow it (-0.3%..0.3%:0.1% is -0.003, -0.002, …, not -0.0019999…).
            let exactParts = parts.map { Wad(decimal: RateText.split($0).number) }
            if let from = exactParts[0], let stepWad = exactParts[2] {
                var values: [Double] = []
                values.reserveCapacity(Int(count) + 1)
                for i in 0...Int(count) {
                    let (offset, o1) = stepWad.raw.multipliedReportingOverflow(by: Int256(Int64(i)))
                    let (value, o2) = direction > 0 ? from.raw.addingReportingOverflow(offset) : from.raw.subtractingReportingOverflow(offset)
                    guard !o1, !o2 else {
                        values.removeAll()
                        break
                    }
                    values.append(Self.fraction(Wad(raw: value), scale: unit.scale))
                }
                if values.count == Int(count) + 1 { return .value(ValueRange(values: values, unit: unit)) }
            }
            let values = (0...Int(count)).map { (written[0] + direction * Double($0) * step) / scale }
            return .value(ValueRange(values: values, unit: unit))
        }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= limit else { return .invalid(reason: "the list has more than \(limit) values") }
        guard let unit = commonUnit(parts) else {
            return .invalid(reason: "mixes % and bp; write every part in one unit (\(expectation))")
        }
        var values: [Double] = []
        for part in parts {
            guard case .value(let value) = number(part, unit: unit) else {
                return .invalid(reason: "'\(part.trimmingWhitespace())' is not a number; \(expectation)")
            }
            values.append(value / Double(unit.scale))
        }
        return .value(ValueRange(values: values, unit: unit))
    }

    /// A written value divided by the unit's scale, as the `Double` nearest the exact decimal.
    private static func fraction(_ written: Wad, scale: Int) -> Double {
        let divisor = UInt64(scale)
        guard written.raw.remainder(dividingByPositive: divisor).isZero else { return written.doubleValue / Double(scale) }
        return Wad(raw: written.raw.divided(byPositive: divisor)).doubleValue
    }

    /// The unit the parts share: the one written (on any part), `.fraction` when none; nil when two differ.
    private static func commonUnit(_ parts: [String]) -> RateText.Unit? {
        let units = Set(parts.map { RateText.split($0).unit }.filter { $0 != .fraction })
        guard units.count <= 1 else { return nil }
        return units.first ?? .fraction
    }

    /// A part's number in the written `unit` (the parts share it: `10%` and `10` are both 10 with unit %).
    private static func number(_ part: String, unit: RateText.Unit) -> ValueParse<Double> {
        let (text, _) = RateText.split(part)
        guard !text.isEmpty, case .value(let written) = ValueText.double(text, expecting: expectation) else {
            return .invalid(reason: expectation)
        }
        return .value(written)
    }
}
