/// A token a position holds on one market.
public enum PositionToken: String, CaseIterable, Sendable {
    /// Principal token: one share at maturity.
    case pt
    /// Yield token: the token's yield to maturity.
    case yt
    /// The market's LP token: a share of the pool's PT and SY.
    case lp
    /// The yield-bearing token itself (a stock token's SY).
    case sy
}

/// One holding: a token and a signed amount in token units (negative: short).
public struct PositionLeg: Hashable, Sendable {
    public var token: PositionToken
    public var amount: Wad

    public init(token: PositionToken, amount: Wad) {
        self.token = token
        self.amount = amount
    }
}

/// What a desk holds on one market: PT, YT, LP and SY, long or short.
///
/// Written `pt:1000,yt:-500,lp:10,sy:250` (token units, exact to 18 decimals; negative = short; spaces
/// allowed around the parts; each token at most once).
public struct Position: Hashable, Sendable, CustomStringConvertible {
    public private(set) var legs: [PositionLeg]

    /// A position of these legs: at least one, each token at most once.
    public init(legs: [PositionLeg]) throws(PositionError) {
        guard !legs.isEmpty else { throw .empty }
        var seen = Set<PositionToken>()
        for leg in legs where !seen.insert(leg.token).inserted { throw .duplicateToken(leg.token.rawValue) }
        self.legs = legs
    }

    /// The position written `pt:1000,yt:-500` (``Position``).
    public init(parsing text: String) throws(PositionError) {
        var legs: [PositionLeg] = []
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.allSatisfy({ $0 == " " }) else { throw .empty }
        for part in parts {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t") }
            guard pieces.count == 2, !pieces[0].isEmpty else { throw .malformed(String(part)) }
            guard let token = PositionToken(rawValue: pieces[0].lowercased()) else { throw .unknownToken(pieces[0]) }
            guard let amount = Wad(decimal: pieces[1]) else { throw .malformedAmount(token: token.rawValue, text: pieces[1]) }
            legs.append(PositionLeg(token: token, amount: amount))
        }
        try self.init(legs: legs)
    }

    /// `pt:1000,yt:-500` with exact amounts.
    public var description: String { legs.map { "\($0.token.rawValue):\($0.amount)" }.joined(separator: ",") }

    /// The amount of `token` held (zero when absent).
    public func amount(of token: PositionToken) -> Wad { legs.first { $0.token == token }?.amount ?? .zero }
}

/// A position that cannot be read; each message says what to write.
public enum PositionError: DomainError, Hashable {
    case empty
    case malformed(String)
    case unknownToken(String)
    case malformedAmount(token: String, text: String)
    case duplicateToken(String)

    public var errorName: String { "InvalidPosition" }

    public var errorArgs: [String] {
        switch self {
        case .empty: return []
        case .malformed(let part), .unknownToken(let part), .duplicateToken(let part): return [part]
        case .malformedAmount(let token, let text): return [token, text]
        }
    }

    public var message: String {
        let form = "write it as TOKEN:AMOUNT,… with tokens pt, yt, lp, sy (e.g. pt:1000,yt:-500)"
        switch self {
        case .empty: return "InvalidPosition: the position is empty; \(form)"
        case .malformed(let part): return "InvalidPosition: '\(part)' is not TOKEN:AMOUNT; \(form)"
        case .unknownToken(let token): return "InvalidPosition: unknown token '\(token)'; \(form)"
        case .malformedAmount(let token, let text):
            return "InvalidPosition: the \(token) amount '\(text)' is not a decimal number with at most 18 decimals (negative for a short)"
        case .duplicateToken(let token): return "InvalidPosition: \(token) is given twice; give each token once"
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = self
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
