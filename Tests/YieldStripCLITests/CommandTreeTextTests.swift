import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// "Did you mean", shell completions and the man page, all generated from the command table.
@Suite struct CommandTreeTextTests {
    @Test func suggestions() {
        #expect(yieldstrip("lokcin").stderr.hasPrefix("Error: Unknown subcommand 'lokcin' (expected one of: "))
        #expect(yieldstrip("lokcin").stderr.contains("). Did you mean 'lockin'?\n"))
        #expect(yieldstrip("quote", "--amout", "5").stderr.hasPrefix("Error: Unknown option '--amout'. Did you mean '--amount'?\n"))
        #expect(yieldstrip("hedge", "dvo1").stderr.contains("Did you mean 'dv01'?"))
        #expect(!yieldstrip("frob").stderr.contains("Did you mean"))
        #expect(Suggestion.editDistance(Array("shortyt"), Array("short-yt")) == 1 && Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
        #expect(Suggestion.closest(to: "x", among: ["y"]) == nil && Suggestion.closest(to: "marekt", among: ["market", "quote"]) == "market")
    }

    /// Every command and every option of the table appears in each shell's script; bash and zsh parse.
    @Test func completions() throws {
        let commands = CommandTreeText.walk(CLI.root)
        for shell in ["bash", "zsh", "fish"] {
            let run = yieldstrip("completions", shell)
            #expect(run.exitCode == 0 && run.stderr.isEmpty)
            for (path, command) in commands.dropFirst() {
                #expect(run.stdout.contains(command.name), "\(shell): \(path)")
                for spec in command.options { #expect(run.stdout.contains(spec.name), "\(shell): \(path) --\(spec.name)") }
            }
        }
        #expect(yieldstrip("completions", "tcsh").exitCode == 2)
        let bash = "/bin/bash"
        guard FileManager.default.isExecutableFile(atPath: bash) else { return }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("yieldstrip-completion-\(UUID().uuidString).bash")
        try yieldstrip("completions", "bash").stdout.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        process.arguments = ["-c", "source '\(script.path)'; COMP_WORDS=(yieldstrip hedge d); COMP_CWORD=2; _yieldstrip; echo \"${COMPREPLY[@]}\""]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "dv01 delta\n")
    }

    /// `docs/yieldstrip.1` is what `yieldstrip help --man` prints (regenerate it with
    /// `swift run yieldstrip help --man > docs/yieldstrip.1`).
    @Test func manPageIsCommitted() throws {
        let run = yieldstrip("help", "--man")
        #expect(run.exitCode == 0 && run.stdout.hasPrefix(".TH YIELDSTRIP 1 "))
        let committed = try String(contentsOf: TokenizationCLITesting.repositoryRoot.appendingPathComponent("docs/yieldstrip.1"), encoding: .utf8)
        #expect(committed == run.stdout)
        for (path, _) in CommandTreeText.walk(CLI.root).dropFirst() {
            #expect(run.stdout.contains(".SS \"\(CommandTreeText.roff(path.joined(separator: " ")))\""), "\(path)")
        }
        #expect(yieldstrip("help", "--man", "wad").exitCode == 2)
    }
}
