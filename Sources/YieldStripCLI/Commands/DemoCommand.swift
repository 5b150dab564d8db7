import YieldStrip
import YieldStripJSON

/// `yieldstrip demo`: a short guided run through the exact math, section by section.
struct DemoCommand: ParsableCommand {
    let name = "demo"
    let abstract = "Walk through the jobs and the exact math on worked examples."
    let discussion = """
        Each step is a 'yieldstrip' command line: run it to see every field.
        """
    /// The section to run (all by default), the output.
    struct Options: ParsableOptions {
        static var specs: [OptionSpec] {
            [
                .value(
                    "section", valueName: "section",
                    help: "Run only this section (\(DemoScript.sections.map(\.key).joined(separator: ", ")))."),
                CommonOptions.json
            ]
        }

        /// The sections run, in order.
        let sections: [DemoSection]

        init(parsing invocation: Invocation) throws {
            let keys = DemoScript.sections.map(\.key)
            let only = try invocation.parse(option: "section", expecting: "one of \(keys.joined(separator: ", "))") { key in
                DemoScript.sections.first { $0.key == key }
            }
            sections = only.map { [$0] } ?? DemoScript.sections
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        .report(try Self.report(options.sections))
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
