/// An error that YieldStrip reports to a user, a script or a batch line.
///
/// Every failure the library can raise conforms: the contract reverts it reproduces (``PendleError``,
/// whose ``errorName`` is the contract's own revert name), and its own input and domain checks (rate,
/// time, schedule, swap and request errors, each with stable names of YieldStrip's). The CLI prints ``message`` to stderr; `batch` answers
/// `{"error": errorName, "errorArgs": errorArgs, "message": message}`.
public protocol DomainError: Error, CustomStringConvertible, Sendable {
    /// A stable machine name: the contract's revert name where one exists (`MarketProportionTooHigh`,
    /// `Panic(0x11)`, `Invalid exponent`), otherwise a stable name of YieldStrip's (`BadRequest`, `Overflow`).
    var errorName: String { get }
    /// The error's arguments in declaration order, as decimal strings (wei for exact values).
    var errorArgs: [String] { get }
    /// One sentence that says what went wrong and what to change.
    var message: String { get }
}

extension DomainError {
    public var errorArgs: [String] { [] }
    public var description: String { message }
}
