/// The trades a user asks for, as Pendle's router executes them, in both scalars.
///
/// Exact-output trades and the exact-input trades whose input is the market's own PT leg are one
/// `executeTradeCore`. The others need a search over the PT leg, which YieldStrip solves to the wei: the
/// leg the reference integer bisection defines, whose cost fits the input while one more wei does not
/// (``BoundarySearch``; rounding makes feasibility non-monotone at the wei level, so a larger leg further out
/// may fit too), not the router's approximate bisection (``RouterApproximation`` reproduces that for comparison). YT trades go through PT as the
/// router does: buying YT mints PT + YT and flash-sells the PT; selling YT buys the PT back and redeems
/// the pair.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/router/ActionSwapPTV3.sol`,
/// `ActionSwapYTV3.sol`, `ActionCallbackV3.sol`, `base/ActionBase.sol`, `math/MarketApproxLibV2.sol`.
public enum SwapKind: String, CaseIterable, Sendable {
    case swapExactSyForPt, swapExactPtForSy, swapSyForExactPt, swapPtForExactSy
    case swapExactSyForYt, swapExactYtForSy, swapExactPtForYt, swapExactYtForPt

    /// The token the account gives and the one it receives.
    public var tokens: (input: Token, output: Token) {
        switch self {
        case .swapExactSyForPt, .swapSyForExactPt: return (.sy, .pt)
        case .swapExactPtForSy, .swapPtForExactSy: return (.pt, .sy)
        case .swapExactSyForYt: return (.sy, .yt)
        case .swapExactYtForSy: return (.yt, .sy)
        case .swapExactPtForYt: return (.pt, .yt)
        case .swapExactYtForPt: return (.yt, .pt)
        }
    }

    /// True for the exact-input swaps whose PT leg is searched (the budget buys a leg of unknown size).
    public var isSearchedExactInput: Bool {
        self == .swapExactSyForPt || self == .swapExactSyForYt || self == .swapExactPtForYt || self == .swapExactYtForPt
    }

    /// True when the given amount is the input (exact in); false when it is the output (exact out).
    public var isExactInput: Bool { self != .swapSyForExactPt && self != .swapPtForExactSy }

    /// The request field holding the given amount (`exactSyIn`, `exactPtOut`, …).
    public var amountField: String {
        switch self {
        case .swapExactSyForPt, .swapExactSyForYt: return "exactSyIn"
        case .swapExactPtForSy, .swapExactPtForYt: return "exactPtIn"
        case .swapExactYtForSy, .swapExactYtForPt: return "exactYtIn"
        case .swapSyForExactPt: return "exactPtOut"
        case .swapPtForExactSy: return "exactSyOut"
        }
    }

    /// The names of the amounts a swap of this kind reports (``SwapResult/fields``), in answer order.
    public var fieldNames: [String] {
        switch self {
        case .swapExactSyForPt: return ["netPtOut", "netSyIn", "netSyFee", "netSyToReserve"]
        case .swapExactPtForSy: return ["netSyOut", "netSyFee", "netSyToReserve"]
        case .swapSyForExactPt: return ["netSyIn", "netSyFee", "netSyToReserve"]
        case .swapPtForExactSy: return ["netPtIn", "netSyOut", "netSyFee", "netSyToReserve"]
        case .swapExactSyForYt: return ["netYtOut", "netSyFromPtSale", "syPulled", "netSyFee", "netSyToReserve", "ytMinted"]
        case .swapExactYtForSy: return ["netSyOut", "netSyFee", "netSyToReserve", "syOwedToMarket", "pyRedeemedForMarket"]
        case .swapExactPtForYt: return ["netYtOut", "totalPtSwapped", "netSyFromPtSale", "ptPulled", "netSyFee", "netSyToReserve"]
        case .swapExactYtForPt: return ["netPtOut", "totalPtSwapped", "netSyOwed", "ytPulled", "netSyFee", "netSyToReserve"]
        }
    }

    /// The direction of the market's PT leg: +1 when the account takes PT from the pool.
    public var ptLegSign: Int {
        switch self {
        case .swapExactSyForPt, .swapSyForExactPt, .swapExactYtForSy, .swapExactYtForPt: return 1
        case .swapExactPtForSy, .swapPtForExactSy, .swapExactSyForYt, .swapExactPtForYt: return -1
        }
    }
}

