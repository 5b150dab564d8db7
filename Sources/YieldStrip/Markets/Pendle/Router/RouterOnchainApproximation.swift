/// Pendle's current on-chain approximation, reproduced to count its curve evaluations beside
/// ``RouterApproximation`` (`MarketApproxLibV2`) and YieldStrip's optimal search on the same inputs.
///
/// The router's `…Onchain` swaps (no off-chain guess) start from a spot estimate — the PT (or YT) the SY
/// would buy at the market's implied rate, `MarketApproxEstimateLib.estimateAmount` — and search a range
/// of ±5 % around it (`GUESS_RANGE_TWEAK`), clamped to hard bounds, with `ApproxStateLib`'s three stages:
/// `INITIAL` evaluates the estimate; `RANGE_SEARCHING` tries the range's end on the side the answer lies
/// and, while the answer lies beyond it, extends the range by its distance from the estimate (reverting
/// with `Slippage: search range overflow` / `underflow` at a hard bound); `RESULT_FINDING` bisects
/// (`(lo + hi) / 2`). It accepts the first guess whose cost is within `eps = 5e13` (0.005 %) below the
/// budget, after at most 30 iterations (`Slippage: APPROX_EXHAUSTED`). Its answer is therefore up to
/// 0.005 % short of the optimum; where the market's own limit binds (the budget buys more than the hard
/// bound allows) it does not answer at all.
///
/// Source: pendle-finance/pendle-core-v2-public (e8c2cca4) `contracts/router/math/MarketApproxLibOnchain.sol`
/// (`approxSwapExactSyForPtOnchain`, `approxSwapExactSyForYtOnchain`, `calcMaxPtOut`, `calcSoftMaxPtIn`),
/// `contracts/router/math/ApproxStateLib.sol` (`initNoOffChain`, `transitionUp`, `transitionDown`,
/// `moveGuessToMiddle`; `DEFAULT_MAX_ITERATION = 30`, `DEFAULT_EPS = 5e13`),
/// `contracts/router/math/MarketApproxEstimateLib.sol` (`estimateAmount`), `PMath.sol` (`tweakUp`,
/// `tweakDown`, `clamp`, `addWithUpperBound`, `subWithLowerBound`, `isASmallerApproxB`).
public enum RouterOnchainApproximation {
    /// A run: the router's answer, or the revert that ends it (the contract's reason string, or the name
    /// of the math revert), and the `calcTrade` evaluations made either way.
    public struct Run: Sendable, Hashable {
        public var answer: RouterApproximation.Answer?
        public var failure: String?
        public var evaluations: Int
    }

    /// `ApproxState`: the stage, the guess, the adjustable range and the hard bounds.
    struct State {
        enum Stage { case initial, rangeSearching, resultFinding }
        var stage = Stage.initial
        var startingGuess: UInt256
        var guess: UInt256
        var range: (lo: UInt256, hi: UInt256)
        var hardBounds: (lo: UInt256, hi: UInt256)
        static let maxIteration = 30
        static let eps = UInt256(50_000_000_000_000)
        static let rangeTweak = UInt256(50_000_000_000_000_000)

        /// `initNoOffChain`.
        init(estimation: UInt256, hardBounds: (lo: UInt256, hi: UInt256)) throws {
            if hardBounds.lo > hardBounds.hi { throw Revert("Panic(0x01)") }
            let start = min(max(estimation, hardBounds.lo), hardBounds.hi)
            startingGuess = start
            guess = start
            range = (
                max(try PMath.mulDown(start, try PMath.sub(PMath.one, Self.rangeTweak)), hardBounds.lo),
                min(try PMath.mulDown(start, try PMath.add(PMath.one, Self.rangeTweak)), hardBounds.hi)
            )
            self.hardBounds = hardBounds
        }

        /// `transitionDown`: the answer lies below the guess.
        mutating func down(excludingGuess: Bool) throws {
            range.hi = excludingGuess ? try PMath.sub(guess, .one) : guess
            switch stage {
            case .initial:
                stage = .rangeSearching
                guess = range.lo
            case .rangeSearching:
                if guess == hardBounds.lo { throw Revert("Slippage: search range underflow") }
                if guess != range.lo {
                    stage = .resultFinding
                    try middle()
                    return
                }
                let distance = try PMath.sub(startingGuess, range.lo)
                range.lo = distance > range.lo ? hardBounds.lo : max(range.lo &- distance, hardBounds.lo)
                guess = range.lo
            case .resultFinding:
                try middle()
            }
        }

        /// `transitionUp`: the answer lies above the guess.
        mutating func up(excludingGuess: Bool) throws {
            range.lo = excludingGuess ? try PMath.add(guess, .one) : guess
            switch stage {
            case .initial:
                stage = .rangeSearching
                guess = range.hi
            case .rangeSearching:
                if guess == hardBounds.hi { throw Revert("Slippage: search range overflow") }
                if guess != range.hi {
                    stage = .resultFinding
                    try middle()
                    return
                }
                let distance = try PMath.sub(range.hi, startingGuess)
                range.hi = (try? PMath.add(range.hi, distance)).map { min($0, hardBounds.hi) } ?? hardBounds.hi
                guess = range.hi
            case .resultFinding:
                try middle()
            }
        }

