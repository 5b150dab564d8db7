/// A strategy's inputs that cannot give a meaningful answer. Each message says what to change.
///
/// | ``errorName`` | case |
/// | --- | --- |
/// | `NonPositiveSize` | ``nonPositiveSize(unit:value:)`` |
/// | `SizeRoundsToZero` | ``sizeRoundsToZero(unit:value:)`` |
/// | `MissingStockPrice` | ``missingStockPrice(purpose:)`` |
/// | `InvalidInput` | ``invalidInput(field:value:reason:)`` |
/// | `NoYieldToken` | ``noYieldToken(curve:)`` |
/// | `NotFinite` | ``notFinite(quantity:)`` |
public enum StrategyError: DomainError, Hashable {
    /// A size that is zero or negative.
    case nonPositiveSize(unit: String, value: String)
    /// A size so small that it converts to 0 wei of the token traded.
    case sizeRoundsToZero(unit: String, value: String)
    /// A value in USD was asked for (a USD size, a USD result) without a stock price.
    case missingStockPrice(purpose: String)
    /// An input outside its domain: the field, its value, and the range it must lie in.
    case invalidInput(field: String, value: String, reason: String)
    /// A yield-token job on a venue without a yield token.
    case noYieldToken(curve: String)
    /// A result that is not a finite number (inputs far outside any market's).
    case notFinite(quantity: String)

    public var errorName: String {
        switch self {
        case .nonPositiveSize: return "NonPositiveSize"
        case .sizeRoundsToZero: return "SizeRoundsToZero"
        case .missingStockPrice: return "MissingStockPrice"
        case .invalidInput: return "InvalidInput"
        case .noYieldToken: return "NoYieldToken"
        case .notFinite: return "NotFinite"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .nonPositiveSize(let unit, let value), .sizeRoundsToZero(let unit, let value): return [unit, value]
        case .missingStockPrice(let purpose): return [purpose]
        case .invalidInput(let field, let value, _): return [field, value]
        case .noYieldToken(let curve): return [curve]
        case .notFinite(let quantity): return [quantity]
        }
    }

    public var message: String {
        switch self {
        case .nonPositiveSize(let unit, let value):
            return "NonPositiveSize: the size is \(value) \(unit); give a positive amount"
        case .sizeRoundsToZero(let unit, let value):
            return "SizeRoundsToZero: \(value) \(unit) is less than 1 wei of the token traded; give a larger size"
        case .missingStockPrice(let purpose):
            return
                "MissingStockPrice: \(purpose) needs the stock price (USD per share): give --stock-price, or stockPrice in the market file or the request"
        case .invalidInput(let field, let value, let reason):
            return "InvalidInput: \(field) is \(value); \(reason)"
        case .noYieldToken(let curve):
            return
                "NoYieldToken: a \(curve) pool trades no yield token (YT), so it cannot sell or buy YT; run this on a Pendle V2 market file (\"curve\": \"pendle-v2\"), which trades YT"
        case .notFinite(let quantity):
            return "NotFinite: \(quantity) is not a finite number; the inputs are far outside any market's"
        }
    }
}
