import YieldStrip
import YieldStripJSON

/// `yieldstrip quote`: one trade on a market file, exact to the wei, with its analytics (batch op
/// `quote`).
struct QuoteCommand: JobCommand {
    let name = "quote"
    let abstract = "Quote a PT or YT trade: amounts, fees, effective APY, impact."
    let discussion = """
        Say what to do and what --amount counts (--in; the default is the token paid):
          --buy-pt  [--in sy]  swapExactSyForPt   pay exactly --amount SY
          --buy-pt   --in pt   swapSyForExactPt   receive exactly --amount PT
          --buy-pt   --in yt   swapExactYtForPt   pay exactly --amount YT
          --sell-pt [--in pt]  swapExactPtForSy   pay exactly --amount PT
          --sell-pt  --in sy   swapPtForExactSy   receive exactly --amount SY
          --buy-yt  [--in sy]  swapExactSyForYt   pay exactly --amount SY
          --buy-yt   --in pt   swapExactPtForYt   pay exactly --amount PT
          --sell-yt [--in yt]  swapExactYtForSy   pay exactly --amount YT
        or give the router op itself with --op. The amount is read exactly in decimal
        units (at most 18 decimals), or in wei with --wei. An SY amount (exactSyIn,
        exactSyOut) can be sized instead with --sy, --tokens, --shares (at the PY
        index) or --usd (at --stock-price or the file's stockPrice); the answer's
        'size' echoes the conversion. The block time is --at, else the file's
        blockTime, else the wall clock. --json prints the answer of the batch op
        'quote' (amounts in wei). On a YieldSpace file --buy-pt pays exactly --amount
        pool shares (sellBase) and --sell-pt exactly --amount fyToken (sellFYToken).
        """
    /// The market, the trade (a direction with `--in`, or `--op`) and its amount (`--amount`, or an SY
    /// amount sized in SY, tokens, shares or USD), the output.
    struct Options: DoorOptions {
        static let specs: [OptionSpec] =
            MarketFileOptions.specs
            + [
                .flag("buy-pt", help: "Buy PT (with SY by default)."),
                .flag("sell-pt", help: "Sell PT (for SY)."),
                .flag("buy-yt", help: "Buy YT (with SY by default)."),
                .flag("sell-yt", help: "Sell YT (for SY)."),
                .value(
                    "op", valueName: "swap",
                    help: "The router swap instead of a direction: \(SwapKind.allCases.map(\.rawValue).joined(separator: ", "))."),
                .value("amount", valueName: "amount", help: "The amount given, in decimal units (1000, 0.5)."),
                .value("in", valueName: "token", help: "The token --amount counts: sy, pt or yt (see above)."),
                .flag("wei", help: "Read --amount as an integer of wei.")
            ] + SizeOptions.specs + OutputOptions.specs

        let market: MarketInput
        /// The router swap asked for.
        let swap: SwapKind
        /// The amount given (decimal units, or wei with `--wei`, on the command line; wei in batch, in the swap's
        /// own field); nil when the amount is sized instead.
        let amount: Wad?
        let sizing: SizeOptions
        let output: OutputOptions
        let fields: DoorFields

        init(_ fields: DoorFields) throws {
            self.fields = fields
            market = try MarketInput(fields)
            switch fields.door {
            case .command(let invocation):
                swap = try QuoteCommand.swapKind(invocation)
                let readsWei = invocation.flag("wei")
                amount = try invocation.parse(option: "amount", { ValueText.wad($0, inWei: readsWei) })
                sizing = try SizeOptions(fields, others: ["amount"])
                if let size = sizing.size, !QuoteReport.takesSize(swap) {
                    throw invocation.usageError("'--\(size.unit)' sizes an SY amount; \(swap.rawValue) takes \(swap.amountField): give --amount")
                }
                if sizing.size != nil && readsWei { throw invocation.usageError("'--wei' reads --amount; give the size in decimal units") }
                guard amount != nil || sizing.size != nil else {
                    throw invocation.usageError(
                        "Missing expected argument '--amount <amount>' (or, for an SY amount, --sy, --tokens, --shares or --usd)")
                }
            case .batch(let request):
                swap = try AnalyticsOps.swapKind(request)
                sizing = try SizeOptions(fields, others: [swap.amountField])
                amount = sizing.size == nil ? try request.wadIfPresent(swap.amountField) : nil
                let isPool = request.value("curve") == .string(YieldSpaceMarketFile.curveName)
                let takesSize = isPool ? swap == .swapExactSyForPt : QuoteReport.takesSize(swap)
                if let size = sizing.size, !takesSize {
                    throw RequestError.badRequest(
                        field: size.unit, reason: "field '\(size.unit)' sizes an SY amount; \(swap.rawValue) takes \(swap.amountField)")
                }
                if amount == nil && sizing.size == nil {
                    let sizes =
                        !takesSize
                        ? "" : isPool ? " (or sy, tokens, shares (wei) or usd)" : " (or, for this SY amount, sy, tokens, shares (wei) or usd)"
                    throw RequestError.badRequest(
                        field: swap.amountField, reason: "missing field '\(swap.amountField)', the amount \(swap.rawValue) takes (wei)\(sizes)")
                }
            }
            output = try OutputOptions(fields)
        }
    }

