import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip wad`: tables (operands, result in wei and in units), JSON that is exactly the batch op's
/// answer, and errors.
@Suite struct WadCommandTests {
    @Test func mulTable() {
        #expect(
            yieldstrip("wad", "mul", "1.5", "2")
                == CLI.RunResult(
                    stdout: """
                        op            mulDown_i
                        a                             1.5
                        b                               2
                        result (wei)  3000000000000000000
                        result                          3

                        """, stderr: "", exitCode: 0))
    }

    @Test func mulJSONIsTheBatchAnswer() throws {
        let run = yieldstrip("wad", "mul", "1.5", "2", "--json")
        #expect(run == CLI.RunResult(stdout: #"{"result":"3000000000000000000"}"# + "\n", stderr: "", exitCode: 0))
        // The same request through batch answers exactly the same line.
        let batch = yieldstrip("batch", stdin: #"{"op":"mulDown_i","a":"1500000000000000000","b":"2000000000000000000"}"#)
        #expect(batch.stdout == run.stdout)
    }

    @Test func weiArguments() {
        #expect(yieldstrip("wad", "sqrt", "--wei", "16", "--json").stdout == #"{"result":"4"}"# + "\n")
        #expect(
            yieldstrip("wad", "divup", "--wei", "7", "2").stdout == """
                op            rawDivUp_i
                a                                7
                b                                2
                result (wei)                     4
                result        0.000000000000000004

                """)
    }

    @Test func lnExpAndRounding() {
        #expect(yieldstrip("wad", "ln", "2", "--json").stdout == #"{"result":"693147180559945309"}"# + "\n")
        #expect(yieldstrip("wad", "exp", "1").stdout.contains("\nresult        2.718281828459045235\n"))
        #expect(yieldstrip("wad", "mul", "-0.000000000000000003", "0.5", "--json").stdout == #"{"result":"-1"}"# + "\n")
        #expect(yieldstrip("wad", "div", "1", "3").stdout.contains("\nresult        0.333333333333333333\n"))
    }

    @Test func syConversions() {
        #expect(yieldstrip("wad", "sy-to-asset", "1.0123", "100", "--json").stdout == #"{"result":"101230000000000000000"}"# + "\n")
        #expect(
            yieldstrip("wad", "sy-to-asset", "1.0123", "100").stdout == """
                op            syToAsset_i
                index                        1.0123
                amount                          100
                result (wei)  101230000000000000000
                result                       101.23

                """)
        #expect(yieldstrip("wad", "sy-to-asset-up", "1.0123", "0.333333333333333333").stdout.contains("\nresult        0.337433333333333333\n"))
        #expect(yieldstrip("wad", "asset-to-sy", "1.0123", "-0.337433333333333332", "--json").stdout == #"{"result":"-333333333333333332"}"# + "\n")
        #expect(
            yieldstrip("wad", "asset-to-sy-up", "1.0123", "-0.337433333333333332", "--json").stdout == #"{"result":"-333333333333333333"}"# + "\n")
    }

    @Test func errors() {
        #expect(
            yieldstrip("wad", "ln", "0")
                == CLI.RunResult(
                    stdout: "", stderr: "Error: out of bounds: ln of a value ≤ 0; a proportion or rate reached zero, use a smaller trade\n",
                    exitCode: 1))
        #expect(
            yieldstrip("wad", "mul", "100000000000000000000000000000000000000000", "100000000000000000000000000000000000000000", "--json")
                == CLI.RunResult(
                    stdout: "",
                    stderr: "Error: Panic(0x11): arithmetic overflow; an input is too large for 256-bit fixed point, use smaller amounts\n",
                    exitCode: 1))
        #expect(
            yieldstrip("wad", "sqrt", "-4")
                == CLI.RunResult(
                    stdout: "",
                    stderr: """
                        Error: The value '-4' is invalid for '<y>': must be ≥ 0 (sqrt takes an unsigned value)
                        Usage: yieldstrip wad sqrt [--wei] [--json] <y>
                          See 'yieldstrip wad sqrt --help' for more information.

                        """, exitCode: 2))
        #expect(yieldstrip("wad", "sy-to-asset", "0", "1").exitCode == 0)
        #expect(yieldstrip("wad", "asset-to-sy", "0", "1").stderr.hasPrefix("Error: Panic(0x12)"))
    }

    /// An unsigned operand given negative is a usage error saying it must be ≥ 0 (not batch's `Overflow`).
    @Test func unsignedOperandsMustNotBeNegative() {
        let cases: [([String], String)] = [
            (["sqrt", "-4"], "<y>"), (["sqrt", "--wei", "-1"], "<y>"),
            (["sy-to-asset", "-1", "5"], "<index>"), (["sy-to-asset-up", "-1", "5"], "<index>"), (["sy-to-asset-up", "1", "-5"], "<amount>"),
            (["asset-to-sy", "-1", "5"], "<index>"), (["asset-to-sy-up", "-1", "5"], "<index>")
        ]
        for (arguments, name) in cases {
            expectFailure(
                CLI.run(arguments: ["wad"] + arguments), exitCode: 2,
                containing: "is invalid for '\(name)': must be ≥ 0 (\(arguments[0]) takes an unsigned value)")
        }
        // Signed operands stay signed.
        #expect(yieldstrip("wad", "sy-to-asset", "1", "-5", "--json").stdout == #"{"result":"-5000000000000000000"}"# + "\n")
        #expect(yieldstrip("wad", "sqrt", "0").exitCode == 0)
    }

    /// An unsigned operand takes what its batch op's `uint256` field takes: up to 2^256 − 1 wei (the int256
    /// bound, 2^255, does not apply), in wei or in units; one more is "too large" for uint256.
    @Test func unsignedOperandsTakeTheWholeUint256Range() {
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"  // 2^256 − 1
        let half = "57896044618658097711785492504343953926634992332820282019728792003956564819968"  // 2^255
        // floor √(2^256 − 1) = 2^128 − 1; floor √(2^255) (Python's math.isqrt).
        for (y, root) in [(max, "340282366920938463463374607431768211455"), (half, "240615969168004511545033772477625056927")] {
            let run = yieldstrip("wad", "sqrt", "--wei", y, "--json")
            #expect(run == CLI.RunResult(stdout: #"{"result":"\#(root)"}"# + "\n", stderr: "", exitCode: 0), "\(run)")
            #expect(run.stdout == BatchRunner().answer(toLine: #"{"op":"sqrt","y":"\#(y)"}"#) + "\n")
        }
        let units = "115792089237316195423570985008687907853269984665640564039457.584007913129639935"
        #expect(yieldstrip("wad", "sqrt", units, "--json").stdout == #"{"result":"340282366920938463463374607431768211455"}"# + "\n")
        let table = yieldstrip("wad", "sqrt", "--wei", max).stdout
        #expect(table.contains("\ny             \(max)\n") && table.hasSuffix(" 340282366920938463463.374607431768211455\n"), "\(table)")
        #expect(yieldstrip("wad", "sqrt", units).stdout.contains("\ny             \(units)\n"))
        // The other unsigned operands too: syToAssetUp's, and the index of the signed SY ops.
        #expect(yieldstrip("wad", "sy-to-asset-up", "--wei", max, "0", "--json").stdout == #"{"result":"0"}"# + "\n")
        #expect(yieldstrip("wad", "sy-to-asset", "--wei", half, "0", "--json").stdout == #"{"result":"0"}"# + "\n")
        #expect(yieldstrip("wad", "sy-to-asset-up", "--wei", max, "1", "--json").stderr.hasPrefix("Error: Panic(0x11)"))
        // Past uint256.
        let beyond = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
        expectFailure(
            yieldstrip("wad", "sqrt", "--wei", beyond), exitCode: 2,
            containing: "The value '\(beyond)' is invalid for '<y>': too large: beyond the uint256 range (2^256 − 1 wei, about 1.16e77)")
        expectFailure(
            yieldstrip("wad", "sqrt", "115792089237316195423570985008687907853269984665640564039457.584007913129639936"), exitCode: 2,
            containing: "too large: beyond the uint256 range of 18-decimal values (about 1.16e59)")
        expectFailure(yieldstrip("wad", "sqrt", "1e60"), exitCode: 2, containing: "too large: beyond the uint256 range of 18-decimal values")
        expectFailure(yieldstrip("wad", "sqrt", "--wei", "1.5"), exitCode: 2, containing: "expected an integer of wei")
        expectFailure(yieldstrip("wad", "sqrt", "-" + beyond), exitCode: 2, containing: "must be ≥ 0 (sqrt takes an unsigned value)")
        #expect(yieldstrip("wad", "sqrt", "-0", "--json").stdout == #"{"result":"0"}"# + "\n")
    }

    /// A number of the right form that does not fit is "too large", not malformed.
    @Test func tooLargeIsNotMalformed() {
        let huge = String(repeating: "9", count: 62)
        let cases: [([String], String)] = [
            (["mul", huge, "1"], "too large: beyond the int256 range of 18-decimal values"),
            (["mul", "-" + huge, "1"], "too large: beyond the int256 range of 18-decimal values"),
            (["mul", "1e400", "1"], "too large: beyond the int256 range of 18-decimal values"),
            (["mul", "--wei", String(repeating: "9", count: 80), "1"], "too large: beyond the int256 range (±2^255 wei"),
            (["mul", "abc", "1"], "expected a decimal number with at most 18 fractional digits"),
            (["mul", "1e3", "1"], "expected a decimal number with at most 18 fractional digits, written without an exponent"),
            (["mul", "0.0000000000000000001", "1"], "expected a decimal number with at most 18 fractional digits (it has 19;"),
            (["mul", "--wei", "1.5", "1"], "expected an integer of wei")
        ]
        for (arguments, reason) in cases {
            expectFailure(CLI.run(arguments: ["wad"] + arguments), exitCode: 2, containing: "is invalid for '<a>': \(reason)")
        }
    }

    /// Every operation's `--json` is exactly its batch op's answer line for the same operands.
    @Test func everyOperationRunsItsBatchOp() {
        for operation in WadOperationCommand.all {
            #expect(BatchOpRegistry.standard.op(named: operation.batchOp) != nil, "\(operation.name)")
            let operands = operation.arguments.map { _ in "1" }
            let run = CLI.run(arguments: ["wad", operation.name, "--json"] + operands)
            var request: JSONObject = ["op": .string(operation.batchOp)]
            for spec in operation.arguments { request.append(spec.name, .string("1000000000000000000")) }
            #expect(run.exitCode == 0 && run.stdout == BatchRunner().answer(toLine: request.jsonText) + "\n", "\(operation.name): \(run)")
            #expect(run.stdout.hasPrefix(#"{"result":"#), "\(operation.name)")
        }
    }
}
