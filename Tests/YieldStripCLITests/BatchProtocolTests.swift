import Testing
import YieldStrip

@testable import YieldStripBatch
@testable import YieldStripCLI

/// The JSON Lines protocol: id echo, one answer per line in order (blank lines included), error answers.
@Suite struct BatchProtocolTests {
    func batch(_ lines: String...) -> CLI.RunResult {
        yieldstrip("batch", stdin: lines.joined(separator: "\n") + "\n")
    }

    func answers(_ lines: String...) -> [String] {
        let result = yieldstrip("batch", stdin: lines.joined(separator: "\n"))
        #expect(result.exitCode == 0 && result.stderr.isEmpty)
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func idIsEchoedExactly() {
        let x = #""x":"2000000000000000000""#
        #expect(
            answers(
                #"{"op":"ln","id":7,"# + x + "}",
                #"{"op":"ln","id":"req-1","# + x + "}",
                #"{"op":"ln","id":null,"# + x + "}",
                #"{"op":"ln","id":{"batch":[1,2.50,-3e7],"tag":"é"},"# + x + "}",
                #"{"op":"ln","# + x + "}",
                #"{"id":115792089237316195423570985008687907853269984665640564039457584007913129639936,"op":"ln","# + x + "}"
            ) == [
                #"{"id":7,"result":"693147180559945309"}"#,
                #"{"id":"req-1","result":"693147180559945309"}"#,
                #"{"id":null,"result":"693147180559945309"}"#,
                #"{"id":{"batch":[1,2.50,-3e7],"tag":"é"},"result":"693147180559945309"}"#,
                #"{"result":"693147180559945309"}"#,
                #"{"id":115792089237316195423570985008687907853269984665640564039457584007913129639936,"result":"693147180559945309"}"#
            ])
    }

