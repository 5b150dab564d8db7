/// A bad input to the tokenization model: a schedule or rate file that cannot be read, or a parameter
/// outside its domain.
///
/// ``errorName`` is stable (scripts and `batch` answers match on it); ``errorArgs`` are decimal strings in
/// the order of the case's associated values; ``message`` says what is wrong and what to change, and
/// starts with `line N:` whenever the problem sits on a line of a file.
public enum TokenizationError: DomainError, Hashable {
    // MARK: Files (CSV and JSON schedules and rate series)

    /// `MalformedLine`: a line that cannot be read (wrong number of fields, a date or number that does not
    /// parse, a JSON syntax error, an unknown key). `reason` says which field and why.
    case malformedLine(line: Int, reason: String)
    /// `MalformedHeader`: the CSV header is missing, repeats a column, names an unknown one or lacks a
    /// required one.
    case malformedHeader(line: Int, reason: String)
    /// `UnsortedSchedule`: a date earlier than the one on the line before it.
    case unsortedSchedule(line: Int, date: String, previousDate: String)
    /// `DuplicateDate`: a date equal to the one on the line before it.
    case duplicateDate(line: Int, date: String)
    /// `NegativeAmount`: a negative dividend (file) or a negative token / SY / PY amount (parameter).
    /// `line` is 0 for a parameter.
    case negativeAmount(line: Int, field: String, value: String)
    /// `NonPositivePrice`: a reinvestment or stock price that is zero or negative (`line` 0 for a parameter).
    case nonPositivePrice(line: Int, field: String, value: String)
    /// `NonPositiveSplitRatio`: a split ratio that is zero or negative.
    case nonPositiveSplitRatio(line: Int, value: String)
    /// `NonPositiveExchangeRate`: an exchange rate, multiplier or index that is zero or negative
    /// (`line` 0 for a parameter).
    case nonPositiveExchangeRate(line: Int, field: String, value: String)
    /// `DateAfterMaturity`: an event dated after the maturity the schedule is read for.
    case dateAfterMaturity(line: Int, date: String, maturity: String)
    /// `EmptySchedule`: a file with a header (or an empty event list) and no event.
    case emptySchedule
    /// `MissingReinvestPrice`: a dividend with no reinvestment price, and no price assumption to supply one.
    case missingReinvestPrice(line: Int, date: String)
    /// `UnreadableFile`: a schedule file that cannot be opened or is not UTF-8.
    case unreadableFile(path: String, reason: String)

    // MARK: Parameters

    /// `InvalidWithholding`: a withholding rate outside [0, 1].
    case invalidWithholding(value: String)
    /// `InvalidFeeRate`: an interest fee rate outside [0, 1].
    case invalidFeeRate(value: String)
    /// `InvalidDateRange`: a window whose start is not before its end (`what` names the window).
    case invalidDateRange(what: String, start: String, end: String)
    /// `FirstPYIndexBeforeExpiry`: a post-expiry index given for a redemption before expiry.
    case firstPYIndexBeforeExpiry
    /// `YCNoFloatingSy`: `mintPY` with no SY to tokenize (Pendle's own revert name).
    case noFloatingSy
    /// `InsufficientBalance`: redeeming more PT or YT than the holder has.
    case insufficientBalance(token: String, balance: String, requested: String)
    /// `NonFiniteValue`: a `Double` input that is NaN or infinite, or a result that overflowed `Double`.
    case nonFiniteValue(field: String)
    /// `RateOutOfRange`: a finite rate outside its domain (a negative PT implied APY, a discount rate
    /// at or below −100 %).
    case rateOutOfRange(field: String, value: Double, reason: String)
    /// `MissingInput`: an input needed by another one is absent (`needs` says which).
    case missingInput(field: String, needs: String)
    /// `MaturityNotMarketExpiry`: a projection compared with a market must end at the market's expiry
    /// (times as ISO-8601 text).
    case maturityNotMarketExpiry(maturity: String, expiry: String)

    public var errorName: String {
        switch self {
        case .malformedLine: return "MalformedLine"
        case .malformedHeader: return "MalformedHeader"
        case .unsortedSchedule: return "UnsortedSchedule"
        case .duplicateDate: return "DuplicateDate"
        case .negativeAmount: return "NegativeAmount"
        case .nonPositivePrice: return "NonPositivePrice"
        case .nonPositiveSplitRatio: return "NonPositiveSplitRatio"
        case .nonPositiveExchangeRate: return "NonPositiveExchangeRate"
        case .dateAfterMaturity: return "DateAfterMaturity"
        case .emptySchedule: return "EmptySchedule"
        case .missingReinvestPrice: return "MissingReinvestPrice"
        case .unreadableFile: return "UnreadableFile"
        case .invalidWithholding: return "InvalidWithholding"
        case .invalidFeeRate: return "InvalidFeeRate"
        case .invalidDateRange: return "InvalidDateRange"
        case .firstPYIndexBeforeExpiry: return "FirstPYIndexBeforeExpiry"
        case .noFloatingSy: return "YCNoFloatingSy"
        case .insufficientBalance: return "InsufficientBalance"
        case .nonFiniteValue: return "NonFiniteValue"
        case .rateOutOfRange: return "RateOutOfRange"
        case .missingInput: return "MissingInput"
        case .maturityNotMarketExpiry: return "MaturityNotMarketExpiry"
        }
    }

