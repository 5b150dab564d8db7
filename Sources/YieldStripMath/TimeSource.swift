/// Where a time an answer uses came from: given by the caller, a market file's `blockTime`, or the
/// computer's clock. The library never reads a clock; a caller that chose a time this way says so, and an
/// error about the time names the source beside it.
public enum TimeSource: String, Sendable, CaseIterable {
    /// Given on the command line (`--at`, `--now`) or in the request.
    case given
    /// A market file's `blockTime`.
    case marketFile = "market file"
    /// The computer's clock, read by the caller because no time was given.
    case wallClock = "wall clock"
}

/// An error about a time a caller chose (a block time, a valuation time, now) that is not before an
/// expiry: it carries both times, and says where the time came from when the caller knows
/// (`the block time 2027-03-04T00:00:00Z (wall clock) is not before it`).
public protocol TimedError: DomainError {
    /// ``DomainError/message`` with `source` beside the time; ``DomainError/message`` itself names no source.
    func message(timeSource source: TimeSource) -> String
}

extension TimeSource {
    /// ` (wall clock)`: the source as a message writes it after a time; empty for none.
    package static func suffix(_ source: TimeSource?) -> String { source.map { " (\($0.rawValue))" } ?? "" }
}