    @Test func badLinesAreAnsweredInOrderAndTheBatchGoesOn() {
        let result = batch(
            #"{"op":"mulDown_u","id":1,"a":"3","b":"500000000000000000"}"#,
            "",
            #"{"op":"ln","id":2"#,
            "   \t",
            "[1,2]",
            #"{"op":"nope","id":3}"#,
            #"{"id":4,"a":"1"}"#,
            #"{"op":"ln","id":5}"#,
            #"{"op":"ln","id":6,"x":true}"#,
            #"{"op":"ln","id":7,"x":"0"}"#,
            #"{"op":"divDown_i","id":8,"a":"1","b":"0"}"#,
            #"{"op":"sqrt","id":9,"y":16}"#
        )
        #expect(result.exitCode == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                {"id":1,"result":"1"}
                {"error":"BadRequest","errorArgs":[],"message":"empty line; every line must hold one JSON request (each line gets an answer, so answers pair with requests by position)"}
                {"error":"BadRequest","errorArgs":[],"message":"malformed JSON at byte 17: unterminated object starting at byte 0"}
                {"error":"BadRequest","errorArgs":[],"message":"empty line; every line must hold one JSON request (each line gets an answer, so answers pair with requests by position)"}
                {"error":"BadRequest","errorArgs":[],"message":"a request must be a JSON object; got an array"}
                {"id":3,"error":"BadRequest","errorArgs":["op"],"message":"unknown op 'nope'; 'yieldstrip batch --list' lists the ops"}
                {"id":4,"error":"BadRequest","errorArgs":["op"],"message":"missing field 'op' (the name of the operation, a string)"}
                {"id":5,"error":"BadRequest","errorArgs":["x"],"message":"missing field 'x' (an int256: a decimal string of wei or a JSON integer)"}
                {"id":6,"error":"BadRequest","errorArgs":["x"],"message":"field 'x' must be an int256: a decimal string of wei or a JSON integer; got true"}
                {"id":7,"error":"out of bounds","errorArgs":[],"message":"out of bounds: ln of a value ≤ 0; a proportion or rate reached zero, use a smaller trade"}
                {"id":8,"error":"Panic(0x12)","errorArgs":[],"message":"Panic(0x12): division by zero; a divisor (index, reserve or rate) is zero, give it a positive value"}
                {"id":9,"result":"4"}

                """)
    }

    @Test func overflowingIntegers() {
        let max = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        let beyond = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
        #expect(
            answers(
                #"{"op":"mulDown_u","id":1,"a":"\#(max)","b":"1"}"#,
                #"{"op":"mulDown_u","id":2,"a":"\#(beyond)","b":"1"}"#,
                #"{"op":"mulDown_u","id":3,"a":\#(beyond),"b":"1"}"#,
                #"{"op":"mulDown_i","id":4,"a":"\#(max)","b":"1"}"#,
                #"{"op":"mulDown_u","id":5,"a":"-1","b":"1"}"#,
                #"{"op":"mulDown_i","id":6,"a":"-57896044618658097711785492504343953926634992332820282019728792003956564819968","b":"0"}"#
            ) == [
                #"{"id":1,"result":"115792089237316195423570985008687907853269984665640564039457"}"#,
                #"{"id":2,"error":"Overflow","errorArgs":["a"],"message":"field 'a' is outside the 256-bit integer range: \"\#(beyond)\""}"#,
                #"{"id":3,"error":"Overflow","errorArgs":["a"],"message":"field 'a' is outside the 256-bit integer range: \#(beyond)"}"#,
                #"{"id":4,"error":"Overflow","errorArgs":["a"],"message":"field 'a' is outside the int256 range (-2^255 to 2^255 - 1): \"\#(max)\""}"#,
                #"{"id":5,"error":"Overflow","errorArgs":["a"],"message":"field 'a' is outside the uint256 range (0 to 2^256 - 1): \"-1\""}"#,
                #"{"id":6,"result":"0"}"#
            ])
    }

    @Test func longValuesAreShortenedInMessages() {
        let digits = String(repeating: "9", count: 100)
        #expect(
            answers(#"{"op":"ln","x":"\#(digits)"}"#) == [
                #"{"error":"Overflow","errorArgs":["x"],"message":"field 'x' is outside the 256-bit integer range: \"\#(digits.prefix(76))..."}"#
            ])
    }

    @Test func malformedIntegers() {
        let lines = ["\"1.5\"", "1.5", "1e18", "\"1e18\"", "\"\"", "\"-\"", "\" 1\"", "\"+1\"", "\"0x10\"", "[1]", "null"].map {
            #"{"op":"ln","x":\#($0)}"#
        }
        let result = yieldstrip("batch", stdin: lines.joined(separator: "\n"))
        let answers = result.stdout.split(separator: "\n")
        #expect(answers.count == lines.count)
        for answer in answers.dropLast() {
            #expect(answer.hasPrefix(#"{"error":"BadRequest","errorArgs":["x"],"message":"field 'x' must be an int256"#), "\(answer)")
        }
        #expect(
            answers.last
                == #"{"error":"BadRequest","errorArgs":["x"],"message":"missing field 'x' (an int256: a decimal string of wei or a JSON integer)"}"#)
    }

    @Test func duplicateFieldsAreRejected() {
        #expect(
            answers(#"{"op":"ln","id":1,"x":"1","x":"2"}"#)
                == [#"{"id":1,"error":"BadRequest","errorArgs":["x"],"message":"field 'x' occurs more than once; give each field once"}"#])
    }

    @Test func lastLineWithoutNewlineAndCRLF() {
        #expect(
            yieldstrip("batch", stdin: "{\"op\":\"sqrt\",\"y\":\"9\"}\r\n{\"op\":\"sqrt\",\"y\":\"16\"}").stdout
                == "{\"result\":\"3\"}\n{\"result\":\"4\"}\n")
        #expect(yieldstrip("batch", stdin: "") == CLI.RunResult(stdout: "", stderr: "", exitCode: 0))
    }

    @Test func linesStraddlingReadsAreReassembled() {
        let lines = (0..<200).map { #"{"op":"sqrt","id":\#($0),"y":"\#($0 * $0)"}"# }
        let input = lines.joined(separator: "\n") + "\n"
        for chunkSize in [1, 7, 64, 4096] {
            let output = MemorySink()
            BatchRunner().run(input: MemorySource(input, chunkSize: chunkSize), output: output)
            let expected = (0..<200).map { #"{"id":\#($0),"result":"\#($0)"}"# }.joined(separator: "\n") + "\n"
            #expect(output.text == expected, "chunk size \(chunkSize)")
        }
    }

    /// Every line gets an answer, so answers pair with requests by position: a blank line is a
    /// `BadRequest`; the last line needs no newline; a final newline starts no line; a UTF-8 byte order
    /// mark at the start of the stream is ignored (elsewhere it is not JSON).
    @Test func everyLineIsAnsweredInPosition() {
        let empty = #"{"error":"BadRequest","errorArgs":[],"message":"\#(BatchRunner.emptyLineReason)"}"#
        let sqrt9 = #"{"op":"sqrt","y":"9"}"#
        let notJSON = #"{"error":"BadRequest","errorArgs":[],"message":"malformed JSON at byte 0: unexpected byte 0xEF, expected a value"}"#
        let cases: [(input: String, answers: [String])] = [
            ("", []),
            ("\n", [empty]),
            ("\r\n", [empty]),
            ("  \t", [empty]),
            (sqrt9, [#"{"result":"3"}"#]),
            (sqrt9 + "\n", [#"{"result":"3"}"#]),
            (sqrt9 + "\n\n", [#"{"result":"3"}"#, empty]),
            ("\n" + sqrt9 + "\n \n" + sqrt9, [empty, #"{"result":"3"}"#, empty, #"{"result":"3"}"#]),
            ("\u{FEFF}" + sqrt9 + "\n" + sqrt9 + "\n", [#"{"result":"3"}"#, #"{"result":"3"}"#]),
            ("\u{FEFF}", []),
            ("\u{FEFF}\n", [empty]),
            ("\u{FEFF}\u{FEFF}" + sqrt9, [notJSON]),
            (sqrt9 + "\n\u{FEFF}" + sqrt9, [#"{"result":"3"}"#, notJSON])
        ]
        for (input, answers) in cases {
            for chunkSize in [1, 2, 3, 5, 1 << 16] {
                let output = MemorySink()
                BatchRunner().run(input: MemorySource(input, chunkSize: chunkSize), output: output)
                let expected = answers.map { $0 + "\n" }.joined()
                #expect(output.text == expected, "\(input.debugDescription), chunk \(chunkSize)")
            }
        }
        #expect(yieldstrip("batch", stdin: "\n\n\n").stdout.split(separator: "\n").count == 3)
    }

    @Test func answerToLine() {
        let runner = BatchRunner()
        #expect(runner.answer(toLine: "  ") == #"{"error":"BadRequest","errorArgs":[],"message":"\#(BatchRunner.emptyLineReason)"}"#)
        #expect(runner.answer(toLine: #"{"op":"exp","x":"0"}"#) == #"{"result":"1000000000000000000"}"#)
    }

    @Test func list() {
        let table = yieldstrip("batch", "--list")
        #expect(table.exitCode == 0)
        #expect(table.stdout.hasPrefix("ops\n  name "))
        #expect(table.stdout.contains("\n  mulDown_u  "))
        #expect(table.stdout.contains("a, b → a·b / 1e18, rounded down, uint256 (PMath.mulDown)\n"))
        let json = yieldstrip("batch", "--list", "--json")
        #expect(json.stdout.hasPrefix(#"{"ops":[{"name":"ln","summary":"x → ln(x), wad, int256 (LogExpMath.ln); 'out of bounds' for x ≤ 0"},"#))
        #expect(json.stdout.hasSuffix("]}\n"))
    }

    @Test func registryNamesAreUnique() {
        let names = BatchOpRegistry.standard.ops.map(\.name)
        #expect(Set(names).count == names.count)
        // Every op of the reference vectors is answered.
        let vectorOps = [
            "ln", "exp", "mulDown_u", "mulDown_i", "divDown_u", "divDown_i", "rawDivUp_u", "rawDivUp_i", "sqrt",
            "syToAsset", "syToAssetUp", "assetToSy", "assetToSyUp", "syToAsset_i", "assetToSy_i", "assetToSyUp_i",
            "getMarketPreCompute", "setInitialLnImpliedRate", "executeTradeCore", "addLiquidityCore",
            "removeLiquidityCore", "swapExactSyForPt", "swapExactPtForSy", "swapExactSyForYt", "swapExactYtForSy"
        ]
        #expect(Set(vectorOps).isSubset(of: Set(names)), "missing: \(Set(vectorOps).subtracting(names).sorted())")
    }

    @Test func handlerErrorsThatAreNotDomainErrors() {
        struct Oops: Error {}
        let runner = BatchRunner(registry: BatchOpRegistry([BatchOp("boom", "Always fails.") { _ in throw Oops() }]))
        #expect(
            runner.answer(toLine: #"{"op":"boom","id":1}"#)
                == #"{"id":1,"error":"InternalError","errorArgs":[],"message":"internal error: Oops()"}"#)
    }
}
