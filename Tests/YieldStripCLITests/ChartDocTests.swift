import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// `docs/charts.md` shows the pictures `scripts/render-doc-images.sh` draws into `docs/images/`: each is
/// what its command draws now, and the page shows each command it was drawn with.
@Suite struct ChartDocTests {
    static func root(sourceFile: String = #filePath) -> URL {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The script's `render NAME ARGS…` and `page NAME ARGS…` lines.
    static func scriptLines() throws -> [(kind: String, name: String, arguments: [String])] {
        let script = try String(contentsOf: root().appendingPathComponent("scripts/render-doc-images.sh"), encoding: .utf8)
        return script.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count > 2, words[0] == "render" || words[0] == "page" else { return nil }
            return (words[0], words[1], Array(words.dropFirst(2)))
        }
    }

    /// Example paths made absolute (the tests do not run from the repository).
    static func absolute(_ arguments: [String]) -> [String] {
        arguments.map { $0.hasPrefix("examples/") ? root().appendingPathComponent($0).path : $0 }
    }

    @Test func imagesAreWhatTheirCommandsDraw() throws {
        let lines = try Self.scriptLines()
        #expect(
            lines.map(\.name) == [
                "depth.svg", "lockin.svg", "short-yt.svg", "scenario.svg", "dividends.svg", "hedge-minvar.svg", "loop.svg", "compare.svg",
                "tear-sheet.html"
            ])
        let files = try TemporaryMarketFiles()
        for line in lines {
            let output = files.directory.appendingPathComponent(line.name).path
            let arguments =
                line.kind == "render"
                ? Self.absolute(line.arguments) + ["--svg", output]
                : ["report"] + Self.absolute(line.arguments) + ["--html", output]
            let run = CLI.run(arguments: arguments)
            #expect(run.exitCode == 0, "\(line.name): \(run.stderr)")
            let drawn = try String(contentsOfFile: output, encoding: .utf8)
            let committed = try String(contentsOf: Self.root().appendingPathComponent("docs/images/" + line.name), encoding: .utf8)
            #expect(drawn == committed, "docs/images/\(line.name) is not what its command draws: run scripts/render-doc-images.sh")
        }
    }

    @Test func thePageShowsEachPictureAndItsCommand() throws {
        let page = try String(contentsOf: Self.root().appendingPathComponent("docs/charts.md"), encoding: .utf8)
        for line in try Self.scriptLines() {
            let command =
                line.kind == "render"
                ? "yieldstrip " + line.arguments.joined(separator: " ") + " --svg " + line.name
                : "yieldstrip report " + line.arguments.joined(separator: " ") + " --html " + line.name
            #expect(page.contains(command), "docs/charts.md lacks: \(command)")
            #expect(page.contains("(images/\(line.name))"), "docs/charts.md does not show images/\(line.name)")
        }
    }
}
