/// Pendle's router approximation (`MarketApproxLibV2`), reproduced to compare against YieldStrip's optimal
/// search: what the router would pick on chain, and how many curve evaluations it spends.
///
/// The router bisects on `calcTrade` between `guessMin` and `guessMax`, scaling the guess by
/// `target / current` for its first three iterations (`scaleClamp`) and taking midpoints
/// `(guessMin + guessMax + 1) / 2` after, and accepts the first guess whose cost is within `eps`
/// (relative) below the budget. Its answer is therefore up to `eps` short of the optimum.
///
/// Source: pendle-finance/pendle-core-v2-public `contracts/router/math/MarketApproxLibV2.sol`
/// (`approxSwapExactSyForPtV2`, `approxSwapExactSyForYtV2`, `calcMaxPtOut`, `calcMaxPtIn`, `calcSlope`),
/// `contracts/interfaces/IPAllActionTypeV3.sol` (`createDefaultApproxParams`).
public enum RouterApproximation {
    /// `ApproxParams`: the search interval, an off-chain first guess (0 = none), the iteration cap and
    /// the relative tolerance (wad).
    public struct Params: Sendable, Hashable {
        public var guessMin: UInt256
        public var guessMax: UInt256
        public var guessOffchain: UInt256
        public var maxIteration: Int
        public var eps: UInt256

        public init(guessMin: UInt256, guessMax: UInt256, guessOffchain: UInt256, maxIteration: Int, eps: UInt256) {
            self.guessMin = guessMin
            self.guessMax = guessMax
            self.guessOffchain = guessOffchain
            self.maxIteration = maxIteration
            self.eps = eps
        }

        /// `createDefaultApproxParams()`: [0, 2^256 − 1], no guess, 256 iterations, eps 1e14 (0.01 %).
        public static let onchainDefault = Params(
            guessMin: .zero, guessMax: .max, guessOffchain: .zero, maxIteration: 256,
            eps: UInt256(100_000_000_000_000))
    }

    /// The router's answer: the PT (or YT) amount, its fee, and the `calcTrade` evaluations used.
    public struct Answer: Sendable, Hashable {
        public var amountOut: Wad
        public var netSyFee: Wad
        public var evaluations: Int
    }

    /// The router's failures (its `require` strings).
    public enum Failure: DomainError, Hashable {
        case approxExhausted
        case invalidParams
        case invalidPtToMarket

        public var errorName: String {
            switch self {
            case .approxExhausted: return "Slippage: APPROX_EXHAUSTED"
            case .invalidParams: return "Internal: INVALID_APPROX_PARAMS"
            case .invalidPtToMarket: return "invalid ptToMarket"
            }
        }

        public var message: String {
            switch self {
            case .approxExhausted: return "Slippage: APPROX_EXHAUSTED: the router's search ran out of iterations; raise maxIteration or eps"
            case .invalidParams: return "Internal: INVALID_APPROX_PARAMS: guessMin > guessMax or eps > 1"
            case .invalidPtToMarket: return "invalid ptToMarket: calcSlope needs totalAsset > ptToMarket and totalPt + ptToMarket > 0"
            }
        }
    }

    /// A run of ``swapExactSyForPt(_:pyIndex:exactSyIn:blockTime:params:)`` or
    /// ``swapExactSyForYt(_:pyIndex:exactSyIn:blockTime:params:)`` that reports its evaluations when it
    /// reverts too (where the market's limit binds the search exhausts itself against `guessMax`).
    public static func run(
        _ kind: SwapKind, _ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64, params: Params = .onchainDefault
    ) -> RouterOnchainApproximation.Run {
        var evaluations = 0
        do {
            let answer =
                kind == .swapExactSyForYt
                ? try exactSyForYt(market, pyIndex: pyIndex, exactSyIn: exactSyIn, blockTime: blockTime, params: params, evaluations: &evaluations)
                : try exactSyForPt(market, pyIndex: pyIndex, exactSyIn: exactSyIn, blockTime: blockTime, params: params, evaluations: &evaluations)
            return RouterOnchainApproximation.Run(answer: answer, failure: nil, evaluations: evaluations)
        } catch {
            return RouterOnchainApproximation.Run(answer: nil, failure: RouterOnchainApproximation.reason(error), evaluations: evaluations)
        }
    }