    static let opName = "quote"
    static let opSummary =
        "market, pyIndex, blockTime, swap (a router swap op), its amount field (or for an SY amount sy|tokens|shares (wei)|usd), stockPrice? → amounts, fees, effective APY, price impact, limit, new market"

    static func answer(_ options: Options) throws -> JobAnswer {
        let (kind, size) = (options.swap, options.sizing.size)
        let curveContext = try options.market.curveContext(stockPriceUsd: options.sizing.stockPriceUsd)
        switch curveContext.venue {
        case .yieldSpace(let context):
            guard let trade = YieldSpaceQuoteReport.kind(kind) else {
                throw options.fields.refuse(
                    command:
                        "A YieldSpace pool quotes --buy-pt (pool shares in: sellBase) and --sell-pt (fyToken in: sellFYToken), exact input; \(kind.rawValue) does not apply",
                    batch:
                        "a YieldSpace pool quotes swapExactSyForPt (sellBase) and swapExactPtForSy (sellFYToken); \(kind.rawValue) does not apply",
                    field: "swap")
            }
            let sized = try size.map { try PositionSizing.convert($0, assetPerSy: context.curve.assetPerSy, stockPrice: context.stockPrice) }
            let given = sized?.sy ?? options.amount ?? .zero
            let title = curveContext.title.map {
                $0 + "\n\(trade == .buyPtWithSy ? "sellBase: sharesIn" : "sellFYToken: fyTokenIn") = \(given.description)"
                    + (sized.map { "\nsize: \($0.description)" } ?? "")
            }
            return JobAnswer(report: try YieldSpaceQuoteReport.build(context, kind: trade, amount: given, size: sized, title: title))
        case .pendle(let context):
            let sized = try size.map { try QuoteReport.syAmount($0, context: context) }
            let given = sized?.sy ?? options.amount ?? .zero
            let title = curveContext.title.map {
                $0 + "\n\(kind.rawValue): \(kind.amountField) = \(given.description)" + (sized.map { "\nsize: \($0.description)" } ?? "")
            }
            return JobAnswer(report: try QuoteReport.build(context, swap: kind, amount: given, size: sized, title: title))
        }
    }

    /// The directions, their flags, and the router swap for each token `--in` may name (the first is
    /// the default).
    static let directions: [(flag: String, swaps: [(token: Token, kind: SwapKind)])] = [
        ("buy-pt", [(.sy, .swapExactSyForPt), (.pt, .swapSyForExactPt), (.yt, .swapExactYtForPt)]),
        ("sell-pt", [(.pt, .swapExactPtForSy), (.sy, .swapPtForExactSy)]),
        ("buy-yt", [(.sy, .swapExactSyForYt), (.pt, .swapExactPtForYt)]),
        ("sell-yt", [(.yt, .swapExactYtForSy)])
    ]

    /// The router swap the command line asks for: `--op`, or one direction flag with an optional `--in`.
    static func swapKind(_ invocation: Invocation) throws(UsageError) -> SwapKind {
        let chosen = directions.filter { invocation.flag($0.flag) }
        let flags = directions.map { "--" + $0.flag }.joined(separator: ", ")
        if let opName = invocation.option("op") {
            guard chosen.isEmpty, invocation.option("in") == nil else {
                throw invocation.usageError("'--op' names the swap itself; give it without \(flags) or --in")
            }
            guard let kind = SwapKind(rawValue: opName) else {
                throw invocation.usageError(
                    "The value '\(opName)' is invalid for '--op <swap>': expected one of \(SwapKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return kind
        }
        guard let direction = chosen.first else { throw invocation.usageError("Say what to do: one of \(flags), or --op <swap>") }
        guard chosen.count == 1 else {
            throw invocation.usageError("Give one direction only; got \(chosen.map { "--" + $0.flag }.joined(separator: " and "))")
        }
        guard let tokenText = invocation.option("in") else { return direction.swaps[0].kind }
        let tokens = direction.swaps.map { $0.token.rawValue.lowercased() }
        guard let swap = direction.swaps.first(where: { $0.token.rawValue.lowercased() == tokenText.lowercased() }) else {
            let known = ["sy", "pt", "yt"].contains(tokenText.lowercased())
            throw invocation.usageError(
                known
                    ? "'--\(direction.flag)' takes '--in' \(tokens.joined(separator: ", ")); '\(tokenText)' does not apply"
                    : "The value '\(tokenText)' is invalid for '--in <token>': expected one of sy, pt, yt")
        }
        return swap.kind
    }
}
