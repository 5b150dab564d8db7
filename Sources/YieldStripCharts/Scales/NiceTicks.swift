import Foundation

/// The ticks of an axis and the domain they span.
public struct TickSet: Hashable, Sendable {
    /// Tick values, increasing.
    public var values: [Double]
    /// The axis's domain: for ``NiceTicks/linear(lower:upper:targetCount:)``, ``NiceTicks/log(lower:upper:targetCount:)``
    /// and ``NiceTicks/dates(lower:upper:targetCount:)`` the first and last tick, so the ticks cover the data.
    public var lower: Double
    public var upper: Double
    /// The step between ticks (linear: `mantissa · 10^decimalExponent`, the mantissa 1, 2 or 5; dates: seconds,
    /// approximate for months).
    public var step: Double
    /// The power of ten of the step, which sets the decimals a label needs (a step of 0.2 has −1); for log
    /// ticks the smallest tick's; 0 for dates.
    public var decimalExponent: Int
}

/// "Nice" ticks: steps of 1, 2 or 5 times a power of ten, extended to cover the data.
///
/// Degenerate input never divides by zero: a zero range is widened around its value (±1 around 0, else
/// ±1 % of it), non-finite bounds are replaced by finite ones, and a range too narrow for a double's
/// precision is widened to a billionth of its magnitude.
public enum NiceTicks {
    /// The largest magnitude an axis handles; beyond it values are clamped.
    public static let limit = 1e300

    /// Linear ticks covering `[lower, upper]`, about `targetCount` intervals (at least 1).
    public static func linear(lower: Double, upper: Double, targetCount: Int) -> TickSet {
        let (lo, hi) = widened(lower, upper)
        let target = Double(Swift.max(1, targetCount))
        let (step, exponent, mantissa) = niceStep((hi - lo) / target)
        var first = indexBelow(lo, step: step)
        var last = indexAbove(hi, step: step)
        if last <= first { last = first + 1 }
        // Never more than a few hundred ticks, whatever the input.
        if last - first > 400 { first = last - 400 }
        let values = (first...last).map { value(index: $0, mantissa: mantissa, exponent: exponent) }
        return TickSet(values: values, lower: values[0], upper: values[values.count - 1], step: step, decimalExponent: exponent)
    }

    /// Linear ticks inside `[lower, upper]` without extending it (a secondary axis over a fixed domain);
    /// the domain stays `[lower, upper]`.
    public static func inside(lower: Double, upper: Double, targetCount: Int) -> TickSet {
        let (lo, hi) = widened(lower, upper)
        let (step, exponent, mantissa) = niceStep((hi - lo) / Double(Swift.max(1, targetCount)))
        let first = indexAbove(lo, step: step)
        let last = indexBelow(hi, step: step)
        let values = first <= last ? (first...Swift.min(last, first + 400)).map { value(index: $0, mantissa: mantissa, exponent: exponent) } : []
        return TickSet(values: values, lower: lo, upper: hi, step: step, decimalExponent: exponent)
    }

