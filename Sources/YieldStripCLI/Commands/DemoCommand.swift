import YieldStrip

/// `yieldstrip demo`: a short guided run through the exact math, section by section.
struct DemoCommand: Command {
    let name = "demo"
    let abstract = "Walk through Pendle's exact math on a few worked examples."
    let discussion = """
        Each step is a 'yieldstrip wad' command line: run it to see every field.
        """
    var options: [OptionSpec] {
        [.value("section", valueName: "section",
                help: "Run only this section (\(DemoScript.sections.map(\.key).joined(separator: ", ")))."),
         CommonOptions.json]
    }

    func run(_ invocation: Invocation) throws -> CommandOutput {
        let keys = DemoScript.sections.map(\.key)
        let only = try invocation.parse(option: "section", expecting: "one of \(keys.joined(separator: ", "))") { key in
            DemoScript.sections.first { $0.key == key }
        }
        return .report(try Self.report(only.map { [$0] } ?? DemoScript.sections))
    }

    /// One member per section: an array of `{"command", "result", "resultUnits", "note"}`; the table
    /// shows each section under its title, results in units.
    static func report(_ sections: [DemoSection]) throws -> Report {
        var report = Report(title: "YieldStrip demo: Pendle V2's exact math, to the wei")
        for section in sections {
            var rows: [JSONValue] = []
            for step in section.steps {
                let result = try evaluate(step)
                rows.append(.object([
                    "command": .string("wad " + step.wadArguments),
                    "result": result["result"] ?? .null,
                    "resultUnits": result["resultUnits"] ?? .null,
                    "note": .string(step.note),
                ]))
            }
            report.append(section.key, .array(rows), label: section.title)
            report.labels[section.key + ".command"] = "yieldstrip"
            report.labels[section.key + ".resultUnits"] = "result"
            report.hiddenInTable.insert(section.key + ".result")
        }
        return report
    }

    /// Runs a step's `wad` operation on its operands (decimal units).
    private static func evaluate(_ step: DemoStep) throws -> JSONObject {
        let words = step.wadArguments.split(separator: " ").map(String.init)
        guard let name = words.first, let operation = WadOperationCommand.all.first(where: { $0.name == name }) else {
            throw InternalError("demo step 'wad \(step.wadArguments)' names no wad operation")
        }
        var operands: [Wad] = []
        for word in words.dropFirst() {
            guard let operand = Wad(decimal: word) else {
                throw InternalError("demo step 'wad \(step.wadArguments)' has a malformed operand '\(word)'")
            }
            operands.append(operand)
        }
        return try operation.report(operands, showingWei: false).object
    }
}

