import YieldStrip

// Load a market file, lock in a fixed rate with 10,000 USD and hedge a dividend stream with a YT short.
let file = try MarketFile.load(path: "examples/markets/aapl-like.json")
let now = file.blockTime ?? 1_772_461_800                     // the file's block time (Unix seconds)

let lockIn = try LockIn.compute(LockInRequest(size: .usd(Wad(units: 10_000)), stockPrice: file.stockPrice),
                                curve: file.curve, at: now)  // the router's exact swapExactSyForPt
print("PT bought:", lockIn.ptOut, "fixed APY:", lockIn.fixedApy, "fee takes:", lockIn.feeApy)

let short = try ShortYT.compute(ShortYTRequest(size: .position(.shares(Wad(units: 1_000))), stockPrice: file.stockPrice),
                                curve: file.curve, at: now)  // mint PT + YT, sell the YT
print("YT sold:", short.ytSold, "premium (shares):", short.premiumShares, "break-even APY:", short.breakEvenApy ?? .nan)
