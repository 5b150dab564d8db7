import YieldStrip
import YieldStripJSON

/// `yieldstrip split` and the batch op `split`: one answer from `SplitReport.compute`.
///
/// Fields, in order (wei strings for exact values, numbers for real ones, `null` where an input is
/// missing): `amountSy`, `syExchangeRate`, `pyIndexStored`, `pyIndex`, `negativeYield`, `amountPt`,
/// `amountYt`, `syValueInShares`, `pairRedeemsForSy`, `pairRoundingLossSy`,
/// `ptRedeemsAtMaturityForShares`, `ytInterestSyPerOnePercentIndexRise`; `expiry`, `expiryISO`,
/// `valuationTime`, `valuationTimeISO`, `valuationTimeSource`, `yearsToExpiry`; `ptImpliedApy`,
/// `ptImpliedApySource` (`given` or `market`), `ptPriceInAsset`, `ytPriceInAsset`, `ptValueInShares`, `ytValueInShares`; `stockPrice`,
/// `syValueUsd`, `ptRedeemsAtMaturityForUsd` (at today's stock price), `ptValueUsd`, `ytValueUsd`.
enum SplitAnswer {
    static func build(_ inputs: SplitInputs) throws -> Report {
        let split = try SplitReport.compute(inputs)
        let shares = { (value: Double) in TableFormat.significant(value) }
        let usd = { (value: Double) in TableFormat.fixed(value, digits: 2) }

        var answer = AnswerBuilder(title: "Split \(inputs.tokens) stock tokens into PT and YT")
        answer.wad("amountSy", split.amountSy, label: "SY tokenized (1 per token)")
        answer.wad("syExchangeRate", split.syExchangeRate, label: "SY exchange rate (shares per SY)")
        answer.wad("pyIndexStored", split.pyIndexStored, label: "PY index stored")
        answer.wad("pyIndex", split.pyIndex, label: "PY index used")
        answer.flag(
            "negativeYield", split.negativeYield, label: "negative yield",
            display: split.negativeYield ? "yes" : "no")
        answer.wad("amountPt", split.amountPt, label: "PT minted")
        answer.wad("amountYt", split.amountYt, label: "YT minted")
        answer.wad("syValueInShares", split.syValueInShares, label: "SY value (shares)")
        answer.wad("pairRedeemsForSy", split.pairRedeemsForSy, label: "PT + YT redeem now for (SY)")
        answer.wad("pairRoundingLossSy", split.pairRoundingLossSy, label: "lost to rounding (SY)")
        answer.wad("ptRedeemsAtMaturityForShares", split.ptRedeemsAtMaturityForShares, label: "PT redeems at maturity for (shares)")
        answer.wad(
            "ytInterestSyPerOnePercentIndexRise", split.ytInterestSyPerOnePercentIndexRise,
            label: "YT interest if the index rises 1% (SY)")

        answer.time("expiry", split.expiry, label: "expiry")
        answer.time("valuationTime", split.valuationTime, source: inputs.valuationTimeSource, label: "valuation time")
        try answer.number("yearsToExpiry", split.yearsToExpiry, label: "years to expiry") { TableFormat.fixed($0, digits: 6) }

        try answer.number("ptImpliedApy", split.ptImpliedApy, label: "PT implied APY") {
            TableFormat.percent($0) + (split.ptImpliedApySource == .market ? " (market)" : "")
        }
        answer.text("ptImpliedApySource", split.ptImpliedApySource?.rawValue, label: "PT implied APY source")
        answer.hideInTable("ptImpliedApySource")
        try answer.number("ptPriceInAsset", split.ptPriceInAsset, label: "PT price (shares per PT)", display: shares)
        try answer.number("ytPriceInAsset", split.ytPriceInAsset, label: "YT price (shares per YT)", display: shares)
        try answer.number("ptValueInShares", split.ptValueInShares, label: "PT value (shares)", display: shares)
        try answer.number("ytValueInShares", split.ytValueInShares, label: "YT value (shares)", display: shares)

        try answer.number("stockPrice", split.stockPriceUsd, label: "stock price (USD per share)", display: usd)
        try answer.number("syValueUsd", split.syValueUsd, label: "SY value (USD)", display: usd)
        try answer.number(
            "ptRedeemsAtMaturityForUsd", split.ptRedeemsAtMaturityForUsdAtTodaysPrice,
            label: "PT at maturity (USD at today's price)", display: usd)
        try answer.number("ptValueUsd", split.ptValueUsd, label: "PT value (USD)", display: usd)
        try answer.number("ytValueUsd", split.ytValueUsd, label: "YT value (USD)", display: usd)
        return answer.report
    }
}
