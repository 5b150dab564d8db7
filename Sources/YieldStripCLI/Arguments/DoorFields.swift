import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// A command's options or its batch op's fields, read by the field's camelCase name (the option is its
/// kebab-case: `rateAtTarget` is `--rate-at-target`). The same reading through both doors, so that one
/// `Options` struct serves a command and its batch op; what it rejects is a usage error on the command line
/// (exit 2) and `BadRequest` in batch.
struct DoorFields {
    enum Door {
        case command(Invocation)
        case batch(BatchRequest)
    }

    let door: Door

    init(_ invocation: Invocation) { door = .command(invocation) }
    init(_ request: BatchRequest) { door = .batch(request) }

    /// `rateAtTarget` → `rate-at-target`.
    static func option(_ field: String) -> String {
        var text = ""
        for character in field {
            if character.isUppercase {
                text += "-" + character.lowercased()
            } else {
                text.append(character)
            }
        }
        return text
    }

    /// How messages name the input: `'--rate-at-target'` or `'rateAtTarget'`.
    func name(_ field: String) -> String {
        switch door {
        case .command: return "'--\(Self.option(field))'"
        case .batch: return "'\(field)'"
        }
    }

    var isBatch: Bool {
        if case .batch = door { return true }
        return false
    }

    /// Whether the input was given (a default does not count).
    func given(_ field: String) -> Bool {
        switch door {
        case .command(let invocation): return invocation.optionWasGiven(Self.option(field)) || invocation.flag(Self.option(field))
        case .batch(let request): return request.value(field) != nil
        }
    }

    /// The input's text (a batch number as written), or nil.
    func text(_ field: String) throws -> String? {
        switch door {
        case .command(let invocation):
            return invocation.option(Self.option(field))
        case .batch(let request):
            switch request.value(field) {
            case nil: return nil
            case .number(let number)?: return number.text
            case .string(let text)?: return text
            case .array(let elements)?:
                var parts: [String] = []
                for element in elements {
                    switch element {
                    case .number(let number): parts.append(number.text)
                    case .string(let text): parts.append(text)
                    default: throw bad(field, "each element is a number or a text such as \"5%\"")
                    }
                }
                return parts.joined(separator: ",")
            case let other?:
                throw RequestError.badRequest(field: field, reason: "field '\(field)' must be a number or a text; got \(quoted(other))")
            }
        }
    }

    /// An invalid value: `The value 'X' is invalid for '--opt <v>': REASON`, or a bad request naming the field.
    func bad(_ field: String, _ reason: String) -> any Error {
        switch door {
        case .command(let invocation):
            let option = Self.option(field)
            let synopsis = invocation.command.options.first { $0.name == option }?.synopsis ?? "--\(option)"
            return invocation.usageError("The value '\(invocation.option(option) ?? "")' is invalid for '\(synopsis)': \(reason)")
        case .batch:
            return RequestError.badRequest(field: field, reason: "field '\(field)': \(reason)")
        }
    }

    /// A combination of inputs that does not make sense, in words (`message` names them with ``name(_:)``).
    func conflict(_ message: String, field: String?) -> any Error {
        switch door {
        case .command(let invocation): return invocation.usageError(message)
        case .batch: return RequestError.badRequest(field: field, reason: message)
        }
    }

    /// A required input that is missing.
    func missing(_ field: String, _ what: String) -> any Error {
        switch door {
        case .command(let invocation):
            let option = Self.option(field)
            let synopsis = invocation.command.options.first { $0.name == option }?.synopsis ?? "--\(option)"
            return invocation.usageError("Missing expected argument '\(synopsis)' (\(what))")
        case .batch:
            return RequestError.badRequest(field: field, reason: "missing field '\(field)' (\(what))")
        }
    }

    // MARK: Typed reads

    func read<T>(_ field: String, _ convert: (String) -> ValueParse<T>) throws -> T? {
        guard let text = try text(field) else { return nil }
        switch convert(text) {
        case .value(let value): return value
        case .invalid(let reason): throw bad(field, reason)
        }
    }

    func required<T>(_ field: String, _ what: String, _ convert: (String) -> ValueParse<T>) throws -> T {
        guard let value = try read(field, convert) else { throw missing(field, what) }
        return value
    }

    /// A rate (`5%`, `50bp`, `0.05`) as a `Double`.
    func rate(_ field: String) throws -> Double? { try read(field, RateText.double) }
    /// A rate read exactly.
    func exactRate(_ field: String) throws -> Wad? { try read(field, RateText.exact) }
    /// A finite number (no unit).
    func number(_ field: String) throws -> Double? { try read(field) { ValueText.double($0, expecting: TokenizationValues.numberExpectation) } }
    /// A decimal read exactly (at most 18 decimals).
    func decimal(_ field: String) throws -> Wad? { try read(field, ValueText.wad) }
    /// A whole number.
    func integer(_ field: String) throws -> Int? {
        try read(field) { text in Int(text).map { .value($0) } ?? .invalid(reason: "expected a whole number") }
    }
    /// One of `choices` (default when absent).
    func choice(_ field: String, _ choices: [String], default value: String) throws -> String {
        guard let text = try text(field) else { return value }
        guard choices.contains(text) else {
            throw bad(field, "expected \(choices.dropLast().joined(separator: ", "))\(choices.count > 1 ? " or " : "")\(choices.last ?? "")")
        }
        return text
    }
    /// A list or range (`30,90,180`, `-30%..30%:10%`).
    func list(_ field: String) throws -> ValueRange? { try read(field) { ValueRange.parse($0) } }
}
