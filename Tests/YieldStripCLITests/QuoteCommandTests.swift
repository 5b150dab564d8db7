import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip quote`: the flag-to-swap mapping, exact amounts against the library and the swap's own
/// batch op, the JSON equal to the batch op `quote`'s answer, usage and domain errors.
@Suite struct QuoteCommandTests {
    static let market = MarketExamples.aapl

    /// Every documented combination of direction and `--in`, and the router swap it runs.
    static let mapping: [([String], SwapKind)] = [
        (["--buy-pt"], .swapExactSyForPt), (["--buy-pt", "--in", "sy"], .swapExactSyForPt),
        (["--buy-pt", "--in", "pt"], .swapSyForExactPt), (["--buy-pt", "--in", "yt"], .swapExactYtForPt),
        (["--sell-pt"], .swapExactPtForSy), (["--sell-pt", "--in", "pt"], .swapExactPtForSy),
        (["--sell-pt", "--in", "sy"], .swapPtForExactSy),
        (["--buy-yt"], .swapExactSyForYt), (["--buy-yt", "--in", "SY"], .swapExactSyForYt),
        (["--buy-yt", "--in", "pt"], .swapExactPtForYt),
        (["--sell-yt"], .swapExactYtForSy), (["--sell-yt", "--in", "yt"], .swapExactYtForSy)
    ]

    @Test(arguments: mapping)
    func flagsMapToTheRouterSwap(flags: [String], kind: SwapKind) throws {
        let object = try JSONOutput.object(CLI.run(arguments: ["quote", "--market", Self.market, "--amount", "10", "--json"] + flags))
        #expect(object["swap"] == .string(kind.rawValue))
        #expect(object["amountField"] == .string(kind.amountField))
        let viaOp = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", "10", "--json"))
        #expect(viaOp == object)
    }

    /// The amounts are the library's, and the same as the swap's own batch op answers.
    @Test(arguments: SwapKind.allCases)
    func amountsAreTheLibrarysAndTheSwapOps(kind: SwapKind) throws {
        let file = try MarketExamples.load(Self.market)
        let blockTime = try #require(file.blockTime)
        let amount = Wad(decimal: "250.5")!
        let object = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", "250.5", "--json"))
        let result = try PendleMarketMath.swap(kind, market: file.market, pyIndex: file.pyIndex, amount: amount, blockTime: blockTime)
        #expect(object["amountIn"] == .wei(result.amountIn.raw) && object["amountOut"] == .wei(result.amountOut.raw))
        // The amount given, and what of it the trade leaves unspent (an exact input only).
        #expect(object["amountGiven"] == .wei(amount.raw))
        let unspent = kind.isExactInput ? try amount - result.amountIn : .zero
        #expect(!unspent.isNegative && object["unspentInput"] == .wei(unspent.raw))
        for (name, value) in result.fields { #expect(JSONOutput.member(object, "amounts." + name) == .wei(value.raw), "\(name)") }
        let swapAnswer = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: kind.rawValue, blockTime: blockTime, extra: [kind.amountField: .wei(amount.raw)]))
        for (name, _) in result.fields { #expect(JSONOutput.member(object, "amounts." + name) == swapAnswer[name]) }
        #expect(object["market"] == swapAnswer["market"] && object["evaluations"] == swapAnswer["evaluations"])
    }

    /// Buying YT with SY: the account pays all of exactSyIn (`amountIn`) and receives `ytMinted` (`amountOut`),
    /// minted from that SY and the PT sale's proceeds; `amounts.netYtOut` (the vectors' name) is the PT leg
    /// sold, and `syPulled` the SY that leg needs. Here they differ by 31,205 wei; the table says which is which.
    @Test func buyingYtSaysWhatTheAccountPaysAndReceives() throws {
        let file = try MarketExamples.load(Self.market)
        let object = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--buy-yt", "--amount", "333.3", "--json"))
        let exactSyIn = try #require(Wad(decimal: "333.3"))
        let index = file.pyIndex
        let wei = { (path: String) -> Wad? in
            if case .string(let text)? = JSONOutput.member(object, path) { return Wad(weiText: text) }
            return nil
        }
        let netYtOut = try #require(wei("amounts.netYtOut"))
        let ytMinted = try #require(wei("amounts.ytMinted"))
        let syPulled = try #require(wei("amounts.syPulled"))
        let fromSale = try #require(wei("amounts.netSyFromPtSale"))
        // YT minted from all the SY in the YT contract: (exactSyIn + SY from the sale) · pyIndex / 1e18, rounded down.
        let (product, overflow) = (try exactSyIn + fromSale).raw.magnitude.multipliedReportingOverflow(by: index.raw.magnitude)
        #expect(!overflow && ytMinted.raw.magnitude == product.quotientAndRemainder(dividingBy: UInt256(UInt64(1_000_000_000_000_000_000))).quotient)
        #expect(wei("amountOut") == ytMinted && wei("amountIn") == exactSyIn && wei("unspentInput") == .zero)
        #expect(wei("ptToAccount") == (try netYtOut.negated()))
        let extraYt = try ytMinted - netYtOut
        let unusedSy = try exactSyIn - syPulled
        #expect(extraYt == Wad(raw: Int256(31_205)) && unusedSy == Wad(raw: Int256(31_105)))
        let table = yieldstrip("quote", "--market", Self.market, "--buy-yt", "--amount", "333.3").stdout
        for line in [
            "amount in, paid by the account (SY)", "amount out, to the account (YT)",
            "amounts.netYtOut: PT leg sold to the market (the YT received is ytMinted)",
            "amounts.syPulled: SY the PT leg needs (the account pays all of exactSyIn)",
            "amounts.ytMinted: YT minted to the account"
        ] {
            #expect(table.contains("\n" + line + " "), "\(line)")
        }
        #expect(TokenizationCLITesting.tableValue(table, "amount out, to the account (YT)") == "40867.046606801826736825")
    }

    @Test func analyticsAreTheLibrarysQuote() throws {
        let file = try MarketExamples.load(Self.market)
        let quote = try PendleMarketMath.quote(
            .swapExactSyForPt, market: file.market, pyIndex: file.pyIndex,
            amount: Wad(units: 1000), blockTime: try #require(file.blockTime))
        let result = quote.result
        let object = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", "1000", "--json"))
        #expect(object["effectiveImpliedApy"] == JSONOutput.text(quote.effectiveImpliedApy))
        #expect(object["impliedApyBefore"] == JSONOutput.text(quote.impliedApyBefore))
        #expect(object["impliedApyAfter"] == JSONOutput.text(quote.impliedApyAfter))
        #expect(object["priceImpact"] == JSONOutput.text(quote.priceImpact))
        #expect(object["priceImpactBeforeFees"] == JSONOutput.text(quote.priceImpactBeforeFees))
        // The largest amount is the library's, exact in wei (the quote's Double is its approximation).
        let fileTime = try #require(file.blockTime)
        let largest = try #require(
            PendleMarketMath.largestAmount(
                .swapExactSyForPt, market: file.market, pyIndex: file.pyIndex,
                blockTime: fileTime))
        #expect(object["largestAmount"] == .wei(largest.raw))
        #expect(quote.largestAmount == largest)
        #expect(object["ytPriceInAssetBefore"] == JSONOutput.text(quote.ytPriceInAssetBefore))
        #expect(object["ytPriceInAssetAfter"] == JSONOutput.text(quote.ytPriceInAssetAfter))
        #expect(object["effectiveYtPrice"] == .null)
        #expect(object["effectivePrice"] == JSONOutput.text(quote.effectivePrice))
        #expect(object["netAssetFee"] == .wei(try result.netSyFee.syToAsset(index: file.pyIndex).raw))
        #expect(object["ptToAccount"] == .wei(try #require(result.trade).netPtToAccount.raw))
        let stockPrice = try #require(file.stockPrice)
        #expect(object["amountInUsd"] == JSONOutput.text(stockPrice * (try Wad(units: 1000).syToAsset(index: file.pyIndex)).doubleValue))
        // Buying PT lowers the implied APY, and the buyer locks in less than the spot APY (fees).
        #expect(quote.impliedApyAfter < quote.impliedApyBefore && quote.effectiveImpliedApy < quote.impliedApyBefore)
    }

    /// YT trades: the YT's effective price and its impact are the library's, measured on the YT.
    @Test(arguments: [(SwapKind.swapExactSyForYt, "asset"), (.swapExactYtForSy, "asset"), (.swapExactPtForYt, "PT"), (.swapExactYtForPt, "PT")])
    func ytTradesPriceTheYt(kind: SwapKind, unit: String) throws {
        let file = try MarketExamples.load(Self.market)
        let quote = try PendleMarketMath.quote(
            kind, market: file.market, pyIndex: file.pyIndex, amount: Wad(units: 100),
            blockTime: try #require(file.blockTime))
        let result = quote.result
        let object = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", "100", "--json"))
        let effectiveYt = try #require(quote.effectiveYtPrice)
        #expect(object["effectiveYtPrice"] == JSONOutput.text(effectiveYt))
        #expect(object["priceImpact"] == JSONOutput.text(quote.priceImpact))
        #expect(object["effectiveImpliedApy"] == JSONOutput.text(quote.effectiveImpliedApy))
        #expect(object["amountIn"] == .wei(result.amountIn.raw))
        // Buying or selling YT costs something against the spot YT price.
        #expect(quote.priceImpact > 0)
        let table = yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", "100").stdout
        #expect(table.contains("effective YT price (\(unit) per YT)") && table.contains("price impact on YT, fees included"))
    }

    /// What the market contract or the router refuses is an error, exit 1 from the command and an error
    /// line from batch: a zero amount, a dust trade, an exact input beyond the market's limit (with the
    /// exact largest amount in wei).
    @Test func refusedQuotes() throws {
        let file = try MarketExamples.load(Self.market)
        let blockTime = try #require(file.blockTime)
        let largest = try #require(
            PendleMarketMath.largestAmount(
                .swapExactSyForPt, market: file.market, pyIndex: file.pyIndex,
                blockTime: blockTime))
        let cases: [(amount: String, error: String, errorArgs: JSONValue)] = [
            ("0", "ZeroAmount", []),
            ("0.000000000000000001", "MarketZeroNetLPFee", []),
            ("1000000", "ExceedsMarketLimit", .array([.string("1000000000000000000000000"), .string(largest.raw.description)]))
        ]
        for (amount, error, errorArgs) in cases {
            expectFailure(yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", amount), exitCode: 1, containing: "Error: \(error): ")
            expectFailure(yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", amount, "--json"), exitCode: 1, containing: error)
            let wad = try #require(Wad(decimal: amount))
            let answer = try JSONOutput.batchAnswer(
                try MarketExamples.batchLine(
                    Self.market, op: "quote", blockTime: blockTime, extra: ["swap": "swapExactSyForPt", "exactSyIn": .wei(wad.raw)]))
            #expect(answer["error"] == .string(error) && answer["errorArgs"] == errorArgs, "\(answer)")
        }
    }

    /// `largestAmount` is the limit: one wei more is refused; the largest amount itself is quoted.
    @Test(arguments: SwapKind.allCases)
    func largestAmountIsTheLimit(kind: SwapKind) throws {
        let object = try JSONOutput.object(yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", "1", "--json"))
        guard case .string(let wei)? = object["largestAmount"], let largest = Wad(weiText: wei) else {
            Issue.record("no largestAmount: \(object)")
            return
        }
        let beyond = try largest + Wad(raw: Int256(1))
        expectFailure(
            yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", beyond.raw.description, "--wei"),
            exitCode: 1, containing: "Error: ")
        let atLimit = { yieldstrip("quote", "--market", Self.market, "--op", kind.rawValue, "--amount", largest.raw.description, "--wei", "--json") }
        #expect(atLimit().exitCode == 0, "\(atLimit().stderr)")
    }

    /// The three doors: the command's JSON is the batch op `quote`'s answer for the same inputs.
    @Test(arguments: [
        (MarketExamples.aapl, SwapKind.swapExactSyForYt, "100"), (MarketExamples.highYield, .swapExactPtForSy, "500"),
        (MarketExamples.nearExpiry, .swapSyForExactPt, "42.000000000000000001")
    ])
    func jsonIsTheBatchAnswer(path: String, kind: SwapKind, amount: String) throws {
        let blockTime = try #require(try MarketExamples.load(path).blockTime)
        let command = try JSONOutput.object(
            yieldstrip(
                "quote", "--market", path, "--op", kind.rawValue, "--amount", amount,
                "--at", String(blockTime), "--json"))
        let wad = try #require(Wad(decimal: amount))
        let answer = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                path, op: "quote", blockTime: blockTime, extra: ["swap": .string(kind.rawValue), kind.amountField: .wei(wad.raw)]))
        #expect(command == answer)
    }

    @Test func weiAmounts() throws {
        let units = yieldstrip("quote", "--market", Self.market, "--sell-pt", "--amount", "1.5", "--json")
        let wei = yieldstrip("quote", "--market", Self.market, "--sell-pt", "--amount", "1500000000000000000", "--wei", "--json")
        #expect(units.exitCode == 0 && units == wei)
    }

    @Test func table() {
        let run = yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", "1000")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("AAPL-like stock token, 4 MAR 2027 (AAPL)\n"))
        for line in [
            "swapExactSyForPt: exactSyIn = 1000\n",
            "amount out, to the account (PT)                        1005.088436673884589425\n",
            "amounts.netSyFee                                          1.002819463318302668\n",
            "effective implied APY                                                  0.1861%\n",
            "implied APY after                                                      0.2863%\n",
            "largest exactSyIn the market takes                    11086.275417002673439754\n",
            "largest useful exactSyIn (the most PT out)            11086.275417002673439754\n",
            "new lastLnImpliedRate                                     0.002859015636214691\n"
        ] {
            #expect(run.stdout.contains(line), "\(line)")
        }
    }

    /// A zero amount is refused: there is nothing to quote.
    @Test func zeroAmountIsRefused() throws {
        let run = yieldstrip("quote", "--market", Self.market, "--buy-yt", "--amount", "0", "--json")
        #expect(run.exitCode == 1 && run.stdout.isEmpty && run.stderr.contains("ZeroAmount"))
    }

    /// A dust trade whose LP fee rounds to zero is refused, as the market contract refuses it
    /// (`MarketZeroNetLPFee`); the batch swap ops still report the core math with `zeroNetLpFee`.
    @Test func dustTradeIsRefusedAsTheMarketContractDoes() throws {
        let run = yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", "0.000000000000000001", "--json")
        #expect(run.exitCode == 1 && run.stdout.isEmpty && run.stderr.contains("MarketZeroNetLPFee"), "\(run.stderr)")
    }

    // MARK: Errors

    @Test func usageErrors() {
        let base = ["quote", "--market", Self.market]
        let cases: [([String], String)] = [
            (["--buy-pt", "--sell-pt", "--amount", "1"], "Give one direction only; got --buy-pt and --sell-pt"),
            (["--amount", "1"], "Say what to do: one of --buy-pt, --sell-pt, --buy-yt, --sell-yt, or --op <swap>"),
            (["--buy-pt"], "Missing expected argument '--amount <amount>'"),
            (["--buy-pt", "--amount", "1", "--in", "eth"], "The value 'eth' is invalid for '--in <token>': expected one of sy, pt, yt"),
            (["--sell-yt", "--amount", "1", "--in", "sy"], "'--sell-yt' takes '--in' yt; 'sy' does not apply"),
            (["--buy-yt", "--amount", "1", "--in", "yt"], "'--buy-yt' takes '--in' sy, pt; 'yt' does not apply"),
            (["--op", "swapExactSyForPt", "--buy-pt", "--amount", "1"], "'--op' names the swap itself"),
            (["--op", "swapExactSyForPt", "--in", "sy", "--amount", "1"], "'--op' names the swap itself"),
            (["--op", "swapEverything", "--amount", "1"], "The value 'swapEverything' is invalid for '--op <swap>'"),
            (["--buy-pt", "--amount", "1e3"], "The value '1e3' is invalid for '--amount <amount>'"),
            (["--buy-pt", "--amount", "1.5", "--wei"], "expected an integer of wei"),
            (["--buy-pt", "--amount", "1", "--at", "noon"], "The value 'noon' is invalid for '--at <time>'")
        ]
        for (arguments, message) in cases {
            expectFailure(CLI.run(arguments: base + arguments), exitCode: 2, containing: message)
        }
    }

    @Test func domainErrors() {
        expectFailure(
            yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", "-5"), exitCode: 1,
            containing: "NegativeAmount: exactSyIn is negative")
        expectFailure(
            yieldstrip("quote", "--market", Self.market, "--buy-pt", "--amount", "1", "--at", "2028-01-01"), exitCode: 1,
            containing: "MarketExpired")
        expectFailure(
            yieldstrip("quote", "--market", Self.market, "--buy-pt", "--in", "pt", "--amount", "600000"), exitCode: 1,
            containing: "MarketInsufficientPtForTrade")
    }

    @Test func batchErrors() throws {
        let unknown = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "quote", blockTime: 1_772_461_800, extra: ["swap": "swapAll", "exactSyIn": "1"]))
        #expect(unknown["error"] == "BadRequest" && unknown["errorArgs"] == ["swap"])
        let noAmount = try JSONOutput.batchAnswer(
            try MarketExamples.batchLine(
                Self.market, op: "quote", blockTime: 1_772_461_800, extra: ["swap": "swapExactPtForSy"]))
        #expect(noAmount["error"] == "BadRequest" && noAmount["errorArgs"] == ["exactPtIn"])
    }

    @Test func help() {
        let run = yieldstrip("quote", "--help")
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("  --sell-pt  --in sy   swapPtForExactSy   receive exactly --amount SY\n"))
        #expect(run.stdout.contains("USAGE: yieldstrip quote --market <file> [--at <time>] [--buy-pt] [--sell-pt]\n"))
    }
}
