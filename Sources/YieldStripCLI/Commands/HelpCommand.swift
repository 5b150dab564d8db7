import YieldStrip
import YieldStripJSON

/// `yieldstrip help [<subcommand> ...]`: the same page as `<subcommand> --help`.
struct HelpCommand: ParsableCommand {
    let name = "help"
    let abstract = "Show help information for a subcommand."
    let arguments = [
        ArgumentSpec(
            "subcommand", help: "The subcommand to show help for (for example: wad mul).",
            isOptional: true, isRepeating: true)
    ]
    /// `--man`, or the subcommand named by the arguments.
    struct Options: ParsableOptions {
        static let specs = [OptionSpec.flag("man", help: "Print the whole tool's man page (roff) instead.")]

        /// The commands from the tool down to the one asked about; nil for the man page.
        let path: [any Command]?

        init(parsing invocation: Invocation) throws {
            let names = invocation.repeatedArgument("subcommand")
            if invocation.flag("man") {
                guard names.isEmpty else { throw invocation.usageError("'--man' prints the whole tool's page; give it without a subcommand") }
                path = nil
                return
            }
            var path = Array(invocation.commandPath.prefix(1))
            for name in names {
                guard let current = path.last, let next = current.subcommands.first(where: { $0.name == name }) else {
                    throw invocation.usageError("Unknown subcommand '\(name)'")
                }
                path.append(next)
            }
            self.path = path
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        guard let path = options.path else { return .text(CommandTreeText.manPage(CLI.root, version: CLI.version)) }
        return .text(HelpFormatter.help(for: path))
    }
}
