import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Typed options: every command with options reads them into a `ParsableOptions` struct before it runs,
/// from the shared groups (market, size, output, chart) and its own values; a malformed, missing or
/// conflicting option is a usage error (exit 2) before any file is read.
@Suite struct OptionGroupTests {
    /// A path that does not exist: a command that read its files before checking its options would fail
    /// with exit 1 naming it.
    static let missing = "/nonexistent/yieldstrip-market.json"

    /// Each command line has one bad option and a market or schedule file that does not exist.
    static let badLines: [(arguments: [String], message: String)] = [
        (["quote", "--market", missing, "--buy-pt", "--amount", "1", "--json", "--csv"], "Give '--csv' or '--json', not both"),
        (["quote", "--market", missing, "--buy-pt", "--amount", "1", "--at", "-5"], "a block time must be ≥ 0"),
        (["lockin", "--market", missing, "--sy", "1", "--usd", "2"], "Give the size once"),
        (["lockin", "--market", missing], "Give the size: one of --sy, --tokens, --shares, --usd"),
        (["short-yt", "--market", missing, "--shares", "1", "--size", "800x600"], "'--size' sets the size of the chart"),
        (["hedge", "dv01", "--market", missing, "--position", "pt:1", "--hedge-token", "pt"], "'--hedge-token' needs '--against <file>'"),
        (["hedge", "delta", "--market", missing, "--position", "pt:1", "--withholding", "15%"], "it needs '--schedule <file>'"),
        (["hedge", "income", "--shares", "1", "--at", "2026-01-01"], "it needs '--market <file>'"),
        (["scenario", "--market", missing, "--position", "pt:1", "--apy-shift", "x"], "'--apy-shift <range>'"),
        (["depth", "--market", missing, "--csv", "--json"], "not both"),
        (["market", "show", "--market", missing, "--at", "soon"], "'--at <time>'"),
        (["report", "--market", missing, "--html", "", "--sy", "1"], "Missing expected argument '--html <file>'"),
        (["compare", "--market", missing, "--market", missing, "--buy-pt", "--pt", "1"], "Buying PT the size is what is paid"),
        (["loop", "--market", missing, "--tokens", "1", "--funding", "1%"], "applies to the dollar hedge"),
        (["borrow", "--market", missing, "--collateral", "token", "--discount", "1%", "--amount", "1"], "prices a PT"),
        (["split", "--tokens", "1", "--market", missing, "--pt-implied-apy", "abc"], "'--pt-implied-apy <apy>'"),
        (["dividends", "--schedule", missing, "--market", missing, "--fee", "x"], "'--fee <rate>'"),
        (["hedge", "minvar", "--spot", missing, "--hedge", missing, "--mode", "ratio"], "'--mode <mode>'")
    ]

    @Test(arguments: 0..<badLines.count) func optionsAreValidatedBeforeAnyFileIsRead(index: Int) {
        let (arguments, message) = Self.badLines[index]
        let run = CLI.run(arguments: arguments)
        #expect(run.exitCode == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        #expect(!run.stderr.contains(Self.missing), "\(arguments): a file was read before the options were checked")
    }

    /// The groups' typed values.
    @Test func groupsReadTypedValues() throws {
        func options<O: ParsableOptions>(_ type: O.Type, _ command: String, _ arguments: [String]) throws -> O {
            let root = CLI.root
            let console = Console(input: MemorySource(""), output: MemorySink(), errorOutput: MemorySink())
            guard case .run(let invocation) = try CommandLineParser(root: root, console: console).parse([command] + arguments) else {
                throw UsageError("not a run", commandPath: [root])
            }
            return try O(parsing: invocation)
        }
        let quote = try options(
            QuoteCommand.Options.self, "quote",
            ["--market", "m.json", "--at", "2026-03-05", "--buy-pt", "--usd", "1000", "--stock-price", "230", "--csv"])
        #expect(quote.market.file?.path == "m.json" && quote.market.file?.at == 1_772_668_800)
        #expect(quote.swap == .swapExactSyForPt && quote.amount == nil)
        #expect(quote.sizing.size == .usd(Wad(units: 1000)) && quote.sizing.stockPriceUsd == 230)
        #expect(quote.output.format == .csv && quote.output.wantsAnswer)
        let lockin = try options(LockInCommand.Options.self, "lockin", ["--market", "m.json", "--shares", "10", "--svg", "c.svg", "--hedge", "perp"])
        #expect(lockin.size == .shares(Wad(units: 10)) && lockin.hedgeKind == "perp")
        #expect(lockin.chart.isRequested && lockin.output.format == .table && lockin.market.file?.at == nil && lockin.market.file?.path == "m.json")
        let delta = try options(
            HedgeDeltaCommand.Options.self, "hedge", ["delta", "--market", "m.json", "--position", "pt:5", "--realized-apy", "2%"])
        #expect(delta.realized.realizedApy == 0.02 && delta.realized.ytFee == 0.03 && delta.realized.schedule == nil)
    }
}

/// One door description: every batch op is a contract op or a job's, derived from its command.
@Suite struct JobDoorTests {
    /// The commands of the tool, depth first.
    static func commands(_ command: any Command = CLI.root) -> [any Command] {
        [command] + command.subcommands.flatMap { commands($0) }
    }

    static func opName(_ job: some JobCommand) -> String { type(of: job).opName }

    @Test func everyOpIsAContractOpOrAJobsOwn() {
        let jobs = Self.commands().compactMap { $0 as? any JobCommand }
        let jobOps = jobs.map { Self.opName($0) }
        #expect(Set(jobOps).count == jobOps.count)
        let contractOps = BatchOpRegistry.contractOps.ops.map(\.name)
        let standard = BatchOpRegistry.standard.ops.map(\.name)
        // `short-yt` is the alias of `shortYt`.
        #expect(
            Set(standard) == Set(contractOps + jobOps + ["short-yt"]), "\(Set(standard).symmetricDifference(contractOps + jobOps + ["short-yt"]))")
        #expect(standard.count == contractOps.count + jobOps.count + 1)
        // The command's options are the op's fields: their names in camelCase.
        #expect(DoorFields.option("rateAtTarget") == "rate-at-target" && DoorFields.option("sy") == "sy")
        #expect(jobs.count >= 20)
    }
}
