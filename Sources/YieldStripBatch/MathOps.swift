import YieldStrip
import YieldStripJSON

/// Ops for Pendle's exact math, each a thin wrapper over one library call and named as the `op` of
/// the reference vectors (`logexp.json`, `pmath.json`). `_u` ops take uint256 inputs, `_i` ops int256.
/// Every answer is `{"result": "<decimal wei>"}`; reverts keep the contract's names (`Panic(0x11)`,
/// `Panic(0x12)`, `Invalid exponent`, `out of bounds`, `Revert()`).
package enum MathOps {
    package static let entries: [BatchOp] = [
        BatchOp("ln", "x → ln(x), wad, int256 (LogExpMath.ln); 'out of bounds' for x ≤ 0") {
            try result(LogExpMath.ln($0.int256("x")))
        },
        BatchOp("exp", "x → e^x, wad, int256 (LogExpMath.exp); 'Invalid exponent' outside [-41e18, 130e18]") {
            try result(LogExpMath.exp($0.int256("x")))
        },
        BatchOp("mulDown_u", "a, b → a·b / 1e18, rounded down, uint256 (PMath.mulDown)") {
            try result(PMath.mulDown($0.uint256("a"), $0.uint256("b")))
        },
        BatchOp("mulDown_i", "a, b → a·b / 1e18, truncated toward zero, int256 (PMath.mulDown)") {
            try result(PMath.mulDown($0.int256("a"), $0.int256("b")))
        },
        BatchOp("divDown_u", "a, b → a·1e18 / b, rounded down, uint256 (PMath.divDown)") {
            try result(PMath.divDown($0.uint256("a"), $0.uint256("b")))
        },
        BatchOp("divDown_i", "a, b → a·1e18 / b, truncated toward zero, int256 (PMath.divDown)") {
            try result(PMath.divDown($0.int256("a"), $0.int256("b")))
        },
        BatchOp("rawDivUp_u", "a, b → (a + b − 1) / b, raw integers, uint256 (PMath.rawDivUp)") {
            try result(PMath.rawDivUp($0.uint256("a"), $0.uint256("b")))
        },
        BatchOp("rawDivUp_i", "a, b → (a + b − 1) / b, raw integers, int256; no ceiling for a < 0 (PMath.rawDivUp)") {
            try result(PMath.rawDivUp($0.int256("a"), $0.int256("b")))
        },
        BatchOp("sqrt", "y → floor square root of the raw integer y, uint256 (PMath.sqrt)") {
            result(PMath.sqrt(try $0.uint256("y")))
        },
        BatchOp("syToAsset", "index, amount → amount·index / 1e18, rounded down, uint256 (SYUtils.syToAsset)") {
            try result(SYUtils.syToAsset($0.uint256("index"), $0.uint256("amount")))
        },
        BatchOp("syToAssetUp", "index, amount → amount·index / 1e18, rounded up, uint256 (SYUtils.syToAssetUp)") {
            try result(SYUtils.syToAssetUp($0.uint256("index"), $0.uint256("amount")))
        },
        BatchOp("assetToSy", "index, amount → amount·1e18 / index, rounded down, uint256 (SYUtils.assetToSy)") {
            try result(SYUtils.assetToSy($0.uint256("index"), $0.uint256("amount")))
        },
        BatchOp("assetToSyUp", "index, amount → amount·1e18 / index, rounded up, uint256 (SYUtils.assetToSyUp)") {
            try result(SYUtils.assetToSyUp($0.uint256("index"), $0.uint256("amount")))
        },
        BatchOp("syToAsset_i", "index, amount → signed syToAsset, int256 amount, rounded toward zero (PYIndexLib)") {
            try result(SYUtils.syToAsset($0.uint256("index"), $0.int256("amount")))
        },
        BatchOp("assetToSy_i", "index, amount → signed assetToSy, int256 amount, rounded toward zero (PYIndexLib)") {
            try result(SYUtils.assetToSy($0.uint256("index"), $0.int256("amount")))
        },
        BatchOp("assetToSyUp_i", "index, amount → signed assetToSyUp, int256 amount, rounded away from zero (PYIndexLib)") {
            try result(SYUtils.assetToSyUp($0.uint256("index"), $0.int256("amount")))
        }
    ]

    private static func result(_ value: Int256) -> JSONObject { ["result": .wei(value)] }
    private static func result(_ value: UInt256) -> JSONObject { ["result": .wei(value)] }
}
