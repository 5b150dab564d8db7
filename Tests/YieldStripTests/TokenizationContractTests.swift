import Foundation
import Testing
import YieldStrip

/// Mint and redeem with the contract's rounding, post-expiry redemption split between holder and treasury,
/// the ledger's order of effects, and the value identity PT + YT = SY.
@Suite struct TokenizationContractTests {
    func wei(_ s: String) -> Wad { Wad(raw: Int256(s)!) }

    @Test func mintAndRedeemRoundingOneWei() throws {
        // 1 wei of SY at index 1.5: mints floor(1.5) = 1 wei of PY; redeeming it gives floor(1/1.5) = 0 SY.
        let mint = try YieldContractMath.mintPy(amountSy: wei("1"), pyIndex: wei("1500000000000000000"))
        #expect(mint.amountPy == wei("1"))
        let back = try YieldContractMath.redeemPy(amountPy: mint.amountPy, pyIndex: wei("1500000000000000000"))
        #expect(back.amountSy == .zero && back.syToTreasury == .zero)
        // Index one wei above 1: 1 wei → 1 wei → 0 wei.
        #expect(try YieldContractMath.mintPy(amountSy: wei("1"), pyIndex: wei("1000000000000000001")).amountPy == wei("1"))
        #expect(try YieldContractMath.redeemPy(amountPy: wei("1"), pyIndex: wei("1000000000000000001")).amountSy == .zero)
    }

