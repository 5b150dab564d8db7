import Testing
import YieldStripMath

/// Every case of `logexp.json` and `pmath.json` (Pendle V2's LogExpMath, PMath and SYUtils, computed by a
/// transliteration of the contracts and cross-checked on an EVM): results and revert names, 0 mismatches.
@Suite struct MathVectorTests {
    static func evaluate(_ c: VectorCase) -> Result<String, PendleError> {
        do throws(PendleError) {
            switch c.op! {
            case "ln": return .success(try LogExpMath.ln(c.int256("x")).description)
            case "exp": return .success(try LogExpMath.exp(c.int256("x")).description)
            case "mulDown_u": return .success(try PMath.mulDown(c.uint256("a"), c.uint256("b")).description)
            case "mulDown_i": return .success(try PMath.mulDown(c.int256("a"), c.int256("b")).description)
            case "divDown_u": return .success(try PMath.divDown(c.uint256("a"), c.uint256("b")).description)
            case "divDown_i": return .success(try PMath.divDown(c.int256("a"), c.int256("b")).description)
            case "rawDivUp_u": return .success(try PMath.rawDivUp(c.uint256("a"), c.uint256("b")).description)
            case "rawDivUp_i": return .success(try PMath.rawDivUp(c.int256("a"), c.int256("b")).description)
            case "sqrt": return .success(PMath.sqrt(c.uint256("y")).description)
            case "syToAsset": return .success(try SYUtils.syToAsset(c.uint256("index"), c.uint256("amount")).description)
            case "syToAssetUp": return .success(try SYUtils.syToAssetUp(c.uint256("index"), c.uint256("amount")).description)
            case "assetToSy": return .success(try SYUtils.assetToSy(c.uint256("index"), c.uint256("amount")).description)
            case "assetToSyUp": return .success(try SYUtils.assetToSyUp(c.uint256("index"), c.uint256("amount")).description)
            case "syToAsset_i": return .success(try SYUtils.syToAsset(c.uint256("index"), c.int256("amount")).description)
            case "assetToSy_i": return .success(try SYUtils.assetToSy(c.uint256("index"), c.int256("amount")).description)
            case "assetToSyUp_i": return .success(try SYUtils.assetToSyUp(c.uint256("index"), c.int256("amount")).description)
            default:
                Issue.record("unknown op \(c.op!)")
                return .success("")
            }
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: ["logexp", "pmath"])
    func everyCaseMatches(file: String) throws {
        let cases = try Vectors.load(file)
        #expect(cases.count == 450)
        var mismatches: [String] = []
        for (i, c) in cases.enumerated() {
            switch (Self.evaluate(c), c.expectedError) {
            case (.success(let got), nil):
                if got != "\(c.expected["result"]!)" { mismatches.append("#\(i) \(c.op!) \(c.input): got \(got), expected \(c.expected["result"]!)") }
            case (.failure(let error), let expected?):
                if error.errorName != expected { mismatches.append("#\(i) \(c.op!): error \(error.errorName), expected \(expected)") }
            case (.success(let got), let expected?):
                mismatches.append("#\(i) \(c.op!) \(c.input): got \(got), expected error \(expected)")
            case (.failure(let error), nil):
                mismatches.append("#\(i) \(c.op!) \(c.input): error \(error.errorName), expected \(c.expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}
