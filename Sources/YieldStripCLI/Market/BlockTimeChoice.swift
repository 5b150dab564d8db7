import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a market command picks its block time: `--at TIME` when given, else the market file's
/// `blockTime`, else the wall clock (read here, in the CLI; the library never reads a clock).
enum BlockTimeChoice: Sendable {
    /// `--at`: the time given.
    case given(Int64)
    /// No `--at`: the file's block time, or the clock.
    case fileOrWallClock

    /// The block time and where it came from.
    func resolve(fileBlockTime: Int64?) -> (time: Int64, source: TimeSource) {
        switch self {
        case .given(let time): return (time, .given)
        case .fileOrWallClock:
            if let fileBlockTime { return (fileBlockTime, .marketFile) }
            return (WallClock.now(), .wallClock)
        }
    }
}

/// The computer's clock, in Unix seconds: the default of `--now` and `--at`.
enum WallClock {
    /// Whole seconds of `CLOCK_REALTIME` (not `time(nil)`, which on Linux reads a coarse clock that can lag
    /// the precise one across a second boundary).
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec)
    }
}

/// Options the market commands share, and their parsing.
enum MarketOptions {
    static let market = OptionSpec.value(
        "market", valueName: "file",
        help: "The market file (JSON; - reads standard input): market state, PY index and optional descriptive fields; see examples/markets/.",
        required: true)
    static let at = OptionSpec.value(
        "at", valueName: "time",
        help: "The block time: ISO-8601 (2026-03-05, 2026-03-05T15:00:00Z) or Unix seconds. Default: the file's blockTime, else the wall clock.")

    /// `--at`: a block time ≥ 0, nil when not given; a usage error naming the problem otherwise.
    static func blockTime(_ invocation: Invocation) throws(UsageError) -> Int64? {
        let at = try time(invocation, Self.at.name)
        if let at, at < 0 {
            throw invocation.usageError(
                "The value '\(invocation.option(Self.at.name) ?? "")' is invalid for '\(Self.at.synopsis)': a block time must be ≥ 0 (Unix seconds from 1970)"
            )
        }
        return at
    }

    /// The time option `--name` (ISO-8601 or Unix seconds, in years 0000–9999: ``TimeInput``); a usage
    /// error naming the problem when it is not a time or lies outside that range, nil when absent.
    static func time(_ invocation: Invocation, _ name: String) throws(UsageError) -> Int64? {
        guard let text = invocation.option(name) else { return nil }
        do {
            return try TimeInput.parse(text)
        } catch {
            let synopsis = invocation.command.options.first { $0.name == name }?.synopsis ?? "--\(name)"
            throw invocation.usageError("The value '\(text)' is invalid for '\(synopsis)': \(error.reason)")
        }
    }
}