    @Test func mintAndRedeemRoundingArbitraryWeiIndexes() throws {
        // 333.333… SY at 1.000000000000000007: PY = 333333333333333333333 + floor(2333.33) wei.
        let a = try YieldContractMath.mintPy(amountSy: wei("333333333333333333333"), pyIndex: wei("1000000000000000007"))
        #expect(a.amountPy == wei("333333333333333335666"))
        #expect(
            try YieldContractMath.redeemPy(amountPy: a.amountPy, pyIndex: wei("1000000000000000007")).amountSy
                == wei("333333333333333333332"))
        let b = try YieldContractMath.mintPy(amountSy: wei("12345678901234567890"), pyIndex: wei("1987654321098765432"))
        #expect(b.amountPy == wei("24538942014936747411"))
        #expect(
            try YieldContractMath.redeemPy(amountPy: b.amountPy, pyIndex: wei("1987654321098765432")).amountSy
                == wei("12345678901234567889"))
        let c = try YieldContractMath.mintPy(amountSy: .one, pyIndex: wei("1234567890123456789"))
        #expect(c.amountPy == wei("1234567890123456789"))
        #expect(try YieldContractMath.redeemPy(amountPy: c.amountPy, pyIndex: wei("1234567890123456789")).amountSy == .one)
    }

    @Test func postExpirySplitBetweenHolderAndTreasury() throws {
        // 100 PT, firstPYIndex 1.1 (+123 wei), current index 1.2 (+456 wei).
        let r = try YieldContractMath.redeemPy(
            amountPy: Wad(units: 100), pyIndex: wei("1200000000000000456"),
            firstPYIndex: wei("1100000000000000123"), expired: true)
        #expect(r.amountSy == wei("83333333333333301666"))
        #expect(r.syToTreasury == wei("7575757575757597259"))
        // The holder's SY is worth exactly the 100 assets PT promised (up to the floor); the treasury's part
        // is the growth from 1.1 to 1.2.
        #expect(abs(r.amountSy.doubleValue * 1.2 - 100) < 1e-12)
        #expect(abs(r.syToTreasury.doubleValue - (100 / 1.1 - 100 / 1.2)) < 1e-12)
        // First touch after expiry: firstPYIndex = current index, nothing to the treasury.
        let first = try YieldContractMath.redeemPy(amountPy: Wad(units: 100), pyIndex: wei("1200000000000000456"), expired: true)
        #expect(first.firstPYIndex == wei("1200000000000000456") && first.syToTreasury == .zero)
        // firstPYIndex above the current index cannot happen on chain: the treasury part underflows.
        #expect(throws: PendleError.arithmeticOverflow) {
            try YieldContractMath.redeemPy(
                amountPy: Wad(units: 100), pyIndex: wei("1100000000000000000"),
                firstPYIndex: wei("1200000000000000000"), expired: true)
        }
    }

    @Test func mintAndRedeemErrors() {
        #expect(throws: PendleError.yieldContractExpired(expiry: nil, time: nil)) {
            try YieldContractMath.mintPy(amountSy: Wad.one, pyIndex: .one, expired: true)
        }
        #expect(throws: TokenizationError.noFloatingSy) { try YieldContractMath.mintPy(amountSy: Wad.zero, pyIndex: .one) }
        #expect(throws: TokenizationError.negativeAmount(line: 0, field: "amountSy", value: "-1")) {
            try YieldContractMath.mintPy(amountSy: Wad(units: -1), pyIndex: .one)
        }
        #expect(throws: TokenizationError.nonPositiveExchangeRate(line: 0, field: "pyIndex", value: "0")) {
            try YieldContractMath.mintPy(amountSy: Wad.one, pyIndex: .zero)
        }
        #expect(throws: TokenizationError.firstPYIndexBeforeExpiry) {
            try YieldContractMath.redeemPy(amountPy: Wad.one, pyIndex: .one, firstPYIndex: .one, expired: false)
        }
        let e = TokenizationError.noFloatingSy
        #expect(e.errorName == "YCNoFloatingSy")
        #expect(PendleError.yieldContractExpired(expiry: nil, time: nil).errorName == "YCExpired")
    }

    /// The ledger: mint, interest, post-expiry freeze at the first touch, PT-only redemption, treasury.
    @Test func ledgerLifecycle() throws {
        func w(_ s: String) -> Wad { Wad(decimal: s)! }
        var ledger = try YieldContractLedger<Wad>(expiry: 1_000, interestFeeRate: w("0.03"))
        let py = try ledger.mint(amountSy: w("100"), syExchangeRate: w("1.0"), at: 0)
        #expect(py == w("100"))
        // Index 1.0 → 1.1 → 1.05 (falls: the PY index stays 1.1) → 1.2 at expiry (first touch: frozen) → 1.32.
        #expect(try ledger.touch(syExchangeRate: w("1.1"), at: 100) == w("1.1"))
        #expect(try ledger.touch(syExchangeRate: w("1.05"), at: 200) == w("1.1"))
        #expect(throws: PendleError.yieldContractExpired(expiry: 1_000, time: 1_000)) {
            try ledger.mint(amountSy: w("1"), syExchangeRate: w("1.2"), at: 1_000)
        }
        #expect(try ledger.touch(syExchangeRate: w("1.2"), at: 1_000) == w("1.2"))
        #expect(ledger.firstPYIndex == w("1.2"))
        let collected = try ledger.collectInterest(syExchangeRate: w("1.32"), at: 2_000)
        // YT interest stops at 1.2: 100 · (1 − 1/1.2) = 16.666… SY (floor), fee 3 %.
        #expect(collected.accrued == wei("16666666666666666666"))
        #expect(collected.fee == wei("499999999999999999"))
        #expect(collected.paid == wei("16166666666666666667"))
        // PT alone redeems after expiry: 100 / 1.32 SY to the holder, 100/1.2 − 100/1.32 to the treasury.
        let r = try ledger.redeem(amountPy: w("100"), syExchangeRate: w("1.32"), at: 3_000)
        #expect(r.amountSy == wei("75757575757575757575"))
        #expect(r.syToTreasury == wei("7575757575757575758"))
        #expect(ledger.ptBalance == .zero && ledger.ytBalance == w("100"))
        #expect(ledger.treasuryPostExpirySy == r.syToTreasury && ledger.treasuryInterestFees == collected.fee)
        #expect(throws: TokenizationError.insufficientBalance(token: "PT", balance: "0", requested: "1")) {
            try ledger.redeem(amountPy: w("1"), syExchangeRate: w("1.32"), at: 3_000)
        }
    }

    /// Before expiry, redeeming PT + YT distributes the holder's interest first, then burns both.
    @Test func ledgerRedeemBeforeExpiry() throws {
        var ledger = try YieldContractLedger<Double>(expiry: 1_000, interestFeeRate: 0)
        _ = try ledger.mint(amountSy: 10, syExchangeRate: 2, at: 0)  // 20 PY at 2.0
        let r = try ledger.redeem(amountPy: 20, syExchangeRate: 2.5, at: 10)
        #expect(abs(r.amountSy - 8) < 1e-12)
        #expect(ledger.ytBalance == 0 && ledger.ptBalance == 0)
        let c = try ledger.collectInterest(syExchangeRate: 2.5, at: 20)
        #expect(abs(c.paid - 20 * (1 / 2.0 - 1 / 2.5)) < 1e-12)  // 2 SY: with the 8 SY, the 10 SY put in
        #expect(throws: TokenizationError.insufficientBalance(token: "PT", balance: "0.0", requested: "1.0")) {
            try ledger.redeem(amountPy: 1, syExchangeRate: 2.5, at: 30)
        }
    }

    /// Property: minting at any index, PT + YT are worth the SY in asset, `amountPy = syToAsset(index, sy)`,
    /// to within one wei; redeeming the pair returns the SY less at most ceil(1e18 / index) wei.
    @Test func propertyPtPlusYtEqualsSy() throws {
        var rng = SplitMix64(seed: 0x7E57_0002)
        for _ in 0..<2_000 {
            let index = Wad(raw: Int256(Int64(1_000_000_000_000_000_000 + rng.next() % 4_000_000_000_000_000_000)))
            let sy = Wad(raw: Int256(Int64(1 + rng.next() % 1_000_000_000_000_000_000)) &* Int256(Int64(1 + rng.next() % 1000)))
            let py = try YieldContractMath.mintPy(amountSy: sy, pyIndex: index).amountPy
            // Exact: py = floor(sy · index / 1e18), so sy · index − py · 1e18 ∈ [0, 1e18).
            let product = sy.raw.bits.multipliedFullWidth(by: index.raw.bits)
            #expect(product.high.isZero)
            let remainder = try PMath.sub(product.low, PMath.mul(py.raw.bits, PMath.one))
            #expect(remainder < PMath.one)
            let back = try YieldContractMath.redeemPy(amountPy: py, pyIndex: index).amountSy
            #expect(back <= sy)
            let maxLoss = Int256((1_000_000_000_000_000_000 + index.raw.int64Value! - 1) / index.raw.int64Value!)
            #expect((try sy - back).raw <= maxLoss)
            // Double: the identity holds to rounding error.
            let d = try YieldContractMath.mintPy(amountSy: sy.doubleValue, pyIndex: index.doubleValue)
            #expect(abs(d.amountPy - sy.doubleValue * index.doubleValue) <= 1e-15 * d.amountPy)
        }
    }
}
