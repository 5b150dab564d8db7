import YieldStrip
import YieldStripJSON

/// The outcome of parsing a command line: a help request or a command to run.
enum ParsedCommandLine {
    case help([any Command])
    case run(Invocation)
}

/// Splits a command line into a command and its values, following swift-argument-parser's habits:
/// `--name value` and `--name=value`, `-h`/`--help` anywhere before `--`, `--` ends options, and
/// options may come before or after positional arguments. A token such as `-1.5` (a dash followed by
/// a digit or a dot) is a negative number, not an option.
struct CommandLineParser {
    let root: any Command
    let console: Console

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedCommandLine {
        var path: [any Command] = [root]
        var tokens = arguments[...]
        var command = root
        while !command.subcommands.isEmpty {
            var invocation = Invocation(command, parents: path.dropLast(), console: console)
            // A group's own options come before its subcommand's name.
            if tokens.prefix(while: { Self.isOption($0) && $0 != "--" }).contains(where: Self.isHelp) { return .help(path) }
            while let token = tokens.first, Self.isOption(token), token != "--" {
                tokens = tokens.dropFirst()
                try parseOption(token, rest: &tokens, into: &invocation)
            }
            if tokens.first == "--" { tokens = tokens.dropFirst() }
            guard let name = tokens.first else { return .run(invocation) }
            guard let subcommand = command.subcommands.first(where: { $0.name == name }) else {
                let names = command.subcommands.map(\.name).joined(separator: ", ")
                let hint = Suggestion.closest(to: name, among: command.subcommands.map(\.name)).map { ". Did you mean '\($0)'?" } ?? ""
                throw UsageError("Unknown subcommand '\(name)' (expected one of: \(names))\(hint)", commandPath: path)
            }
            tokens = tokens.dropFirst()
            path.append(subcommand)
            command = subcommand
        }

        if tokens.prefix(while: { $0 != "--" }).contains(where: Self.isHelp) { return .help(path) }
        var invocation = Invocation(command, parents: path.dropLast(), console: console)
        var positionals: [String] = []
        var optionsEnded = false
        while let token = tokens.popFirst() {
            if optionsEnded || !Self.isOption(token) {
                positionals.append(token)
            } else if token == "--" {
                optionsEnded = true
            } else {
                try parseOption(token, rest: &tokens, into: &invocation)
            }
        }
        try assign(positionals, into: &invocation)
        for spec in invocation.command.options where spec.isRequired && invocation.optionValues[spec.name] == nil {
            throw invocation.usageError("Missing expected argument '\(spec.synopsis)'")
        }
        return .run(invocation)
    }

    /// Parses one option token, taking its value from the token (`--name=value`) or the next one.
    private func parseOption(
        _ token: String, rest: inout ArraySlice<String>,
        into invocation: inout Invocation
    ) throws(UsageError) {
        let options = invocation.command.options
        let spec: OptionSpec?
        var inlineValue: String?
        if token.hasPrefix("--") {
            let body = token.dropFirst(2)
            let name: Substring
            if let equals = body.firstIndex(of: "=") {
                name = body[..<equals]
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = body
            }
            spec = options.first { $0.name == name }
            if spec == nil {
                let hint = Suggestion.closest(to: String(name), among: options.map(\.name)).map { ". Did you mean '--\($0)'?" } ?? ""
                throw invocation.usageError("Unknown option '--\(name)'\(hint)")
            }
        } else {
            let letter = token.dropFirst()
            spec = letter.count == 1 ? options.first { $0.shortName == letter.first } : nil
            if spec == nil { throw invocation.usageError("Unknown option '\(token)'") }
        }
        guard let spec else { return }
        if spec.isFlag {
            if inlineValue != nil { throw invocation.usageError("The flag '--\(spec.name)' does not take a value") }
            invocation.flagsSet.insert(spec.name)
            return
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else if let next = rest.first, !Self.isOption(next) {
            value = next
            rest = rest.dropFirst()
        } else {
            throw invocation.usageError("Missing value for '\(spec.synopsis)'")
        }
        invocation.optionValues[spec.name] = value
        if spec.occurrences > 1 { invocation.repeatedOptionValues[spec.name, default: []].append(value) }
    }

    /// Hands positional values to the argument specs in order; a repeating spec takes the rest.
    private func assign(_ values: [String], into invocation: inout Invocation) throws(UsageError) {
        var remaining = values[...]
        for spec in invocation.command.arguments {
            if spec.isRepeating {
                invocation.argumentValues[spec.name] = Array(remaining)
                remaining = []
            } else if let value = remaining.popFirst() {
                invocation.argumentValues[spec.name] = [value]
            } else if !spec.isOptional {
                throw invocation.usageError("Missing expected argument '\(spec.synopsis)'")
            }
        }
        if let extra = remaining.first { throw invocation.usageError("Unexpected argument '\(extra)'") }
    }

    /// `-x`, `--name`, `--`; not `-` alone and not a negative number such as `-1.5` or `-.5`.
    static func isOption(_ token: String) -> Bool {
        let bytes = token.utf8
        guard bytes.first == UInt8(ascii: "-"), bytes.count > 1 else { return false }
        let second = bytes[bytes.index(after: bytes.startIndex)]
        return !(second == UInt8(ascii: ".") || (second >= UInt8(ascii: "0") && second <= UInt8(ascii: "9")))
    }

    static func isHelp(_ token: String) -> Bool { token == "-h" || token == "--help" }
}
