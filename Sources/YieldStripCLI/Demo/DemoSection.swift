import YieldStrip
import YieldStripJSON

/// One part of `yieldstrip demo`: a title and a few steps, each a `yieldstrip` command line with a
/// one-line explanation.
struct DemoSection: Sendable {
    /// The section's key in the demo's JSON object.
    let key: String
    let title: String
    let steps: [DemoStep]
}

/// One step: a `yieldstrip` command line (without the tool's name) and how to run it.
struct DemoStep: Sendable {
    /// The command line a reader can rerun (`wad ln 2`, `market show --market …`).
    let command: String
    /// Computes the step's result and its note.
    let run: @Sendable () throws -> DemoOutcome

    init(command: String, run: @escaping @Sendable () throws -> DemoOutcome) {
        self.command = command
        self.run = run
    }

    /// A `yieldstrip wad` step: the op, then its operands in decimal units, and what the result shows.
    init(_ wadArguments: String, _ note: String) {
        self.init(command: "wad " + wadArguments) {
            let result = try Self.evaluateWad(wadArguments)
            let units: JSONValue = result.wad("result").map { .string($0.description) } ?? .null
            return DemoOutcome(result: result["result"] ?? .null, resultUnits: units, note: note)
        }
    }

    /// Runs a `wad` operation on its operands (decimal units).
    private static func evaluateWad(_ wadArguments: String) throws -> JSONObject {
        let words = wadArguments.split(separator: " ").map(String.init)
        guard let name = words.first, let operation = WadOperationCommand.all.first(where: { $0.name == name }) else {
            throw InternalError("demo step 'wad \(wadArguments)' names no wad operation")
        }
        var operands: [Wad] = []
        for word in words.dropFirst() {
            guard let operand = Wad(decimal: word) else {
                throw InternalError("demo step 'wad \(wadArguments)' has a malformed operand '\(word)'")
            }
            operands.append(operand)
        }
        return try operation.report(operands, showingWei: false).object
    }
}

/// What a step computed: the result as JSON (wei for exact values), the result as the table shows it,
/// and the note, which may quote the numbers.
struct DemoOutcome: Sendable {
    let result: JSONValue
    let resultUnits: JSONValue
    let note: String
}

/// The demo's sections, in order. A feature adds its own section list here.
enum DemoScript {
    static let sections: [DemoSection] = JobsDemo.sections + StockMarketDemo.sections + TokenizationDemo.sections + ExactMathDemo.sections
}
