import Foundation
import YieldStrip
import YieldStripJSON

/// How the market commands' tables show numbers; JSON keeps the full values.
enum TableFormat {
    /// Magnitudes from which fixed-point text gives way to `%g` style (`1.234568e+15`): beyond them a
    /// fixed rendering would print digits that carry nothing (a `Double` has 17 significant digits).
    static let fixedLimit = 1e15

    /// `0.3000%`: a fraction as a percentage with `digits` decimals; `%g` style for huge percentages
    /// (`1.2346e+302%`, even where `value · 100` leaves `Double`'s range); `—` for nil or non-finite.
    static func percent(_ value: Double?, digits: Int = 4) -> String {
        guard let value, value.isFinite else { return "—" }
        let percent = value * 100
        if abs(percent) < fixedLimit { return String(format: "%.\(digits)f%%", percent) }
        return scientific(value, digits: digits + 1, exponentShift: 2) + "%"
    }

    /// A number with `digits` decimals; `%g` style with 10 significant digits for huge magnitudes;
    /// `—` for nil or non-finite.
    static func fixed(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return "—" }
        if abs(value) < fixedLimit { return String(format: "%.\(digits)f", value) }
        return String(format: "%.10g", value)
    }

    /// `value · 10^exponentShift` in `%e` style with `digits` significant digits, computed on the text so
    /// that it works where the product would overflow (`1e307` as a percentage is `1.0000e+309`).
    static func scientific(_ value: Double, digits: Int, exponentShift: Int) -> String {
        let text = String(format: "%.\(max(digits - 1, 0))e", value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else { return text }
        let shifted = exponent + exponentShift
        return String(text[..<e]) + "e" + (shifted < 0 ? "-" : "+") + (abs(shifted) < 10 ? "0" : "") + String(abs(shifted))
    }

    /// A number with `digits` significant digits (`%g` style); `—` for nil or non-finite.
    static func significant(_ value: Double?, digits: Int = 10) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.\(digits)g", value)
    }
}

extension Report {
    /// Appends a `Double` analytic (a JSON number, `null` when absent or not finite) shown by `display`.
    mutating func append(_ key: String, analytic value: Double?, label: String, display: (Double?) -> String) {
        object.append(key, analytic: value)
        labels[key] = label
        displays[key] = display(value)
    }

    /// Appends an exact value as a decimal string of wei, shown in units in the table.
    mutating func append(_ key: String, wad value: Wad, label: String) {
        append(key, .wei(value.raw), label: label, display: value.description)
    }

    /// Shows every wad member of the nested object `key` (decimal strings of wei) in units in the table.
    mutating func showWeiInUnits(under key: String) {
        guard case .object(let nested)? = object[key] else { return }
        for member in nested.members {
            if case .string(let wei) = member.value, let value = Wad(weiText: wei) {
                displays[key + "." + member.key] = value.description
            }
        }
    }

    /// `secondsToExpiry`, `daysToExpiry` and `yearsToExpiry` (365-day years).
    mutating func appendTimeToExpiry(_ seconds: Int64) {
        append("secondsToExpiry", .number(JSONNumber(seconds)), label: "time to expiry (s)")
        append(
            "daysToExpiry", analytic: RateConventions.daysToExpiry(secondsToExpiry: seconds),
            label: "time to expiry (days)"
        ) { TableFormat.fixed($0, digits: 6) }
        append(
            "yearsToExpiry", analytic: RateConventions.yearsToExpiry(secondsToExpiry: seconds),
            label: "time to expiry (years)"
        ) { TableFormat.fixed($0, digits: 10) }
    }

    /// One implied rate in every form: `impliedApy`, `lnImpliedRate`, `ptPerAsset`, `ptPriceInAsset`,
    /// `ytPriceInAsset`, `ytLeverage` (null when YT is free).
    mutating func appendRateForms(
        impliedApy: Double, lnImpliedRate: Double, ptPerAsset: Double, ptPriceInAsset: Double,
        ytPriceInAsset: Double, ytLeverage: Double?
    ) {
        append("impliedApy", analytic: impliedApy, label: "implied APY") { TableFormat.percent($0) }
        append("lnImpliedRate", analytic: lnImpliedRate, label: "ln implied rate") { TableFormat.significant($0) }
        append("ptPerAsset", analytic: ptPerAsset, label: "PT per asset") { TableFormat.significant($0) }
        append("ptPriceInAsset", analytic: ptPriceInAsset, label: "PT price (asset)") { TableFormat.significant($0) }
        append("ytPriceInAsset", analytic: ytPriceInAsset, label: "YT price (asset)") { TableFormat.significant($0) }
        append("ytLeverage", analytic: ytLeverage, label: "YT leverage (1 / YT price)") { TableFormat.fixed($0, digits: 2) }
    }
}

extension JSONObject {
    /// A number member as a `Double` (nil when absent, null or not a number): for tables built from an
    /// answer.
    func number(_ key: String) -> Double? {
        if case .number(let number)? = self[key] { return Double(number.text) }
        return nil
    }

    /// A wei-string member as a ``Wad`` (nil when absent or not one).
    func wad(_ key: String) -> Wad? {
        if case .string(let wei)? = self[key] { return Wad(weiText: wei) }
        return nil
    }
}