/// The three tokens of a Pendle market.
public enum Token: String, Sendable {
    case sy = "SY"
    case pt = "PT"
    case yt = "YT"
}

/// A swap's outcome: what the account gives and gets, the market leg, and the named amounts in the
/// contracts' vocabulary (the fields of the `batch` answer, in order).
public struct SwapResult<S: PendleScalar>: Sendable {
    public var kind: SwapKind
    /// What the account gives up (in ``SwapKind/tokens``'s input token): for an exact input the part
    /// the trade uses (`netSyIn`, `ptPulled`, `ytPulled`; all of `exactSyIn` for `swapExactSyForYt`, whose
    /// router mints from all of it), at most the amount given …
    public var amountIn: S
    /// … and what it receives (`ytMinted` for `swapExactSyForYt`).
    public var amountOut: S
    /// The market leg at the answer; nil when nothing trades (an exact-input budget too small for 1 wei).
    public var trade: ExecutedTrade<S>?
    /// The amounts named by ``SwapKind/fieldNames``, in order (unused slots zero): stored inline so that
    /// a result costs no allocation.
    public var values: (S, S, S, S, S, S)
    /// Curve evaluations (`executeTradeCore` calls in the result's scalar) the answer took.
    public var evaluations: Int
    /// Evaluations of the `Double` search that seeded an exact one (0 otherwise).
    public var seedEvaluations: Int

    @inlinable
    public init(
        kind: SwapKind, amountIn: S, amountOut: S, trade: ExecutedTrade<S>?, values: (S, S, S, S, S, S),
        evaluations: Int, seedEvaluations: Int
    ) {
        self.kind = kind
        self.amountIn = amountIn
        self.amountOut = amountOut
        self.trade = trade
        self.values = values
        self.evaluations = evaluations
        self.seedEvaluations = seedEvaluations
    }

    /// The named amounts: `netPtOut`, `netSyIn`, `netSyFee`, … as the op's answer lists them.
    public var fields: NamedAmounts<S> {
        NamedAmounts(names: kind.fieldNames, values: [values.0, values.1, values.2, values.3, values.4, values.5])
    }

    public var netSyFee: S { trade?.netSyFee ?? .zero }
    public var netSyToReserve: S { trade?.netSyToReserve ?? .zero }

    /// ``ExecutedTrade/zeroNetLpFee(pyIndex:)`` of the market leg (false when nothing traded).
    public func zeroNetLpFee(pyIndex: S) -> Bool { trade?.zeroNetLpFee(pyIndex: pyIndex) ?? false }
}

/// Errors of the swap layer that are not contract reverts.
public enum SwapError: DomainError, Hashable {
    /// An exact-output request the market cannot fill at any size.
    case cannotFillExactOutput(requested: RevertValue, maximum: RevertValue)
    /// A negative amount where the contract takes a `uint256`.
    case negativeAmount(field: String)
    /// A zero amount to quote.
    case zeroAmount(field: String)
    /// An exact input the market cannot take whole: the trade would stop at the market's limit.
    case exceedsMarketLimit(given: RevertValue, largest: RevertValue)

    public var errorName: String {
        switch self {
        case .cannotFillExactOutput: return "InsufficientLiquidity"
        case .negativeAmount: return "NegativeAmount"
        case .zeroAmount: return "ZeroAmount"
        case .exceedsMarketLimit: return "ExceedsMarketLimit"
        }
    }

    public var errorArgs: [String] {
        switch self {
        case .cannotFillExactOutput(let requested, let maximum), .exceedsMarketLimit(let requested, let maximum):
            return [requested.description, maximum.description]
        case .negativeAmount, .zeroAmount: return []
        }
    }

    public var message: String {
        switch self {
        case .cannotFillExactOutput(let requested, let maximum):
            return
                "InsufficientLiquidity: the market cannot pay out \(requested.unitsDescription); the most it pays is about \(maximum.unitsDescription); ask for less"
        case .negativeAmount(let field):
            return "NegativeAmount: \(field) is negative; amounts are unsigned, give a value ≥ 0"
        case .zeroAmount(let field):
            return "ZeroAmount: \(field) is zero; give a positive amount"
        case .exceedsMarketLimit(let given, let largest):
            return
                "ExceedsMarketLimit: the market takes at most about \(largest.unitsDescription) in this direction, \(given.unitsDescription) was given; trade less (the router would refuse it)"
        }
    }
}
