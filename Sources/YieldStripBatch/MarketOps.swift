import YieldStrip
import YieldStripJSON

/// Ops for the Pendle V2 market, named as the `op` of the reference vectors (`market_precompute.json`,
/// `market_trade.json` as `executeTradeCore`, `liquidity.json`, `exact_in.json`) plus the other router
/// trades and single-sided liquidity. Each takes `market` (the state in wei), `pyIndex` and `blockTime`
/// where the contract does, answers with the vectors' field names, and reverts with the contract's names.
///
/// `"exact": false` runs the same algorithm in `Double` on the same inputs and answers in units (JSON
/// numbers) instead of wei: for fast analytic sweeps.
package enum MarketOps {
    package static let entries: [BatchOp] =
        [
            op("getMarketPreCompute", "market, pyIndex, blockTime → rateScalar, totalAsset, rateAnchor, feeRate", PreCompute()),
            op(
                "executeTradeCore",
                "market, pyIndex, blockTime, netPtToAccount (+ buys PT) → netSyToAccount, netSyFee, netSyToReserve, market, zeroNetLpFee",
                ExecuteTrade()),
            BatchOp("setInitialLnImpliedRate", "market, pyIndex, initialAnchor, blockTime → lastLnImpliedRate, market") { request in
                let (market, index, time) = try MarketFields.context(request)
                let next = try PendleMarketMath.setInitialLnImpliedRate(
                    market, pyIndex: index, initialAnchor: request.wad("initialAnchor"),
                    blockTime: time)
                return ["lastLnImpliedRate": .wei(next.lastLnImpliedRate.raw), "market": .object(try MarketFields.object(next))]
            },
            BatchOp("addLiquidityCore", "market, blockTime, syDesired, ptDesired → lpToReserve, lpToAccount, syUsed, ptUsed, market") { request in
                let market = try MarketFields.market(request.object("market"))
                let result = try PendleMarketMath.addLiquidityCore(
                    market, syDesired: request.wad("syDesired"), ptDesired: request.wad("ptDesired"),
                    blockTime: MarketFields.blockTime(request))
                return [
                    "lpToReserve": .wei(result.lpToReserve.raw), "lpToAccount": .wei(result.lpToAccount.raw),
                    "syUsed": .wei(result.syUsed.raw), "ptUsed": .wei(result.ptUsed.raw),
                    "market": .object(try MarketFields.object(result.market))
                ]
            },
            BatchOp("removeLiquidityCore", "market, lpToRemove → netSyToAccount, netPtToAccount, market") { request in
                let market = try MarketFields.market(request.object("market"))
                let result = try PendleMarketMath.removeLiquidityCore(market, lpToRemove: request.wad("lpToRemove"))
                return [
                    "netSyToAccount": .wei(result.netSyToAccount.raw), "netPtToAccount": .wei(result.netPtToAccount.raw),
                    "market": .object(try MarketFields.object(result.market))
                ]
            }
        ]
        + SwapKind.allCases.map { kind in
            let (input, output) = kind.tokens
            return op(
                kind.rawValue,
                "market, pyIndex, blockTime, \(kind.amountField) → \(input.rawValue) for \(output.rawValue): amounts, fees, market, evaluations",
                Swap(kind: kind))
        }
        + SingleSidedLiquidityKind.allCases.map { operation in
            op(
                operation.rawValue, "market, pyIndex, blockTime, \(operation.amountField) → LP and token amounts, fees, market, evaluations",
                SingleSidedLiquidity(operation: operation))
        }

    /// A batch op that runs `body` in the requested scalar.
    /// An op whose answer one encoder writes both into a ``JSONObject`` (``BatchOp/handler``) and straight
    /// into the batch door's output (``BatchOp/writer``).
    static func op(_ name: String, _ summary: String, _ body: some MarketOpBody) -> BatchOp {
        BatchOp(
            name, summary,
            handler: { request in
                var object = JSONObject()
                try answer(body, request, into: &object)
                return object
            }, writer: { request, writer in try answer(body, request, into: &writer) })
    }

    /// The market, index and time of `request`, and `body`'s answer on them in wei (or in `Double` with
    /// `"exact": false`).
    static func answer<Sink: JSONMemberSink>(_ body: some MarketOpBody, _ request: BatchRequest, into sink: inout Sink) throws {
        let (market, index, time) = try MarketFields.context(request)
        if try request.boolIfPresent("exact") ?? true {
            return try body.run(market, pyIndex: index, blockTime: time, request: request, into: &sink)
        }
        guard let approx = market.converted(to: Double.self) else {
            throw RequestError.overflow(field: "market", reason: "the market cannot be represented in Double")
        }
        try body.run(approx, pyIndex: index.doubleValue, blockTime: time, request: request, into: &sink)
    }
}