    /// Logarithmic ticks covering `[lower, upper]` (both > 0; others are replaced): 1, 2 and 5 times each
    /// power of ten when they are few enough for `targetCount`, else the powers of ten alone, else every
    /// second, fifth, tenth … power.
    public static func log(lower: Double, upper: Double, targetCount: Int) -> TickSet {
        var lo = lower.isFinite && lower > 0 ? Swift.min(lower, limit) : 1
        var hi = upper.isFinite && upper > 0 ? Swift.min(upper, limit) : lo * 10
        lo = Swift.max(lo, 1 / limit)
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            lo /= 1.5
            hi *= 1.5
        }
        let target = Swift.max(2, targetCount)
        let lowDecade = Int(Foundation.floor(Foundation.log10(lo) + 1e-12))
        let highDecade = Int(Foundation.ceil(Foundation.log10(hi) - 1e-12))
        for mantissas in [[1.0, 2, 5], [1.0]] {
            var candidates: [(value: Double, exponent: Int)] = []
            for decade in (lowDecade - 1)...(highDecade + 1) {
                for m in mantissas { candidates.append((m * ChartNumberFormat.powerOfTen(decade), decade)) }
            }
            let below = candidates.last { $0.value <= lo * (1 + 1e-12) } ?? candidates[0]
            let above = candidates.first { $0.value >= hi * (1 - 1e-12) } ?? candidates[candidates.count - 1]
            let chosen = candidates.filter { $0.value >= below.value && $0.value <= above.value }
            let intervals = chosen.count - 1
            if intervals <= target + target / 2 {
                return TickSet(
                    values: chosen.map(\.value), lower: below.value, upper: above.value,
                    step: mantissas.count == 1 ? 10 : 2, decimalExponent: chosen.map(\.exponent).min() ?? 0)
            }
        }
        // Many decades: every k-th power of ten.
        let decades = highDecade - lowDecade
        let k = [2, 5, 10, 20, 50, 100].first { decades / $0 <= target } ?? 200
        let first = Int(Foundation.floor(Double(lowDecade) / Double(k))) * k
        let last = Int(Foundation.ceil(Double(highDecade) / Double(k))) * k
        let values = stride(from: first, through: last, by: k).map { ChartNumberFormat.powerOfTen($0) }
        return TickSet(
            values: values, lower: values[0], upper: values[values.count - 1], step: ChartNumberFormat.powerOfTen(k),
            decimalExponent: first)
    }

    /// Calendar ticks for Unix seconds covering `[lower, upper]`: every 1, 2, 7 or 14 days, or every 1, 2, 3
    /// or 6 months, or every 1, 2, 5, 10 … years, whichever gives at most `targetCount` intervals; the first
    /// and last ticks bound the domain.
    public static func dates(lower: Double, upper: Double, targetCount: Int) -> TickSet {
        var lo = lower.isFinite ? Swift.max(-6e10, Swift.min(2.5e11, lower)) : 0
        var hi = upper.isFinite ? Swift.max(-6e10, Swift.min(2.5e11, upper)) : lo + 86_400
        if hi < lo { swap(&lo, &hi) }
        if hi - lo < 86_400 {
            lo -= 43_200
            hi += 43_200
        }
        let target = Swift.max(1, targetCount)
        let day = 86_400.0
        for days in [1, 2, 7, 14] {
            let step = Double(days) * day
            let first = Int(Foundation.floor(lo / step))
            let last = Int(Foundation.ceil(hi / step))
            if last - first <= target {
                let values = (first...Swift.max(last, first + 1)).map { Double($0) * step }
                return TickSet(values: values, lower: values[0], upper: values[values.count - 1], step: step, decimalExponent: 0)
            }
        }
        let loMonth = CivilDate(unixSeconds: lo).monthIndex
        let hiDate = CivilDate(unixSeconds: hi)
        let hiMonth = hiDate.monthIndex + (hiDate.isMonthStart(unixSeconds: hi) ? 0 : 1)
        var months = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200]
        while let step = months.first {
            months.removeFirst()
            let first = Int(Foundation.floor(Double(loMonth) / Double(step))) * step
            let last = Int(Foundation.ceil(Double(hiMonth) / Double(step))) * step
            if (last - first) / step <= target || months.isEmpty {
                let values = stride(from: first, through: Swift.max(last, first + step), by: step).map { CivilDate.unixSeconds(monthIndex: $0) }
                return TickSet(
                    values: values, lower: values[0], upper: values[values.count - 1], step: Double(step) * 30.44 * day,
                    decimalExponent: 0)
            }
        }
        return linear(lower: lo, upper: hi, targetCount: targetCount)
    }

    /// Labels of date ticks: `2025` for yearly steps, `2025-03` for monthly, `2025-03-14` for daily.
    public static func dateLabels(_ ticks: TickSet) -> [String] {
        ticks.values.map { value in
            let date = CivilDate(unixSeconds: value)
            if ticks.step < 27 * 86_400 { return date.isoDate }
            if ticks.step >= 360 * 86_400 && date.month == 1 { return String(format4: date.year) }
            return date.isoMonth
        }
    }

    // MARK: Internals

    /// Finite, ordered, non-empty bounds.
    static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
        var lo = lower.isFinite ? Swift.max(-limit, Swift.min(limit, lower)) : (upper.isFinite ? upper : 0)
        var hi = upper.isFinite ? Swift.max(-limit, Swift.min(limit, upper)) : lo
        lo = Swift.max(-limit, Swift.min(limit, lo))
        hi = Swift.max(-limit, Swift.min(limit, hi))
        if hi < lo { swap(&lo, &hi) }
        let magnitude = Swift.max(Swift.abs(lo), Swift.abs(hi))
        if hi == lo {
            if lo == 0 { return (-1, 1) }
            let pad = Swift.abs(lo) * 0.01
            return (lo - pad, hi + pad)
        }
        // A range narrower than a billionth of the values cannot be ticked in doubles: widen it.
        let minimum = magnitude * 1e-9
        if hi - lo < minimum {
            let middle = lo / 2 + hi / 2
            return (middle - minimum / 2, middle + minimum / 2)
        }
        return (lo, hi)
    }

    /// The nice step at or above `raw`: `(step, exponent, mantissa)` with step = mantissa · 10^exponent.
    static func niceStep(_ raw: Double) -> (Double, Int, Double) {
        let positive = raw.isFinite && raw > 0 ? raw : 1
        var exponent = Int(Foundation.floor(Foundation.log10(positive)))
        let fraction = positive / ChartNumberFormat.powerOfTen(exponent)
        var mantissa: Double
        switch fraction {
        case ...1.000000001: mantissa = 1
        case ...2.000000001: mantissa = 2
        case ...5.000000001: mantissa = 5
        default:
            mantissa = 1
            exponent += 1
        }
        return (value(index: 1, mantissa: mantissa, exponent: exponent), exponent, mantissa)
    }

    /// `index · mantissa · 10^exponent`, computed so that 3 × 0.1 is 0.3 (a division by an exact power of ten).
    static func value(index: Int, mantissa: Double, exponent: Int) -> Double {
        let whole = Double(index) * mantissa
        if exponent < 0 && -exponent <= 22 { return whole / ChartNumberFormat.powerOfTen(-exponent) }
        return whole * ChartNumberFormat.powerOfTen(exponent)
    }

    /// The index of the tick at or below `value` (within rounding of a tick).
    static func indexBelow(_ value: Double, step: Double) -> Int {
        let ratio = value / step
        let nearest = ratio.rounded()
        let index = Swift.abs(ratio - nearest) < 1e-9 * Swift.max(1, Swift.abs(ratio)) ? nearest : Foundation.floor(ratio)
        return Int(Swift.max(-1e15, Swift.min(1e15, index)))
    }

    /// The index of the tick at or above `value` (within rounding of a tick).
    static func indexAbove(_ value: Double, step: Double) -> Int {
        let ratio = value / step
        let nearest = ratio.rounded()
        let index = Swift.abs(ratio - nearest) < 1e-9 * Swift.max(1, Swift.abs(ratio)) ? nearest : Foundation.ceil(ratio)
        return Int(Swift.max(-1e15, Swift.min(1e15, index)))
    }
}

