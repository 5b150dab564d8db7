import YieldStrip
import YieldStripJSON

/// One `yieldstrip wad` operation: reads its operands as wads and runs the batch op of the same
/// calculation; `--json` prints that op's answer, the table also the operands and the result in units.
struct WadOperationCommand: ParsableCommand {
    let name: String
    /// The batch op that computes the result.
    let batchOp: String
    let abstract: String
    let discussion: String
    let arguments: [ArgumentSpec]
    /// `--wei` (the operands read as integers of wei) and `--json`; the operands are the command's arguments.
    struct Options: ParsableOptions {
        static let specs = [WadOperationCommand.wei, CommonOptions.json]

        let readsWei: Bool
        let json: Bool

        init(parsing invocation: Invocation) throws {
            readsWei = invocation.flag(WadOperationCommand.wei.name)
            json = invocation.flag(CommonOptions.json.name)
        }
    }

    static let wei = OptionSpec.flag("wei", help: "Read the arguments as raw wei integers instead of decimal units.")

    /// The arguments the batch op takes as `uint256`: read as unsigned values up to 2^256 − 1 wei, as the
    /// batch op reads them; a negative value is a usage error.
    var unsignedArguments: Set<String> {
        switch batchOp {
        case "sqrt": return ["y"]
        case "syToAssetUp": return ["index", "amount"]
        case "syToAsset_i", "assetToSy_i", "assetToSyUp_i": return ["index"]
        default: return []
        }
    }

    /// An operand as read: its wei (a decimal integer, as the batch op receives it) and its value in units.
    struct Operand {
        let wei: String
        let units: String

        init(_ value: Wad) {
            wei = value.weiDescription
            units = value.description
        }

        init(unsigned wei: UInt256) {
            self.wei = wei.description
            units = ValueText.units(ofWei: wei)
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        let readsWei = options.readsWei
        let unsigned = unsignedArguments
        var operands: [Operand] = []
        for spec in arguments {
            if unsigned.contains(spec.name) {
                let value = try invocation.parse(argument: spec.name) { text in
                    ValueText.unsigned(text, inWei: readsWei, negative: "must be ≥ 0 (\(name) takes an unsigned value)")
                }
                operands.append(Operand(unsigned: value))
            } else {
                operands.append(Operand(try invocation.parse(argument: spec.name) { ValueText.wad($0, inWei: readsWei) }))
            }
        }
        return .report(try report(operands, showingWei: readsWei))
    }

    /// The op on `operands` (one per argument, signed wads).
    func report(_ operands: [Wad], showingWei: Bool) throws -> Report {
        try report(operands.map(Operand.init), showingWei: showingWei)
    }