    /// The file line the error points at, or nil for a parameter error.
    public var line: Int? {
        switch self {
        case .malformedLine(let line, _), .malformedHeader(let line, _), .unsortedSchedule(let line, _, _),
            .duplicateDate(let line, _), .nonPositiveSplitRatio(let line, _), .dateAfterMaturity(let line, _, _),
            .missingReinvestPrice(let line, _):
            return line
        case .negativeAmount(let line, _, _), .nonPositivePrice(let line, _, _), .nonPositiveExchangeRate(let line, _, _):
            return line > 0 ? line : nil
        default:
            return nil
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .malformedLine(let line, let reason), .malformedHeader(let line, let reason): return [String(line), reason]
        case .unsortedSchedule(let line, let date, let previous): return [String(line), date, previous]
        case .duplicateDate(let line, let date): return [String(line), date]
        case .negativeAmount(let line, let field, let value), .nonPositivePrice(let line, let field, let value),
            .nonPositiveExchangeRate(let line, let field, let value):
            return [String(line), field, value]
        case .nonPositiveSplitRatio(let line, let value): return [String(line), value]
        case .dateAfterMaturity(let line, let date, let maturity): return [String(line), date, maturity]
        case .emptySchedule, .firstPYIndexBeforeExpiry, .noFloatingSy: return []
        case .missingReinvestPrice(let line, let date): return [String(line), date]
        case .unreadableFile(let path, let reason): return [path, reason]
        case .invalidWithholding(let value), .invalidFeeRate(let value): return [value]
        case .invalidDateRange(let what, let start, let end): return [what, start, end]
        case .insufficientBalance(let token, let balance, let requested): return [token, balance, requested]
        case .nonFiniteValue(let field): return [field]
        case .rateOutOfRange(let field, let value, _): return [field, value.description]
        case .missingInput(let field, let needs): return [field, needs]
        case .maturityNotMarketExpiry(let maturity, let expiry): return [maturity, expiry]
        }
    }

    public var message: String {
        let at = line.map { "line \($0): " } ?? ""
        switch self {
        case .malformedLine(_, let reason):
            return "\(at)\(reason)"
        case .malformedHeader(_, let reason):
            return "\(at)\(reason)"
        case .unsortedSchedule(_, let date, let previous):
            return "\(at)date \(date) comes before \(previous) on the line above; sort the rows by date, oldest first"
        case .duplicateDate(_, let date):
            return "\(at)date \(date) appears twice; keep one row per date (merge the amounts or drop the copy)"
        case .negativeAmount(_, let field, let value):
            return "\(at)\(field) \(value) is negative; amounts must be zero or positive"
        case .nonPositivePrice(_, let field, let value):
            return "\(at)\(field) \(value) must be positive; give the stock's price in USD per share"
        case .nonPositiveSplitRatio(_, let value):
            return "\(at)split ratio \(value) must be positive (4 for a 4-for-1 split, 0.1 for a 1-for-10 reverse split)"
        case .nonPositiveExchangeRate(_, let field, let value):
            return "\(at)\(field) \(value) must be positive (shares of the stock per token, 1.0 at launch)"
        case .dateAfterMaturity(_, let date, let maturity):
            return "\(at)date \(date) is after the maturity \(maturity); remove the row or use a later maturity"
        case .emptySchedule:
            return "the schedule has no events; add at least one row after the header"
        case .missingReinvestPrice(_, let date):
            return "\(at)the dividend of \(date) has no reinvest price; fill the reinvest_price column or give a price assumption"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason); check the path and that the file is UTF-8 text"
        case .invalidWithholding(let value):
            return "withholding \(value) is outside [0, 1]; use 0.30 (default), 0.15 (treaty) or 0 (exempt)"
        case .invalidFeeRate(let value):
            return "interest fee rate \(value) is outside [0, 1]; Pendle's is 0.03 to 0.05"
        case .invalidDateRange(let what, let start, let end):
            return "\(what): start \(start) is not before end \(end); give a start earlier than the end"
        case .firstPYIndexBeforeExpiry:
            return "a first post-expiry PY index was given for a redemption before expiry; drop it or mark the contract expired"
        case .noFloatingSy:
            return "YCNoFloatingSy: the SY amount to tokenize is zero; give a positive amount"
        case .insufficientBalance(let token, let balance, let requested):
            return "redeeming \(requested) \(token) but the holder has \(balance); redeem at most the balance"
        case .nonFiniteValue(let field):
            return "\(field) is not a finite number; give a finite value"
        case .rateOutOfRange(let field, let value, let reason):
            return "\(field) \(value) is out of range: \(reason)"
        case .missingInput(let field, let needs):
            return "\(field) needs \(needs); give it too, or drop \(field)"
        case .maturityNotMarketExpiry(let maturity, let expiry):
            return "the maturity \(maturity) is not the market's expiry \(expiry): the market's PT and YT pay at its expiry, "
                + "so the fair prices compared with them must be projected to it; leave the maturity out (it defaults to the "
                + "market's expiry) or give \(expiry)"
        }
    }
}