protocol MarketOpBody: Sendable {
    func run<S: ScalarJSON, Sink: JSONMemberSink>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, request: BatchRequest,
        into answer: inout Sink) throws
}

extension MarketOpBody {
    /// An amount field read exactly (wei), in the run's scalar.
    func amount<S: PendleScalar>(_ request: BatchRequest, _ field: String, as type: S.Type) throws -> S {
        let value = try request.wad(field)
        if let exact = value as? S { return exact }
        guard let approx = S(approximating: value.doubleValue) else {
            throw RequestError.overflow(field: field, reason: "field '\(field)' cannot be represented")
        }
        return approx
    }
}

struct PreCompute: MarketOpBody {
    func run<S: ScalarJSON, Sink: JSONMemberSink>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, request: BatchRequest,
        into answer: inout Sink
    ) throws {
        let comp = try PendleMarketMath.getMarketPreCompute(market, pyIndex: pyIndex, blockTime: blockTime)
        try answer.append("rateScalar", scalar: comp.rateScalar)
        try answer.append("totalAsset", scalar: comp.totalAsset)
        try answer.append("rateAnchor", scalar: comp.rateAnchor)
        try answer.append("feeRate", scalar: comp.feeRate)
    }
}

struct ExecuteTrade: MarketOpBody {
    func run<S: ScalarJSON, Sink: JSONMemberSink>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, request: BatchRequest,
        into answer: inout Sink
    ) throws {
        let net = try amount(request, "netPtToAccount", as: S.self)
        let trade = try PendleMarketMath.executeTradeCore(market, pyIndex: pyIndex, netPtToAccount: net, blockTime: blockTime)
        try answer.append("netSyToAccount", scalar: trade.netSyToAccount)
        try answer.append("netSyFee", scalar: trade.netSyFee)
        try answer.append("netSyToReserve", scalar: trade.netSyToReserve)
        try MarketFields.appendObject(trade.market, to: &answer)
        answer.append("zeroNetLpFee", .bool(trade.zeroNetLpFee(pyIndex: pyIndex)))
    }
}

struct Swap: MarketOpBody {
    let kind: SwapKind

    func run<S: ScalarJSON, Sink: JSONMemberSink>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, request: BatchRequest,
        into answer: inout Sink
    ) throws {
        let given = try amount(request, kind.amountField, as: S.self)
        let result = try PendleMarketMath.swap(kind, market: market, pyIndex: pyIndex, amount: given, blockTime: blockTime)
        try Self.append(result, pyIndex: pyIndex, to: &answer)
    }

    /// The swap's named amounts, then `market` and `zeroNetLpFee` (when something traded), then the
    /// evaluation counts.
    static func append<S: ScalarJSON, Sink: JSONMemberSink>(_ result: SwapResult<S>, pyIndex: S, to answer: inout Sink) throws {
        for (name, value) in result.fields { try answer.append(name, scalar: value) }
        if let trade = result.trade {
            try MarketFields.appendObject(trade.market, to: &answer)
            answer.append("zeroNetLpFee", .bool(result.zeroNetLpFee(pyIndex: pyIndex)))
        }
        answer.append("evaluations", .number(JSONNumber(result.evaluations)))
        answer.append("seedEvaluations", .number(JSONNumber(result.seedEvaluations)))
    }
}

struct SingleSidedLiquidity: MarketOpBody {
    let operation: SingleSidedLiquidityKind

    func run<S: ScalarJSON, Sink: JSONMemberSink>(
        _ market: MarketState<S>, pyIndex: S, blockTime: Int64, request: BatchRequest,
        into answer: inout Sink
    ) throws {
        let given = try amount(request, operation.amountField, as: S.self)
        let result = try PendleMarketMath.singleSidedLiquidity(operation, market: market, pyIndex: pyIndex, amount: given, blockTime: blockTime)
        for (key, value) in result.fields { try answer.append(key, scalar: value) }
        try MarketFields.appendObject(result.market, to: &answer)
        answer.append("evaluations", .number(JSONNumber(result.evaluations)))
        answer.append("seedEvaluations", .number(JSONNumber(result.seedEvaluations)))
    }
}
