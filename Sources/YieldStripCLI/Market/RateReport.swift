import YieldStrip
import YieldStripJSON

extension RateForm {
    /// The command-line option (`--pt-price`); the batch field is ``rawValue`` (`ptPrice`).
    var optionName: String {
        switch self {
        case .apy: return "apy"
        case .ptPrice: return "pt-price"
        case .ytPrice: return "yt-price"
        case .lnRate: return "ln-rate"
        case .ptPerAsset: return "pt-per-asset"
        }
    }

    /// One sentence for help.
    var help: String {
        switch self {
        case .apy: return "The implied APY: 0.05, 5% or 500bp, annual compounding."
        case .ptPrice: return "The PT price in asset, in (0, 1]."
        case .ytPrice: return "The YT price in asset, in [0, 1)."
        case .lnRate: return "Pendle's lnImpliedRate, ln(1 + APY) (0.0488, 4.88%); read exactly to the wei for the wad forms."
        case .ptPerAsset: return "PT per asset, Pendle's exchangeRate e^(r·t), ≥ 1."
        }
    }
}

/// The rate as given: its form, its value, and its text (an `--ln-rate` written with at most 18
/// decimals is also read exactly as a wad).
struct RateInput: Sendable {
    let form: RateForm
    let value: Double
    let text: String

    /// `text` read as a finite number (a rate form also as `5%` or `500bp`, ``RateText``); nil otherwise.
    init?(form: RateForm, text: String) {
        let isRate = form.isRate
        let plain = isRate ? RateText.fractionText(text) : text
        if isRate, RateText.split(text).unit != .fraction {
            guard case .value(let rate) = RateText.value(text) else { return nil }
            self.init(form: form, value: rate.value, text: plain)
            return
        }
        guard JSONNumberSyntax.isNumber(plain) || Wad(decimal: plain) != nil, let value = Double(plain), value.isFinite else { return nil }
        self.init(form: form, value: value, text: plain)
    }

    private init(form: RateForm, value: Double, text: String) {
        self.form = form
        self.value = value
        self.text = text
    }
}

/// `yieldstrip rate` and the batch op `rate`: one implied rate in every form, its time to expiry, its
/// sensitivities, and the contract's exact wad forms.
///
/// Answer fields, in order: `given`, `givenValue`; `expiry`, `expiryISO`, `now`, `nowISO`, `nowSource`
/// (null when the time was given as `secondsToExpiry`); `secondsToExpiry`, `daysToExpiry`,
/// `yearsToExpiry`; `impliedApy`, `lnImpliedRate`, `ptPerAsset`, `ptPriceInAsset`, `ytPriceInAsset`,
/// `ytLeverage` (null at a zero rate), `ptReturnToExpiry`; `yields` (the same rate under each
/// compounding); `modifiedDuration`, `convexity`, `ptPriceChangePerBasisPoint`,
/// `ytPriceChangePerBasisPoint`; `exact` (wei: `lnImpliedRate`, and for it the contract's
/// `ptPerAsset` = `_getExchangeRateFromImpliedRate`, `ptPriceInAsset`, `ytPriceInAsset`; null when
/// the contract's math reverts, e.g. an exponent above 130).
enum RateReport {
    static func build(_ input: RateInput, time: RateTime) throws -> Report {
        let quote = try ImpliedRateQuote(input.form, input.value, time: time)

        var report = Report(title: "Implied rate from \(input.form.rawValue) \(input.text)")
        report.append("given", .string(input.form.rawValue))
        report.append("givenValue", analytic: input.value, label: "given value", display: { _ in input.text })
        report.hiddenInTable.insert("given")
        appendTime(time, to: &report)
        report.appendTimeToExpiry(quote.secondsToExpiry)
        report.appendRateForms(
            impliedApy: quote.impliedApy, lnImpliedRate: quote.lnImpliedRate, ptPerAsset: quote.ptPerAsset,
            ptPriceInAsset: quote.ptPriceInAsset, ytPriceInAsset: quote.ytPriceInAsset, ytLeverage: quote.ytLeverage)
        report.append("ptReturnToExpiry", analytic: quote.ptReturnToExpiry, label: "PT return to expiry") { TableFormat.percent($0) }

        var yields = JSONObject()
        let compoundings: [(String, Compounding, String)] = [
            ("continuous", .continuous, "continuous"), ("annual", .annual, "annual"), ("semiAnnual", .semiAnnual, "semi-annual"),
            ("quarterly", .quarterly, "quarterly"), ("monthly", .monthly, "monthly"), ("daily", .daily, "daily"),
            ("simple", .simple, "simple (money market)")
        ]
        for (key, compounding, label) in compoundings {
            let value = quote.yield(compounding)
            yields.append(key, analytic: value)
            report.labels["yields." + key] = "yield, \(label)"
            report.displays["yields." + key] = TableFormat.percent(value)
        }
        report.append("yields", .object(yields))

        report.append("modifiedDuration", analytic: quote.modifiedDuration, label: "modified duration (years)") { TableFormat.significant($0) }
        report.append("convexity", analytic: quote.convexity, label: "convexity") { TableFormat.significant($0) }
        report.append(
            "ptPriceChangePerBasisPoint", analytic: quote.ptPriceChangePerBasisPoint,
            label: "PT price change per +1 bp APY"
        ) { TableFormat.significant($0, digits: 6) }
        report.append(
            "ytPriceChangePerBasisPoint", analytic: quote.ytPriceChangePerBasisPoint,
            label: "YT price change per +1 bp APY"
        ) { TableFormat.significant($0, digits: 6) }

        let exact = exactForms(input, quote: quote)
        report.append("exact", exact, label: "exact wad forms", display: exact == .null ? "— (the contract's math reverts)" : nil)
        report.labels["exact.lnImpliedRate"] = "exact lnImpliedRate (wad)"
        report.labels["exact.ptPerAsset"] = "exact PT per asset (wad)"
        report.labels["exact.ptPriceInAsset"] = "exact PT price (wad)"
        report.labels["exact.ytPriceInAsset"] = "exact YT price (wad)"
        report.showWeiInUnits(under: "exact")
        return report
    }

