import Testing
import YieldStrip

@testable import YieldStripCLI

/// The parser on a command tree of its own: value options (`--name value`, `--name=value`), defaults,
/// required options, short names, repeating arguments and `--`.
@Suite struct CommandLineParserTests {
    struct Quote: Command {
        let name = "quote"
        let abstract = "Quote a price."
        let arguments = [
            ArgumentSpec("market", help: "The market."),
            ArgumentSpec("extra", help: "More.", isOptional: true, isRepeating: true)
        ]
        let options: [OptionSpec] = [
            .value("apy", valueName: "apy", help: "The implied APY.", required: true),
            .value("days", short: "d", valueName: "days", help: "Days to expiry.", default: "30"),
            .flag("verbose", short: "v", help: "Say more.")
        ]
        func run(_ invocation: Invocation) throws -> CommandOutput { .text("") }
    }

    struct Tool: Command {
        let name = "tool"
        let abstract = "A tool."
        let subcommands: [any Command] = [Quote()]
    }

    func parse(_ arguments: String...) throws(UsageError) -> Invocation? {
        let console = Console(input: MemorySource(""), output: MemorySink(), errorOutput: MemorySink())
        if case .run(let invocation) = try CommandLineParser(root: Tool(), console: console).parse(arguments) {
            return invocation
        }
        return nil
    }

    func message(_ arguments: String...) -> String? {
        let console = Console(input: MemorySource(""), output: MemorySink(), errorOutput: MemorySink())
        do {
            _ = try CommandLineParser(root: Tool(), console: console).parse(arguments)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func valuesDefaultsAndFlags() throws {
        let invocation = try #require(try parse("quote", "m1", "--apy", "0.05", "-v", "x", "y"))
        #expect(invocation.command.name == "quote")
        #expect(invocation.option("apy") == "0.05")
        #expect(invocation.option("days") == "30")
        #expect(invocation.flag("verbose"))
        #expect(!invocation.flag("json"))
        #expect(invocation.argument("market") == "m1")
        #expect(invocation.repeatedArgument("extra") == ["x", "y"])
    }

    @Test func inlineValuesShortNamesAndTerminator() throws {
        let invocation = try #require(try parse("quote", "--apy=-0.5", "-d", "7", "--", "--market", "-v"))
        #expect(invocation.option("apy") == "-0.5")
        #expect(invocation.option("days") == "7")
        #expect(!invocation.flag("verbose"))
        #expect(invocation.argument("market") == "--market")
        #expect(invocation.repeatedArgument("extra") == ["-v"])
        // A value that looks like a negative number is a value.
        #expect(try parse("quote", "m", "--apy", "-0.5")?.option("apy") == "-0.5")
        #expect(try parse("quote", "m", "--apy=")?.option("apy") == "")
    }

    @Test func errors() {
        #expect(message("quote", "m") == "Missing expected argument '--apy <apy>'")
        #expect(message("quote", "--apy") == "Missing value for '--apy <apy>'")
        #expect(message("quote", "m", "--apy", "--verbose") == "Missing value for '--apy <apy>'")
        #expect(message("quote", "--apy", "1") == "Missing expected argument '<market>'")
        #expect(message("quote", "m", "--apy", "1", "--bogus") == "Unknown option '--bogus'")
        #expect(message("quote", "m", "--apy", "1", "--bogus=3") == "Unknown option '--bogus'")
        #expect(message("quote", "m", "--apy", "1", "-vd") == "Unknown option '-vd'")
        #expect(message("quote", "m", "--apy", "1", "--verbose=1") == "The flag '--verbose' does not take a value")
        #expect(message("nope") == "Unknown subcommand 'nope' (expected one of: quote)")
    }

    @Test func typedValues() throws {
        let invocation = try #require(try parse("quote", "m", "--apy", "abc"))
        let expected = UsageError(
            "The value 'abc' is invalid for '--apy <apy>': expected a number",
            commandPath: [Tool(), Quote()])
        #expect(throws: expected) { try invocation.parse(option: "apy", expecting: "a number") { Double($0) } }
        #expect(try invocation.parse(option: "days", expecting: "an integer") { Int($0) } == 30)
    }

    @Test func usageAndHelp() {
        let path: [any Command] = [Tool(), Quote()]
        #expect(HelpFormatter.usage(for: path) == "tool quote --apy <apy> [--days <days>] [--verbose] <market> [<extra> ...]")
        #expect(
            HelpFormatter.help(for: path) == """
                OVERVIEW: Quote a price.

                USAGE: tool quote --apy <apy> [--days <days>] [--verbose] <market> [<extra> ...]

                ARGUMENTS:
                  <market>            The market.
                  <extra> ...         More.

                OPTIONS:
                  --apy <apy>         The implied APY.
                  -d, --days <days>   Days to expiry. (default: 30)
                  -v, --verbose       Say more.
                  -h, --help          Show help information.

                """)
    }

    @Test func wrapping() {
        #expect(HelpFormatter.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(HelpFormatter.wrap("averyveryverylongword x", width: 5) == ["averyveryverylongword", "x"])
        #expect(HelpFormatter.wrap("", width: 5) == [""])
    }
}