        /// `moveGuessToMiddle`.
        mutating func middle() throws {
            if range.lo > range.hi { throw Revert("Slippage: guessMin > guessMax") }
            guess = try PMath.add(range.lo, range.hi) >> 1
        }
    }

    /// A `require` or `revert` of the router's.
    struct Revert: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// `estimateAmount(…, SY, PT or YT)`: the SY's asset at the spot PT or YT price.
    static func estimate(_ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: UInt256, blockTime: Int64, yt: Bool) throws -> UInt256 {
        let t = try PendleMarketMath.timeToExpiry(expiry: market.expiry, blockTime: blockTime)
        let assetToPtRate = try PMath.toUint(PendleMarketMath.getExchangeRateFromImpliedRate(market.lastLnImpliedRate, timeToExpiry: t).raw)
        let ptToAssetRate = try PMath.divDown(PMath.one, assetToPtRate)
        let asset = try SYUtils.syToAsset(pyIndex.raw.bits, exactSyIn)
        return try PMath.divDown(asset, yt ? try PMath.sub(PMath.one, ptToAssetRate) : ptToAssetRate)
    }

    /// `approxSwapExactSyForPtOnchain`: hard bounds `[0, calcMaxPtOut]` (99.9 % of the PT the pool gives
    /// before the post-fee rate reaches 1); the PT out and its fee, or the revert.
    public static func swapExactSyForPt(_ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64) -> Run {
        var evaluations = 0
        do {
            let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
            let budget = try PMath.toUint(exactSyIn.raw)
            let estimated = try estimate(market, pyIndex: pyIndex, exactSyIn: budget, blockTime: blockTime, yt: false)
            var state = try State(
                estimation: estimated,
                hardBounds: (.zero, try RouterApproximation.calcMaxPtOut(comp, totalPt: market.totalPt)))
            return try search(&state, budget: budget, evaluations: &evaluations) { guess in
                let (amounts, _) = try PendleMarketMath.calcTrade(market, comp, pyIndex: pyIndex, netPtToAccount: Wad(raw: try PMath.toInt(guess)))
                return (try PMath.toUint(try PMath.neg(amounts.netSyToAccount.raw)), amounts.netSyFee)
            }
        } catch {
            return Run(answer: nil, failure: reason(error), evaluations: evaluations)
        }
    }

    /// `approxSwapExactSyForYtOnchain`: the PT to flash-sell (= YT out), hard bounds
    /// `[syToAsset(exactSyIn), calcSoftMaxPtIn]` (the PT that takes the pool to the 96 % proportion); the
    /// amount and its fee, or the revert.
    public static func swapExactSyForYt(_ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64) -> Run {
        var evaluations = 0
        do {
            let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
            let budget = try PMath.toUint(exactSyIn.raw)
            let index = pyIndex.raw.bits
            let estimated = try estimate(market, pyIndex: pyIndex, exactSyIn: budget, blockTime: blockTime, yt: true)
            let softMax = try Wad(wei: PendleMarketMath.maxMarketProportionWei).mulDown(market.totalPt + comp.totalAsset) - market.totalPt
            var state = try State(estimation: estimated, hardBounds: (try SYUtils.syToAsset(index, budget), try PMath.toUint(softMax.raw)))
            return try search(&state, budget: budget, evaluations: &evaluations) { guess in
                let (amounts, _) = try PendleMarketMath.calcTrade(
                    market, comp, pyIndex: pyIndex,
                    netPtToAccount: Wad(raw: try PMath.neg(try PMath.toInt(guess))))
                let netSyOut = try PMath.toUint(amounts.netSyToAccount.raw)
                return (try PMath.sub(try SYUtils.assetToSyUp(index, guess), netSyOut), amounts.netSyFee)
            }
        } catch {
            return Run(answer: nil, failure: reason(error), evaluations: evaluations)
        }
    }

    /// The on-chain search (`ApproxStateLib`), shared by both swaps: at most `maxIteration` guesses; a guess
    /// whose SY spend fits the budget within `eps` is the answer, one that fits moves the range up, one that
    /// does not moves it down; `spend` gives a guess's SY spent and its fee.
    static func search(
        _ state: inout State, budget: UInt256, evaluations: inout Int,
        spend: (UInt256) throws -> (spent: UInt256, fee: Wad)
    ) throws -> Run {
        for _ in 0..<State.maxIteration {
            evaluations += 1
            let guess = state.guess
            let (spent, fee) = try spend(guess)
            if spent <= budget {
                if try RouterApproximation.isASmallerApproxB(spent, budget, State.eps) {
                    return Run(
                        answer: RouterApproximation.Answer(amountOut: Wad(raw: try PMath.toInt(guess)), netSyFee: fee, evaluations: evaluations),
                        failure: nil, evaluations: evaluations)
                }
                try state.up(excludingGuess: false)
            } else {
                try state.down(excludingGuess: true)
            }
        }
        return Run(answer: nil, failure: "Slippage: APPROX_EXHAUSTED", evaluations: evaluations)
    }

    static func reason(_ error: any Error) -> String {
        if let revert = error as? Revert { return revert.reason }
        if let domain = error as? any DomainError { return domain.errorName }
        return String(describing: error)
    }
}
