import YieldStrip
import YieldStripJSON

/// `yieldstrip help [<subcommand> ...]`: the same page as `<subcommand> --help`.
struct HelpCommand: Command {
    let name = "help"
    let abstract = "Show help information for a subcommand."
    let arguments = [
        ArgumentSpec(
            "subcommand", help: "The subcommand to show help for (for example: wad mul).",
            isOptional: true, isRepeating: true)
    ]
    let options = [OptionSpec.flag("man", help: "Print the whole tool's man page (roff) instead.")]

    func run(_ invocation: Invocation) throws -> CommandOutput {
        if invocation.flag("man") {
            guard invocation.repeatedArgument("subcommand").isEmpty else {
                throw invocation.usageError("'--man' prints the whole tool's page; give it without a subcommand")
            }
            return .text(CommandTreeText.manPage(CLI.root, version: CLI.version))
        }
        var path = Array(invocation.commandPath.prefix(1))
        for name in invocation.repeatedArgument("subcommand") {
            guard let current = path.last, let next = current.subcommands.first(where: { $0.name == name }) else {
                throw invocation.usageError("Unknown subcommand '\(name)'")
            }
            path.append(next)
        }
        return .text(HelpFormatter.help(for: path))
    }
}
