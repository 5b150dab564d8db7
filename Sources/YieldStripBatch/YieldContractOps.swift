import YieldStrip
import YieldStripJSON

/// Ops for the yield contract's exact steps: `ytInterest` (one `InterestManagerYT` step), `mintPy` and
/// `redeemPy` (the contract's rounding), the reference vectors' tokenization ops.
package enum YieldContractOps {
    package static let entries: [BatchOp] = [
        BatchOp("ytInterest", "balance, prevIndex, curIndex, feeRate (uint256) → interest, fee, paid: one InterestManagerYT step, then collection") {
            request in
            let step = try YTInterest.exactStep(
                balance: request.uint256("balance"), prevIndex: request.uint256("prevIndex"),
                curIndex: request.uint256("curIndex"), feeRate: request.uint256("feeRate"))
            return ["interest": .wei(step.interest), "fee": .wei(step.fee), "paid": .wei(step.paid)]
        },
        BatchOp("mintPy", "amountSy, pyIndex, expired? → amountPy: PT (= YT) minted, syToAsset rounded down") { request in
            let mint = try YieldContractMath.mintPy(
                amountSy: request.wad("amountSy"), pyIndex: request.wad("pyIndex"),
                expired: request.boolIfPresent("expired") ?? false)
            return ["amountPy": .wei(mint.amountPy.raw)]
        },
        BatchOp(
            "redeemPy",
            "amountPy, pyIndex, expired?, firstPYIndex? → amountSy, syToTreasury, firstPYIndex: assetToSy rounded down; after expiry PT alone"
        ) { request in
            let redeem = try YieldContractMath.redeemPy(
                amountPy: request.wad("amountPy"), pyIndex: request.wad("pyIndex"),
                firstPYIndex: request.wadIfPresent("firstPYIndex"),
                expired: request.boolIfPresent("expired") ?? false)
            return [
                "amountSy": .wei(redeem.amountSy.raw), "syToTreasury": .wei(redeem.syToTreasury.raw),
                "firstPYIndex": redeem.firstPYIndex.map { .wei($0.raw) } ?? .null
            ]
        }
    ]
}
