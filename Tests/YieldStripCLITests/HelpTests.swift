import Testing
import YieldStrip

@testable import YieldStripCLI

/// Help pages: snapshots, and `-h` == `--help` == `help <command>` for every command of the tree.
@Suite struct HelpTests {
    @Test func toolHelp() {
        let result = yieldstrip("--help")
        #expect(
            result
                == CLI.RunResult(
                    stdout: """
                        OVERVIEW: Fixed rates and dividend hedges with PT and YT, exact to the wei.

                        USAGE: yieldstrip <subcommand>

                        OPTIONS:
                          --version     Show the version.
                          -h, --help    Show help information.

                        SUBCOMMANDS:
                          lockin        Lock in a fixed rate: buy PT, see what it pays at maturity.
                          short-yt      Short YT to hedge a dividend stream: premium, PnL, break-even.
                          hedge         Hedge ratios: income, DV01, delta, minimum variance.
                          scenario      A position's PnL across APY shifts, stock moves and days.
                          borrow        Borrow against the token or its PT: health, liquidation.
                          rates         Lending rates: Aave, Morpho, kinked; APR, APY, the inverse.
                          loop          Loop PT: borrow and buy again; net APY, health, break-even.
                          mnav          The premium trade: a treasury company's mNAV, short or long.
                          market        Read a market file (Pendle V2 or YieldSpace), or create one.
                          quote         Quote a PT or YT trade: amounts, fees, effective APY, impact.
                          depth         Implied APY after PT trades of 0.1% to 50% of the pool.
                          compare       A PT trade on two markets: which fills better, and by how much.
                          split         Split stock tokens into PT and YT: amounts, redemptions, values.
                          dividends     Index path, APY and YT interest of a stock token's dividends.
                          report        One-page tear sheet of a market: an HTML page to print or mail.
                          yt-interest   Interest a YT balance earns between two PY indexes, fee taken.
                          rate          Convert a rate: APY, ln rate, PT/YT price, PT per asset.
                          wad           Check Pendle's exact 18-decimal math by hand.
                          batch         Answer JSON Lines requests on stdin, one answer line each.
                          demo          Walk through the jobs and the exact math on worked examples.
                          completions   Print a shell completion script (bash, zsh or fish).
                          help          Show help information for a subcommand.

                          See 'yieldstrip help <subcommand>' for detailed help.

                        """, stderr: "", exitCode: 0))
    }

    @Test func wadHelp() {
        #expect(
            yieldstrip("wad", "--help").stdout == """
                OVERVIEW: Check Pendle's exact 18-decimal math by hand.

                Arguments are decimal units read exactly (1.5 is 1500000000000000000 wei, at
                most 18 decimals), or raw wei integers with --wei; negative values are written
                as they are (-1.5). Each op runs the batch op named in its help: --json prints
                exactly that op's answer, {"result": "<wei>"}; the table adds the operands and
                the result in units.

                USAGE: yieldstrip wad <subcommand>

                OPTIONS:
                  -h, --help       Show help information.

                SUBCOMMANDS:
                  ln               Natural logarithm of a wad (LogExpMath.ln).
                  exp              e raised to a wad (LogExpMath.exp).
                  mul              a · b / 1e18, truncated toward zero (PMath.mulDown).
                  div              a · 1e18 / b, truncated toward zero (PMath.divDown).
                  divup            (a + b − 1) / b on the raw wei integers (PMath.rawDivUp).
                  sqrt             Floor square root of the raw wei integer (PMath.sqrt).
                  sy-to-asset      SY to asset: amount · index / 1e18, toward zero (SYUtils).
                  sy-to-asset-up   SY to asset: amount · index / 1e18, rounded up (SYUtils).
                  asset-to-sy      Asset to SY: amount · 1e18 / index, toward zero (SYUtils).
                  asset-to-sy-up   Asset to SY: amount · 1e18 / index, away from zero (SYUtils).

                  See 'yieldstrip help wad <subcommand>' for detailed help.

                """)
    }

    @Test func wadMulHelp() {
        #expect(
            yieldstrip("wad", "mul", "--help").stdout == """
                OVERVIEW: a · b / 1e18, truncated toward zero (PMath.mulDown).

                Signed: a negative result rounds up, toward zero. Batch op: mulDown_i.

                USAGE: yieldstrip wad mul [--wei] [--json] <a> <b>

                ARGUMENTS:
                  <a>          The first factor.
                  <b>          The second factor.

                OPTIONS:
                  --wei        Read the arguments as raw wei integers instead of decimal units.
                  --json       Print one JSON object instead of a table.
                  -h, --help   Show help information.

                """)
    }

    @Test func batchHelp() {
        #expect(
            yieldstrip("batch", "--help").stdout == """
                OVERVIEW: Answer JSON Lines requests on stdin, one answer line each.

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

                USAGE: yieldstrip batch [--list] [--json] [--max-line-bytes <bytes>]
                       [--units <units>]

                OPTIONS:
                  --list                     Print the ops with a one-line summary each instead
                                             of reading stdin.
                  --json                     With --list: print the list as one JSON object.
                                             (Answers are always JSON lines.)
                  --max-line-bytes <bytes>   The longest request line read, in bytes before its
                                             newline; a longer one is answered with BadRequest.
                                             (default: 1048576)
                  --units <units>            How amounts are read and written when a request
                                             does not say: wei (exact integers) or token
                                             (decimals of 10^18 wei). (default: wei)
                  -h, --help                 Show help information.

                """)
    }

    @Test func demoHelp() {
        #expect(
            yieldstrip("demo", "--help").stdout == """
                OVERVIEW: Walk through the jobs and the exact math on worked examples.

                Each step is a 'yieldstrip' command line: run it to see every field.

                USAGE: yieldstrip demo [--section <section>] [--json]

                OPTIONS:
                  --section <section>   Run only this section (jobs, stockMarket, tokenization,
                                        logExp, rounding, syRoundTrip).
                  --json                Print one JSON object instead of a table.
                  -h, --help            Show help information.

                """)
    }

    @Test func helpHelp() {
        #expect(
            yieldstrip("help", "--help").stdout == """
                OVERVIEW: Show help information for a subcommand.

                USAGE: yieldstrip help [--man] [<subcommand> ...]

                ARGUMENTS:
                  <subcommand> ...   The subcommand to show help for (for example: wad mul).

                OPTIONS:
                  --man              Print the whole tool's man page (roff) instead.
                  -h, --help         Show help information.

                """)
    }

    /// Every command path of the tool, the tool itself first.
    static let commandPaths: [[String]] = {
        var paths: [[String]] = [[]]
        func visit(_ command: any Command, _ path: [String]) {
            for sub in command.subcommands {
                paths.append(path + [sub.name])
                visit(sub, path + [sub.name])
            }
        }
        visit(CLI.root, [])
        return paths
    }()

    @Test(arguments: commandPaths)
    func helpFormsAgree(path: [String]) {
        let long = CLI.run(arguments: path + ["--help"])
        #expect(long.exitCode == 0 && long.stderr.isEmpty && long.stdout.hasPrefix("OVERVIEW: "))
        #expect(CLI.run(arguments: path + ["-h"]) == long)
        #expect(CLI.run(arguments: ["help"] + path) == long)
        // Help wins over other arguments given before `--`.
        #expect(CLI.run(arguments: path + ["--bogus", "-h"]) == long)
    }

    @Test(arguments: commandPaths)
    func helpFitsEightyColumns(path: [String]) {
        for line in yieldstrip("help").stdout.split(separator: "\n") + CLI.run(arguments: path + ["-h"]).stdout.split(separator: "\n") {
            #expect(line.count <= 80, "\(path): \(line)")
        }
    }

    @Test func groupsWithoutSubcommandPrintHelp() {
        #expect(yieldstrip() == yieldstrip("--help"))
        #expect(yieldstrip("wad") == yieldstrip("wad", "--help"))
    }

    @Test func helpForUnknownCommandIsUsageError() {
        #expect(
            yieldstrip("help", "wad", "frob")
                == CLI.RunResult(
                    stdout: "",
                    stderr: """
                        Error: Unknown subcommand 'frob'
                        Usage: yieldstrip help [--man] [<subcommand> ...]
                          See 'yieldstrip help --help' for more information.

                        """, exitCode: 2))
    }

    @Test func version() {
        #expect(yieldstrip("--version") == CLI.RunResult(stdout: "0.1.0\n", stderr: "", exitCode: 0))
        #expect(CLI.version == "0.1.0")
    }
}