    /// `approxSwapExactSyForPtV2`.
    public static func swapExactSyForPt(
        _ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64, params: Params = .onchainDefault
    ) throws -> Answer {
        var evaluations = 0
        return try exactSyForPt(market, pyIndex: pyIndex, exactSyIn: exactSyIn, blockTime: blockTime, params: params, evaluations: &evaluations)
    }

    static func exactSyForPt(
        _ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64, params: Params, evaluations: inout Int
    ) throws -> Answer {
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        var approx = params
        if approx.guessOffchain.isZero {
            approx.guessMax = min(approx.guessMax, try calcMaxPtOut(comp, totalPt: market.totalPt))
            try validate(approx)
        }
        let budget = try PMath.toUint(exactSyIn.raw)
        var guess = try firstGuess(approx)
        for iteration in 0..<approx.maxIteration {
            evaluations += 1
            let (amounts, _) = try PendleMarketMath.calcTrade(
                market, comp, pyIndex: pyIndex,
                netPtToAccount: Wad(raw: PMath.toInt(guess)))
            let netSyIn = try PMath.toUint(PMath.neg(amounts.netSyToAccount.raw))
            if netSyIn <= budget {
                if try isASmallerApproxB(netSyIn, budget, approx.eps) {
                    return Answer(amountOut: Wad(raw: try PMath.toInt(guess)), netSyFee: amounts.netSyFee, evaluations: evaluations)
                }
                if guess == approx.guessMin { break }
                approx.guessMin = guess
            } else {
                approx.guessMax = try PMath.sub(guess, .one)
            }
            guess =
                iteration <= 2
                ? try scaleClamp(guess, target: budget, current: netSyIn, approx)
                : try midpoint(approx)
        }
        throw Failure.approxExhausted
    }

    /// `approxSwapExactSyForYtV2`: the PT amount to flash-sell (= YT out).
    public static func swapExactSyForYt(
        _ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64, params: Params = .onchainDefault
    ) throws -> Answer {
        var evaluations = 0
        return try exactSyForYt(market, pyIndex: pyIndex, exactSyIn: exactSyIn, blockTime: blockTime, params: params, evaluations: &evaluations)
    }

    static func exactSyForYt(
        _ market: MarketState<Wad>, pyIndex: Wad, exactSyIn: Wad, blockTime: Int64, params: Params, evaluations: inout Int
    ) throws -> Answer {
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        var approx = params
        let budget = try PMath.toUint(exactSyIn.raw)
        let index = pyIndex.raw.bits
        if approx.guessOffchain.isZero {
            approx.guessMin = max(approx.guessMin, try SYUtils.syToAsset(index, budget))
            let (maxIn, slopeEvaluations) = try calcMaxPtIn(market, comp)
            evaluations += slopeEvaluations
            approx.guessMax = min(approx.guessMax, maxIn)
            try validate(approx)
        }
        var guess = try firstGuess(approx)
        for iteration in 0..<approx.maxIteration {
            evaluations += 1
            let (amounts, _) = try PendleMarketMath.calcTrade(
                market, comp, pyIndex: pyIndex,
                netPtToAccount: Wad(raw: PMath.neg(PMath.toInt(guess))))
            let netSyOut = try PMath.toUint(amounts.netSyToAccount.raw)
            let netSyToTokenize = try SYUtils.assetToSyUp(index, guess)
            let netSyToPull = try PMath.sub(netSyToTokenize, netSyOut)
            if netSyToPull <= budget {
                if try isASmallerApproxB(netSyToPull, budget, approx.eps) {
                    return Answer(amountOut: Wad(raw: try PMath.toInt(guess)), netSyFee: amounts.netSyFee, evaluations: evaluations)
                }
                if approx.guessMin == guess { break }
                approx.guessMin = guess
            } else {
                approx.guessMax = try PMath.sub(guess, .one)
            }
            guess =
                iteration <= 2
                ? try scaleClamp(guess, target: budget, current: netSyToPull, approx)
                : try midpoint(approx)
        }
        throw Failure.approxExhausted
    }

    // MARK: Pieces of MarketApproxLibV2

