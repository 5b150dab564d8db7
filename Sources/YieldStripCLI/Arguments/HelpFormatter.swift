import YieldStrip
import YieldStripJSON

/// Generates a command's help page and usage line from its specs, in swift-argument-parser's layout:
///
/// ```
/// OVERVIEW: <abstract>
///
/// <discussion>
///
/// USAGE: <usage>
///
/// ARGUMENTS:
///   <a>          Help sentence.
///
/// OPTIONS:
///   --json       Help sentence.
///   -h, --help   Show help information.
///
/// SUBCOMMANDS:
///   name         Abstract.
///
///   See '<tool> help <subcommand>' for detailed help.
/// ```
/// One label column is shared by every section of a page; help sentences wrap at ``lineWidth``.
public enum HelpFormatter {
    /// The width help sentences are wrapped to.
    public static let lineWidth = 80

    /// The help page of the last command of `path` (the tool first, then each subcommand).
    public static func help(for path: [any Command]) -> String {
        guard let command = path.last else { return "" }
        var sections: [String] = [wrap("OVERVIEW: \(command.abstract)", width: lineWidth).joined(separator: "\n")]
        if !command.discussion.isEmpty { sections.append(command.discussion) }
        sections.append(usageSection(for: path))

        let argumentRows = command.arguments.map { ($0.synopsis, $0.help) }
        let optionRows = (command.options + [CommonOptions.help]).map { ($0.helpLabel, $0.helpText) }
        let subcommandRows = command.subcommands.map { ($0.name, $0.abstract) }
        let labelWidth = (argumentRows + optionRows + subcommandRows).map(\.0.count).max() ?? 0

        if !argumentRows.isEmpty { sections.append("ARGUMENTS:\n" + rows(argumentRows, labelWidth: labelWidth)) }
        sections.append("OPTIONS:\n" + rows(optionRows, labelWidth: labelWidth))
        if !subcommandRows.isEmpty {
            let name = path.map(\.name)
            let helpPath = ([name[0], "help"] + name.dropFirst()).joined(separator: " ")
            sections.append(
                "SUBCOMMANDS:\n" + rows(subcommandRows, labelWidth: labelWidth)
                    + "\n\n  See '\(helpPath) <subcommand>' for detailed help.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `yieldstrip wad mul [--wei] [--json] <a> <b>`, or `yieldstrip wad <subcommand>` for a group.
    public static func usage(for path: [any Command]) -> String {
        usageWords(for: path).joined(separator: " ")
    }

    /// The usage line's words: the command path, each option and each argument (never split).
    private static func usageWords(for path: [any Command]) -> [String] {
        guard let command = path.last else { return [] }
        var words = path.map(\.name)
        words += command.options.filter { $0.name != CommonOptions.version.name }.map(\.usageText)
        if command.subcommands.isEmpty {
            words += command.arguments.map(\.usageText)
        } else {
            words.append("<subcommand>")
        }
        return words
    }

    /// `USAGE: <usage>`, wrapped at ``lineWidth`` between options (never inside one), continuation
    /// lines indented under the command's name.
    private static func usageSection(for path: [any Command]) -> String {
        let prefix = "USAGE: "
        let indent = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        for word in usageWords(for: path) {
            if line == prefix || line == indent {
                line += word
            } else if line.count + 1 + word.count <= lineWidth {
                line += " " + word
            } else {
                lines.append(line)
                line = indent + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// `  label   help` lines, help wrapped with a hanging indent.
    private static func rows(_ rows: [(String, String)], labelWidth: Int) -> String {
        let helpColumn = 2 + labelWidth + 3
        let indent = String(repeating: " ", count: helpColumn)
        return rows.map { label, help in
            let lines = wrap(help, width: max(20, lineWidth - helpColumn))
            let first = "  " + label + String(repeating: " ", count: helpColumn - 2 - label.count) + (lines.first ?? "")
            return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
