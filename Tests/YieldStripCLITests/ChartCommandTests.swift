import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--svg FILE [--size WxH]` on the seven commands that draw, and `report --html FILE`: the file written and
/// well-formed, stdout exactly what the command prints without it, errors that name the file.
@Suite struct ChartCommandTests {
    static func data(_ name: String, sourceFile: String = #filePath) -> String {
        URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/data").appendingPathComponent(name).path
    }

    /// Each command's arguments (without `--svg`).
    static let commands: [String: [String]] = [
        "depth": ["depth", "--market", MarketExamples.aapl],
        "lockin": ["lockin", "--market", MarketExamples.aapl, "--usd", "10000", "--hedge", "perp", "--funding", "5%"],
        "short-yt": ["short-yt", "--market", MarketExamples.aapl, "--shares", "1000"],
        "scenario": [
            "scenario", "--market", MarketExamples.aapl, "--position", "pt:1000,yt:-500,sy:250", "--apy-shift", "-50bp,0,50bp",
            "--price-shift", "-10%,0,10%", "--days", "30"
        ],
        "dividends": [
            "dividends", "--schedule", data("aapl.csv"), "--withholding", "30%", "--from", "2024-09-01", "--to", "2025-09-01",
            "--maturity", "2026-03-01"
        ],
        "hedge minvar": ["hedge", "minvar", "--spot", data("synthetic-stock-token.csv"), "--hedge", data("synthetic-index-etf.csv")],
        "loop": [
            "loop", "--market", MarketExamples.aapl, "--tokens", "100", "--protocol", "morpho", "--lltv", "91.5%", "--borrow-apr", "0.05%", "--loops",
            "8"
        ]
    ]

    /// Whether `text` is well-formed XML (Foundation's parser).
    static func parses(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test(arguments: ["depth", "lockin", "short-yt", "scenario", "dividends", "hedge minvar", "loop"])
    func svgIsWrittenAndStdoutIsUnchanged(command: String) throws {
        let files = try TemporaryMarketFiles()
        let arguments = try #require(Self.commands[command])
        for extra in [[], ["--json"]] {
            let path = files.directory.appendingPathComponent("chart.svg").path
            let plain = CLI.run(arguments: arguments + extra)
            let drawn = CLI.run(arguments: arguments + extra + ["--svg", path])
            #expect(plain.exitCode == 0 && drawn == plain, "\(command) \(extra): \(drawn.stderr)")
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.contains("width=\"800\" height=\"500\"") && Self.parses(svg), "\(command)")
            #expect(!svg.contains("NaN") && !svg.contains("Infinity"))
            try FileManager.default.removeItem(atPath: path)
        }
        let path = files.directory.appendingPathComponent("large.svg").path
        let sized = CLI.run(arguments: arguments + ["--svg", path, "--size", "1200x700"])
        #expect(sized.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("width=\"1200\" height=\"700\" viewBox=\"0 0 1200 700\""))
    }

    @Test func csvOutputsAreUnchangedToo() throws {
        let files = try TemporaryMarketFiles()
        for arguments in [
            try #require(Self.commands["depth"]) + ["--csv"], try #require(Self.commands["scenario"]) + ["--csv"],
            try #require(Self.commands["dividends"]) + ["--csv"]
        ] {
            let path = files.directory.appendingPathComponent("c.svg").path
            #expect(CLI.run(arguments: arguments + ["--svg", path]) == CLI.run(arguments: arguments))
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func theChartIsTheLibrarysResult() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("scenario.svg").path
        _ = CLI.run(arguments: try #require(Self.commands["scenario"]) + ["--svg", path])
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        // The +50 bp row at a flat stock loses 1,501.72 USD (docs/hedging.md): its cell reads −1,502.
        #expect(svg.contains(">−1,502</text>") && svg.contains("Scenario: PnL (USD)"))
    }

    @Test func badSizesAreUsageErrors() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("x.svg").path
        let depth = try #require(Self.commands["depth"])
        let malformed = CLI.run(arguments: depth + ["--svg", path, "--size", "wide"])
        #expect(malformed.exitCode == 2 && malformed.stdout.isEmpty)
        #expect(malformed.stderr.hasPrefix("Error: The value 'wide' is invalid for '--size <WxH>': expected WIDTHxHEIGHT in pixels, e.g. 800x500\n"))
        let tiny = CLI.run(arguments: depth + ["--svg", path, "--size", "100x80"])
        #expect(tiny.exitCode == 2 && tiny.stderr.contains("at least 360x240"))
        let alone = CLI.run(arguments: depth + ["--size", "1200x700"])
        #expect(alone.exitCode == 2 && alone.stderr.hasPrefix("Error: '--size' sets the size of the chart '--svg' writes; give '--svg FILE'\n"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: ["depth", "lockin", "short-yt", "scenario", "dividends", "hedge minvar"])
    func anUnwritableFileIsAnErrorNamingIt(command: String) throws {
        let arguments = try #require(Self.commands[command])
        let path = "/nonexistent-directory-\(UUID().uuidString)/chart.svg"
        let run = CLI.run(arguments: arguments + ["--svg", path])
        #expect(run.exitCode == 1 && run.stdout.isEmpty, "\(command)")
        #expect(run.stderr.hasSuffix("Error: cannot write chart '\(path)': No such file or directory\n"), "\(run.stderr)")
    }

    @Test func helpMentionsTheOptions() {
        for path in [["depth"], ["lockin"], ["short-yt"], ["scenario"], ["dividends"], ["hedge", "minvar"]] {
            let help = CLI.run(arguments: path + ["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("--svg <file>") && help.contains("--size <WxH>") && help.contains("(default: 800x500)"), "\(path)")
        }
    }

    // MARK: report

    @Test(arguments: MarketExamples.all)
    func reportWritesTheTearSheet(market: String) throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("sheet.html").path
        let run = CLI.run(arguments: ["report", "--market", market, "--html", path])
        #expect(run.exitCode == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tear sheet" && lines.contains { $0.hasPrefix("written to ") && $0.hasSuffix(" " + path) })
        #expect(lines.contains { $0.hasPrefix("sections ") && $0.hasSuffix(" market, depth, lockin, short-yt, scenario, hedges, assumptions") })
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && Self.parses(html))
        for id in ["market", "depth", "lockin", "short-yt", "scenario", "hedges", "assumptions"] {
            #expect(html.contains("<section id=\"\(id)\">"), "\(id)")
        }
        for forbidden in ["<script", "src=", "href=", "url(", "http:", "https:"] { #expect(!html.contains(forbidden), "\(forbidden)") }
        // Run again: the same bytes.
        _ = CLI.run(arguments: ["report", "--market", market, "--html", path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == html)
    }

    @Test func reportTakesASizeAPositionAndAPrice() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("sheet.html").path
        let run = CLI.run(arguments: [
            "report", "--market", MarketExamples.highYield, "--html", path, "--usd", "10000", "--stock-price", "1.2",
            "--position", "pt:1000,yt:-500"
        ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("standard size  given: 10000 USD\n") && run.stdout.contains("position       pt:1000,yt:-500 (given)\n"))
        #expect(!run.stdout.contains("not shown"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("stock 1.20 USD per share") && html.contains("pt:1000, yt:−500"))
    }

    @Test func reportErrors() throws {
        let files = try TemporaryMarketFiles()
        let path = files.directory.appendingPathComponent("sheet.html").path
        let missing = CLI.run(arguments: ["report", "--market", MarketExamples.aapl])
        #expect(missing.exitCode == 2 && missing.stderr.hasPrefix("Error: Missing expected argument '--html <file>'\n"))
        let badPosition = CLI.run(arguments: ["report", "--market", MarketExamples.aapl, "--html", path, "--position", "pt"])
        #expect(badPosition.exitCode == 2 && badPosition.stderr.contains("is invalid for '--position <legs>'"))
        let twoSizes = CLI.run(arguments: ["report", "--market", MarketExamples.aapl, "--html", path, "--sy", "1", "--usd", "1"])
        #expect(twoSizes.exitCode == 2)
        let expired = CLI.run(arguments: ["report", "--market", MarketExamples.aapl, "--html", path, "--at", "2027-03-04"])
        #expect(expired.exitCode == 1 && expired.stderr.hasPrefix("Error: MarketExpired:") && expired.stdout.isEmpty)
        let unwritable = "/nonexistent-directory-\(UUID().uuidString)/sheet.html"
        let run = CLI.run(arguments: ["report", "--market", MarketExamples.aapl, "--html", unwritable])
        #expect(
            run.exitCode == 1 && run.stdout.isEmpty && run.stderr == "Error: cannot write tear sheet '\(unwritable)': No such file or directory\n")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
