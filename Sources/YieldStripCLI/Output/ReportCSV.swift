import YieldStripJSON

extension Report {
    /// The `--json` answer as CSV (`--csv`): a header line naming each field, then one line of values, so
    /// that lines from many runs of one command append under one header.
    ///
    /// Columns are the answer's scalar fields in order; a nested object's fields are named by their path
    /// (`amounts.netSyOut`, `usd.ptPriceUsd`). Arrays (scenario rows, warnings, assumptions) are left out:
    /// `--json` carries them. Numbers and wei strings are written as they are in the JSON, `true`/`false`
    /// as such, `null` as an empty field; a value holding a comma, a quote or a line break is quoted
    /// (RFC 4180).
    public var csvText: String {
        var names: [String] = []
        var values: [String] = []
        func flatten(_ object: JSONObject, prefix: String) {
            for member in object.members {
                let name = prefix + member.key
                switch member.value {
                case .object(let nested): flatten(nested, prefix: name + ".")
                case .array: continue
                case .null:
                    names.append(name)
                    values.append("")
                case .bool(let flag):
                    names.append(name)
                    values.append(flag ? "true" : "false")
                case .number(let number):
                    names.append(name)
                    values.append(number.text)
                case .string(let text):
                    names.append(name)
                    values.append(text)
                }
            }
        }
        flatten(object, prefix: "")
        return names.map(Self.csvField).joined(separator: ",") + "\n" + values.map(Self.csvField).joined(separator: ",") + "\n"
    }

    /// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