    /// The op on `operands` (one per argument). The JSON is exactly the batch op's answer
    /// (`{"result": "<wei>"}`); the table also shows the op, the operands (in units, or in wei when
    /// `showingWei`) and the result in units.
    func report(_ operands: [Operand], showingWei: Bool) throws -> Report {
        var report = Report()
        var request: JSONObject = ["op": .string(batchOp)]
        report.appendTableOnly("op", .string(batchOp))
        for (spec, operand) in zip(arguments, operands) {
            request.append(spec.name, .string(operand.wei))
            report.appendTableOnly(spec.name, .string(operand.wei), display: showingWei ? operand.wei : operand.units)
        }
        guard let op = BatchOpRegistry.standard.op(named: batchOp) else {
            throw InternalError("wad \(name) names no batch op '\(batchOp)'")
        }
        let answer = try op.handler(BatchRequest(request))
        for member in answer.members {
            report.append(member.key, member.value, label: member.key == "result" ? "result (wei)" : nil)
        }
        if case .string(let wei)? = answer["result"], let units = ValueText.units(ofWeiText: wei) {
            report.appendTableOnly("resultUnits", .string(units), label: "result")
        }
        return report
    }
}

extension WadOperationCommand {
    /// The operations, in help order.
    static let all: [WadOperationCommand] = [
        WadOperationCommand(
            name: "ln", batchOp: "ln",
            abstract: "Natural logarithm of a wad (LogExpMath.ln).",
            discussion: "Reverts with 'out of bounds' for x ≤ 0. Batch op: ln.",
            arguments: [ArgumentSpec("x", help: "The argument, greater than 0.")]),
        WadOperationCommand(
            name: "exp", batchOp: "exp",
            abstract: "e raised to a wad (LogExpMath.exp).",
            discussion: "Reverts with 'Invalid exponent' outside [-41, 130]. Batch op: exp.",
            arguments: [ArgumentSpec("x", help: "The exponent, from -41 to 130.")]),
        WadOperationCommand(
            name: "mul", batchOp: "mulDown_i",
            abstract: "a · b / 1e18, truncated toward zero (PMath.mulDown).",
            discussion: "Signed: a negative result rounds up, toward zero. Batch op: mulDown_i.",
            arguments: [ArgumentSpec("a", help: "The first factor."), ArgumentSpec("b", help: "The second factor.")]),
        WadOperationCommand(
            name: "div", batchOp: "divDown_i",
            abstract: "a · 1e18 / b, truncated toward zero (PMath.divDown).",
            discussion: "Signed: a negative result rounds up, toward zero. Batch op: divDown_i.",
            arguments: [ArgumentSpec("a", help: "The dividend."), ArgumentSpec("b", help: "The divisor, not 0.")]),
        WadOperationCommand(
            name: "divup", batchOp: "rawDivUp_i",
            abstract: "(a + b − 1) / b on the raw wei integers (PMath.rawDivUp).",
            discussion: """
                No 1e18 scaling, as in the contract: divup 3 2 is (3e18 + 2e18 − 1) / 2e18,
                that is 2 wei. Use --wei to divide integers of wei. Batch op: rawDivUp_i.
                """,
            arguments: [ArgumentSpec("a", help: "The dividend."), ArgumentSpec("b", help: "The divisor, not 0.")]),
        WadOperationCommand(
            name: "sqrt", batchOp: "sqrt",
            abstract: "Floor square root of the raw wei integer (PMath.sqrt).",
            discussion: """
                No 1e18 scaling, as in the contract: sqrt 4 reads 4e18 wei and gives
                2000000000 wei. Use --wei for integer square roots (sqrt --wei 16 is 4).
                Batch op: sqrt.
                """,
            arguments: [ArgumentSpec("y", help: "The radicand, 0 or more.")]),
        WadOperationCommand(
            name: "sy-to-asset", batchOp: "syToAsset_i",
            abstract: "SY to asset: amount · index / 1e18, toward zero (SYUtils).",
            discussion: "Batch op: syToAsset_i.",
            arguments: syArguments(amount: "The SY amount.")),
        WadOperationCommand(
            name: "sy-to-asset-up", batchOp: "syToAssetUp",
            abstract: "SY to asset: amount · index / 1e18, rounded up (SYUtils).",
            discussion: "Unsigned: amount must be 0 or more. Batch op: syToAssetUp.",
            arguments: syArguments(amount: "The SY amount, 0 or more.")),
        WadOperationCommand(
            name: "asset-to-sy", batchOp: "assetToSy_i",
            abstract: "Asset to SY: amount · 1e18 / index, toward zero (SYUtils).",
            discussion: "Batch op: assetToSy_i.",
            arguments: syArguments(amount: "The asset amount.")),
        WadOperationCommand(
            name: "asset-to-sy-up", batchOp: "assetToSyUp_i",
            abstract: "Asset to SY: amount · 1e18 / index, away from zero (SYUtils).",
            discussion: "Batch op: assetToSyUp_i.",
            arguments: syArguments(amount: "The asset amount."))
    ]

    private static func syArguments(amount: String) -> [ArgumentSpec] {
        [
            ArgumentSpec("index", help: "The SY exchange rate or PY index (1.0123 is 1.0123 asset per SY)."),
            ArgumentSpec("amount", help: amount)
        ]
    }
}
