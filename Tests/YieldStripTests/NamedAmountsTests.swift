import Testing
import YieldStripMath

@testable import YieldStrip

/// ``NamedAmounts``: a swap's and a liquidity operation's amounts, in order, by position and by name.
@Suite struct NamedAmountsTests {
    @Test func namesAndValuesInOrder() throws {
        let amounts: NamedAmounts<Double> = [("netPtOut", 5), ("netSyIn", 4.5), ("netSyFee", 0.01)]
        #expect(amounts.count == 3)
        #expect(amounts.map(\.name) == ["netPtOut", "netSyIn", "netSyFee"])
        #expect(amounts[1].value == 4.5)
        #expect(amounts["netSyFee"] == 0.01)
        #expect(amounts["netYtOut"] == nil)
        // A swap's six inline slots keep only its kind's names.
        let swap = NamedAmounts<Double>(names: ["a", "b"], values: [1, 2, 0, 0, 0, 0])
        #expect(swap.count == 2 && swap["b"] == 2)
    }
}