/// A day of the proleptic Gregorian calendar in UTC, from Unix seconds (Howard Hinnant's `civil_from_days`).
struct CivilDate {
    var year: Int
    var month: Int
    var day: Int

    init(unixSeconds: Double) {
        let days = Int(Foundation.floor(unixSeconds / 86_400))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Months since year 0: `year · 12 + month − 1`.
    var monthIndex: Int { year * 12 + month - 1 }

    /// Whether `unixSeconds` is exactly midnight on the first of its month.
    func isMonthStart(unixSeconds: Double) -> Bool {
        day == 1 && unixSeconds == Foundation.floor(unixSeconds / 86_400) * 86_400
    }

    /// Unix seconds at midnight UTC on the first day of month `monthIndex` (``monthIndex``).
    static func unixSeconds(monthIndex: Int) -> Double {
        let year = Int(Foundation.floor(Double(monthIndex) / 12))
        let month = monthIndex - year * 12 + 1
        // days_from_civil
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Double(era * 146_097 + doe - 719_468) * 86_400
    }

    var isoMonth: String { String(format4: year) + "-" + String(format2: month) }
    var isoDate: String { isoMonth + "-" + String(format2: day) }
}

extension String {
    /// A year as four digits (a sign before negative years).
    init(format4 value: Int) {
        let digits = String(Swift.abs(value))
        self = (value < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    /// Two digits.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
