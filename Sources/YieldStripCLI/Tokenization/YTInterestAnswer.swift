import YieldStrip
import YieldStripJSON

/// `yieldstrip yt-interest` and the batch op `ytInterestReport`: one answer from
/// `YTInterestReport.compute`.
///
/// Fields, in order: `balance`, `indexFrom`, `indexTo`, `feeRate`, `effectiveIndexTo`, `negativeYield`,
/// `interestSy`, `feeSy`, `paidSy` (exact, wei, the contract's rounding), `interestSyDouble`,
/// `feeSyDouble`, `paidSyDouble` (real arithmetic, `to − from` formed exactly), `paidInAsset` (shares at
/// `effectiveIndexTo`).
enum YTInterestAnswer {
    static func build(_ inputs: YTInterestInputs) throws -> Report {
        let interest = try YTInterestReport.compute(inputs)
        let real = { (value: Double) in value.description }
        var answer = AnswerBuilder(title: "YT interest on \(inputs.balance) YT, index \(inputs.indexFrom) → \(inputs.indexTo)")
        answer.wad("balance", interest.balance, label: "YT balance")
        answer.wad("indexFrom", interest.indexFrom, label: "PY index from")
        answer.wad("indexTo", interest.indexTo, label: "PY index to")
        answer.wad("feeRate", interest.feeRate, label: "interest fee rate", display: TableFormat.percent(interest.feeRate))
        answer.wad("effectiveIndexTo", interest.effectiveIndexTo, label: "PY index used (never falls)")
        answer.flag(
            "negativeYield", interest.negativeYield, label: "negative yield",
            display: interest.negativeYield ? "yes" : "no")
        answer.wad("interestSy", interest.interestSy, label: "interest accrued (SY)")
        answer.wad("feeSy", interest.feeSy, label: "fee to the treasury (SY)")
        answer.wad("paidSy", interest.paidSy, label: "paid to the holder (SY)")
        try answer.number("interestSyDouble", interest.interestSyDouble, label: "interest accrued (SY, real)", display: real)
        try answer.number("feeSyDouble", interest.feeSyDouble, label: "fee (SY, real)", display: real)
        try answer.number("paidSyDouble", interest.paidSyDouble, label: "paid (SY, real)", display: real)
        try answer.number("paidInAsset", interest.paidInAsset, label: "paid (shares at the index used)") {
            TableFormat.significant($0)
        }
        return answer.report
    }
}