    /// `calcMaxPtOut`: 99.9 % of the PT the pool can give before the post-fee rate reaches 1.
    static func calcMaxPtOut(_ comp: MarketPreCompute<Wad>, totalPt: Wad) throws -> UInt256 {
        let logitP = try (comp.feeRate - comp.rateAnchor).mulDown(comp.rateScalar).exp()
        let proportion = try logitP.divDown(logitP + .one)
        let numerator = try proportion.mulDown(totalPt + comp.totalAsset)
        let maxPtOut = try totalPt - numerator
        return try PMath.div(PMath.mul(maxPtOut.raw.bits, UInt256(999)), UInt256(1000))
    }

    /// `calcMaxPtIn`: bisection on `calcSlope` over [0, totalAsset − 1], capped by the 96 % proportion.
    static func calcMaxPtIn(_ market: MarketState<Wad>, _ comp: MarketPreCompute<Wad>) throws -> (UInt256, Int) {
        var low = UInt256.zero
        var high = try PMath.sub(PMath.toUint(comp.totalAsset.raw), .one)
        var evaluations = 0
        while low != high {
            let mid = try PMath.div(PMath.add(PMath.add(low, high), .one), UInt256(2))
            evaluations += 1
            if try calcSlope(comp, totalPt: market.totalPt.raw, ptToMarket: PMath.toInt(mid)).isNegative {
                high = try PMath.sub(mid, .one)
            } else {
                low = mid
            }
        }
        let cap = try Wad(wei: PendleMarketMath.maxMarketProportionWei).mulDown(market.totalPt + comp.totalAsset) - market.totalPt
        return (min(low, try PMath.toUint(cap.raw)), evaluations)
    }

    /// `calcSlope`.
    static func calcSlope(_ comp: MarketPreCompute<Wad>, totalPt: Int256, ptToMarket: Int256) throws -> Int256 {
        let diffAssetPtToMarket = try PMath.sub(comp.totalAsset.raw, ptToMarket)
        let sumPt = try PMath.add(ptToMarket, totalPt)
        guard diffAssetPtToMarket.isPositive, sumPt.isPositive else { throw Failure.invalidPtToMarket }
        let part1 = try PMath.divDown(
            PMath.mul(ptToMarket, PMath.add(totalPt, comp.totalAsset.raw)),
            PMath.mul(sumPt, diffAssetPtToMarket))
        let part2 = try LogExpMath.ln(PMath.divDown(sumPt, diffAssetPtToMarket))
        let part3 = try PMath.divDown(PMath.iOne, comp.rateScalar.raw)
        return try PMath.sub(comp.rateAnchor.raw, PMath.mulDown(PMath.sub(part1, part2), part3))
    }

    static func validate(_ approx: Params) throws {
        if approx.guessMin > approx.guessMax || approx.eps > PMath.one { throw Failure.invalidParams }
    }

    static func firstGuess(_ approx: Params) throws(PendleError) -> UInt256 {
        approx.guessOffchain.isZero ? try midpoint(approx) : approx.guessOffchain
    }

    /// `calcMidpoint`: `(guessMin + guessMax + 1) / 2`, checked: `Panic(0x11)` when the sum overflows (an
    /// off-chain guess with `guessMax` left at 2^256 − 1).
    static func midpoint(_ approx: Params) throws(PendleError) -> UInt256 {
        try PMath.add(PMath.add(approx.guessMin, approx.guessMax), .one) >> 1
    }

    /// `scaleClamp`: `original · target / current`, or the midpoint when that leaves the bracket.
    static func scaleClamp(_ original: UInt256, target: UInt256, current: UInt256, _ approx: Params) throws -> UInt256 {
        let scaled = try PMath.div(PMath.mul(original, target), current)
        if scaled >= approx.guessMax || scaled <= approx.guessMin { return try midpoint(approx) }
        return scaled
    }

    /// `PMath.isASmallerApproxB`: `a ≤ b` and `a ≥ mulDown(b, 1 − eps)`.
    static func isASmallerApproxB(_ a: UInt256, _ b: UInt256, _ eps: UInt256) throws -> Bool {
        try a <= b && a >= PMath.mulDown(b, PMath.sub(PMath.one, eps))
    }
}
