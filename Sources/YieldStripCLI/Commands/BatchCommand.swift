import YieldStrip
import YieldStripJSON

/// `yieldstrip batch`: JSON Lines in on stdin, one answer line per request out on stdout.
struct BatchCommand: ParsableCommand {
    let name = "batch"
    let abstract = "Answer JSON Lines requests on stdin, one answer line each."
    let discussion = """
        Each line is a request {"op": NAME, "id": ANY, ...fields}, and each line gets
        one answer line, in order (a blank line too: BadRequest), so answers pair with
        requests by position. An answer echoes the id (when there is one) and carries
        the op's results, or an error:
          {"id":7,"result":"693147180559945309"}
          {"id":8,"error":"Panic(0x11)","errorArgs":[],"message":"..."}
        Integers and wad values are decimal strings of wei ("1500000000000000000" is
        1.5) or JSON integers. A bad line gets an error answer (BadRequest, Overflow or
        the contract's revert name) and the batch goes on; the exit status is 0 once
        stdin has been read to its end (1 when stdin cannot be read or stdout cannot be
        written, a closed pipe included). A line longer than --max-line-bytes gets a
        BadRequest answer without an id (it is skipped unread, so memory stays
        bounded) and the batch goes on. 'yieldstrip batch --list' lists the ops.
        --units token (or a request's "units": "token") reads and writes every wei
        amount as a decimal of token units instead ("42.948" for 42.948e18 wei).
        """
    /// `--list` (with `--json`), or the stream's line limit and default units.
    struct Options: ParsableOptions {
        static let specs = [
            OptionSpec.flag("list", help: "Print the ops with a one-line summary each instead of reading stdin."),
            OptionSpec.flag("json", help: "With --list: print the list as one JSON object. (Answers are always JSON lines.)"),
            OptionSpec.value(
                "max-line-bytes", valueName: "bytes",
                help: "The longest request line read, in bytes before its newline; a longer one is answered with BadRequest.",
                default: String(BatchRunner.defaultMaxLineBytes)),
            OptionSpec.value(
                "units", valueName: "units",
                help: "How amounts are read and written when a request does not say: wei (exact integers) or token (decimals of 10^18 wei).",
                default: BatchUnits.wei.rawValue)
        ]

        /// `--list`: print the ops instead of reading standard input.
        let list: Bool
        let maxLineBytes: Int
        let units: BatchUnits

        init(parsing invocation: Invocation) throws {
            list = invocation.flag("list")
            if !list && invocation.wantsJSON {
                throw invocation.usageError("'--json' applies to '--list' only; batch answers are always JSON lines")
            }
            maxLineBytes =
                try invocation.parse(option: "max-line-bytes") { text -> ValueParse<Int> in
                    guard let value = Int(text), value > 0 else {
                        return .invalid(
                            reason: "expected a whole number of bytes, 1 or more (the default is \(BatchRunner.defaultMaxLineBytes), 1 MiB)")
                    }
                    return .value(value)
                } ?? BatchRunner.defaultMaxLineBytes
            units =
                try invocation.parse(option: "units") { text -> ValueParse<BatchUnits> in
                    BatchUnits(rawValue: text).map { .value($0) } ?? .invalid(reason: "expected wei or token")
                } ?? .wei
        }
    }

    func run(_ options: Options, _ invocation: Invocation) throws -> CommandOutput {
        if options.list { return .report(Self.opList(BatchOpRegistry.standard)) }
        try BatchRunner(maxLineBytes: options.maxLineBytes, usesFastPaths: true, units: options.units)
            .answerAll(input: invocation.console.input, output: invocation.console.output)
        return .written
    }

    /// `{"ops": [{"name": …, "summary": …}, …]}`.
    static func opList(_ registry: BatchOpRegistry) -> Report {
        let rows: [JSONValue] = registry.ops.map { .object(["name": .string($0.name), "summary": .string($0.summary)]) }
        return Report(["ops": .array(rows)])
    }
}
