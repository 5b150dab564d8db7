import Foundation
import Testing
import YieldStrip
import _TestSupport

@testable import YieldStripCLI

/// The AAPL split example two ways: the demo's tokenization section (embedded schedule, fixed dates) and
/// `examples/split-aapl.sh` run end to end against the built tool.
@Suite struct SplitAAPLExampleTests {
    typealias T = TokenizationCLITesting

    /// The demo's copy of the schedule is the repository's file, byte for byte.
    @Test func embeddedScheduleIsTheExampleFile() throws {
        let file = try String(contentsOfFile: T.aaplSchedulePath, encoding: .utf8)
        #expect(TokenizationDemo.scheduleFileText == file)
        #expect(T.aaplSchedulePath.hasSuffix(TokenizationDemo.scheduleFilePath))
    }

    /// Each step's command line, run by the tool on the repository's file, answers the step's result.
    @Test func stepsAreWhatTheirCommandLinesPrint() throws {
        let section = try #require(DemoScript.sections.first { $0.key == "tokenization" })
        #expect(section.steps.count == 7)
        for step in section.steps {
            let outcome = try step.run()
            let arguments = step.command.split(separator: " ").map { word in
                word == TokenizationDemo.scheduleFilePath ? T.aaplSchedulePath : String(word)
            }
            let run = CLI.run(arguments: arguments + ["--json"])
            #expect(run.exitCode == 0, "\(step.command): \(run.stderr)")
            #expect(outcome.result != .null && run.stdout.contains(":" + outcome.result.jsonText), "\(step.command) → \(outcome.result.jsonText)")
        }
    }

    /// The section's numbers are the worked example's, and they never depend on the clock.
    @Test func sectionTable() {
        let run = yieldstrip("demo", "--section", "tokenization")
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.contains("\n3. 100 AAPL-like tokens: dividends reinvested (30% withheld), split into PT and YT\n"))
        for value in ["1.003214142718150519", "0.3214%", "0.003107729749661149", "100.3214142718150519", "23033.98", "39.94"] {
            #expect(run.stdout.contains("  \(value)  "), "\(value)")
        }
        #expect(yieldstrip("demo", "--section", "tokenization") == run)
        #expect(!yieldstrip("demo", "--section", "tokenization", "--json").stdout.contains("null"))
    }

    /// Runs `examples/NAME` with `YIELDSTRIP` set to the built tool; its stdout, after checking it succeeded
    /// with nothing on stderr but the `warnings` expected (each a line `warning: …` containing the text).
    static func runExample(_ name: String, warnings: [String] = []) throws -> String {
        let tool = try #require(builtTool)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", T.repositoryRoot.appendingPathComponent("examples/" + name).path]
        process.environment = ProcessInfo.processInfo.environment.merging(["YIELDSTRIP": tool]) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name): \(stderr)")
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.count == warnings.count && zip(lines, warnings).allSatisfy { $0.hasPrefix("warning: ") && $0.contains($1) },
            "\(name): \(stderr)")
        return stdout
    }

    /// The built `yieldstrip` this test run can use: `$YIELDSTRIP`, else the binary beside the test
    /// bundle, else `.build/debug/yieldstrip` under the repository; nil when none exists.
    static let builtTool: String? = {
        var candidates: [String] = []
        if let given = ProcessInfo.processInfo.environment["YIELDSTRIP"], !given.isEmpty { candidates.append(given) }
        candidates.append(TestVectors.buildProductsDirectory.appendingPathComponent("yieldstrip").path)
        candidates.append(T.repositoryRoot.appendingPathComponent(".build/debug/yieldstrip").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// `examples/split-aapl.sh` runs end to end (with the debug build, through `YIELDSTRIP`) and prints
    /// the worked example's numbers.
    @Test(.enabled(if: builtTool != nil, "no built yieldstrip binary found (run 'swift build' first)"))
    func exampleScriptRunsEndToEnd() throws {
        let stdout = try Self.runExample("split-aapl.sh")
        #expect(stdout.hasPrefix("== dividends: AAPL, 30 % withholding"))
        for (label, value) in [
            ("yield index at the end", "1.003214142718150519"), ("realized APY", "0.3214%"),
            ("one YT: paid (SY)", "0.003107729749661149"), ("PT fair price (USD)", "229.63"),
            ("PT minted", "100.3214142718150519"), ("PT value (USD)", "23033.98"), ("YT value (USD)", "39.94"),
            ("paid to the holder (SY)", "0.00310772974966115")
        ] {
            #expect(T.tableValue(stdout, label) == value, "\(label)")
        }
        #expect(stdout.contains("\ndate,event,dividend,reinvest_price,net_yield,"))
    }
}
