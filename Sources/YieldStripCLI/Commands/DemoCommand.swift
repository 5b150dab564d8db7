import YieldStrip
import YieldStripJSON

/// `yieldstrip demo`: a short guided run through the exact math, section by section.
struct DemoCommand: Command {
    let name = "demo"
    let abstract = "Walk through the jobs and the exact math on worked examples."
    let discussion = """
        Each step is a 'yieldstrip' command line: run it to see every field.
        """
    var options: [OptionSpec] {
        [
            .value(
                "section", valueName: "section",
                help: "Run only this section (\(DemoScript.sections.map(\.key).joined(separator: ", ")))."),
            CommonOptions.json
        ]
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
        var report = Report(title: "YieldStrip demo: lock in a fixed rate, hedge a dividend stream, Pendle V2's exact math to the wei")
        for section in sections {
            var rows: [JSONValue] = []
            for step in section.steps {
                let outcome = try step.run()
                rows.append(
                    .object([
                        "command": .string(step.command),
                        "result": outcome.result,
                        "resultUnits": outcome.resultUnits,
                        "note": .string(outcome.note)
                    ]))
            }
            report.append(section.key, .array(rows), label: section.title)
            report.labels[section.key + ".command"] = "yieldstrip"
            report.labels[section.key + ".resultUnits"] = "result"
            report.hiddenInTable.insert(section.key + ".result")
        }
        return report
    }
}