    /// `expiry`, `now` and `nowSource`, or nulls when only the seconds were given (hidden in the table).
    private static func appendTime(_ time: RateTime, to report: inout Report) {
        switch time {
        case .untilExpiry(let expiry, let now, let source):
            report.append("expiry", .number(JSONNumber(expiry)), label: "expiry", display: UnixTime.format(expiry))
            report.append("expiryISO", .string(UnixTime.format(expiry)))
            report.append("now", .number(JSONNumber(now)), label: "now", display: "\(UnixTime.format(now)) (\(source.rawValue))")
            report.append("nowISO", .string(UnixTime.format(now)))
            report.append("nowSource", .string(source.rawValue))
            report.hiddenInTable.formUnion(["expiryISO", "nowISO", "nowSource"])
        case .seconds:
            for key in ["expiry", "expiryISO", "now", "nowISO", "nowSource"] {
                report.append(key, .null)
                report.hiddenInTable.insert(key)
            }
        }
    }

    /// The ln rate as a wad (exactly as written for `lnRate` with at most 18 decimals, else the wei
    /// nearest the `Double`), and the contract's exchange rate and prices for it; null on a revert.
    private static func exactForms(_ input: RateInput, quote: ImpliedRateQuote) -> JSONValue {
        let exactText = input.form == .lnRate ? Wad(decimal: input.text) : nil
        guard let lnRate = exactText ?? Wad(rounding: quote.lnImpliedRate),
            let ptPerAsset = try? ImpliedRateMath.exchangeRate(fromLnImpliedRate: lnRate, secondsToExpiry: quote.secondsToExpiry),
            let ptPrice = try? ImpliedRateMath.ptPriceInAsset(fromExchangeRate: ptPerAsset),
            let ytPrice = try? ImpliedRateMath.ytPriceInAsset(fromExchangeRate: ptPerAsset)
        else { return .null }
        return .object([
            "lnImpliedRate": .wei(lnRate.raw), "ptPerAsset": .wei(ptPerAsset.raw),
            "ptPriceInAsset": .wei(ptPrice.raw), "ytPriceInAsset": .wei(ytPrice.raw)
        ])
    }
}
