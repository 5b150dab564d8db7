import Testing
import YieldStrip

@testable import YieldStripCLI

/// `yieldstrip yt-interest`: the table, `--json` against `YTInterestReport.compute` and the batch ops,
/// negative yield, and bad input.
@Suite struct YTInterestCommandTests {
    typealias T = TokenizationCLITesting

    static let arguments = ["yt-interest", "--balance", "1", "--index-from", "1", "--index-to", "1.003214142718150519", "--fee", "0.03"]

    @Test func table() {
        let run = CLI.run(arguments: Self.arguments)
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("YT interest on 1 YT, index 1 → 1.003214142718150519\n\n"))
        for (label, value) in [
            ("interest accrued (SY)", "0.003203845102743453"), ("fee to the treasury (SY)", "0.000096115353082303"),
            ("paid to the holder (SY)", "0.00310772974966115"), ("interest fee rate", "3%"), ("negative yield", "no")
        ] {
            #expect(T.tableValue(run.stdout, label) == value, "\(label)")
        }
    }

    @Test func jsonIsTheLibrarysReport() throws {
        let answer = T.object(CLI.run(arguments: Self.arguments + ["--json"]).stdout)
        let report = try YTInterestReport.compute(balance: .one, indexFrom: .one, indexTo: #require(Wad(decimal: "1.003214142718150519")))
        #expect(
            answer.keys == [
                "balance", "indexFrom", "indexTo", "feeRate", "effectiveIndexTo", "negativeYield", "interestSy", "feeSy",
                "paidSy", "interestSyDouble", "feeSyDouble", "paidSyDouble", "paidInAsset"
            ])
        #expect(T.wei(answer, "interestSy") == report.interestSy.weiDescription)
        #expect(T.wei(answer, "feeSy") == report.feeSy.weiDescription)
        #expect(T.wei(answer, "paidSy") == report.paidSy.weiDescription)
        #expect(T.number(answer, "interestSyDouble") == report.interestSyDouble)
        #expect(T.number(answer, "paidInAsset") == report.paidInAsset)
        #expect(answer["feeRate"] == "30000000000000000")
    }

    /// `--json` is the answer of `ytInterestReport`; its exact figures are the contract step of `ytInterest`.
    @Test func jsonEqualsTheBatchAnswers() {
        let cli = T.object(CLI.run(arguments: Self.arguments + ["--json"]).stdout)
        #expect(
            !cli.isEmpty
                && cli
                    == T.batch([
                        "op": "ytInterestReport", "balance": "1000000000000000000",
                        "indexFrom": "1000000000000000000", "indexTo": "1003214142718150519"
                    ])
        )
        let step = T.batch([
            "op": "ytInterest", "balance": "1000000000000000000", "prevIndex": "1000000000000000000",
            "curIndex": "1003214142718150519", "feeRate": "30000000000000000"
        ])
        #expect(step == ["interest": cli["interestSy"] ?? .null, "fee": cli["feeSy"] ?? .null, "paid": cli["paidSy"] ?? .null])
        let big = T.object(
            yieldstrip("yt-interest", "--balance", "1234.5", "--index-from", "1.1", "--index-to", "1.25", "--fee", "5%", "--json").stdout)
        #expect(
            !big.isEmpty
                && big
                    == T.batch([
                        "op": "ytInterestReport", "balance": "1234500000000000000000", "indexFrom": "1100000000000000000",
                        "indexTo": "1250000000000000000", "feeRate": "50000000000000000"
                    ])
        )
    }

    /// An index below the starting one accrues nothing: the PY index never falls.
    @Test func negativeYieldAccruesNothing() {
        let answer = T.object(yieldstrip("yt-interest", "--balance", "100", "--index-from", "1.2", "--index-to", "1.1", "--json").stdout)
        #expect(answer["negativeYield"] == true)
        #expect(answer["effectiveIndexTo"] == "1200000000000000000")
        #expect(answer["interestSy"] == "0" && answer["paidSy"] == "0")
    }

    @Test(arguments: [
        (["--balance", "-1", "--index-from", "1", "--index-to", "2"], "balance -1 is negative"),
        (["--balance", "1", "--index-from", "0", "--index-to", "2"], "index-from 0 must be positive"),
        (["--balance", "1", "--index-from", "1", "--index-to", "0"], "index-to 0 must be positive"),
        (["--balance", "1", "--index-from", "1", "--index-to", "2", "--fee", "150%"], "interest fee rate 1.5 is outside [0, 1]")
    ])
    func domainErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["yt-interest"] + arguments)
        #expect(run.exitCode == 1 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: " + message), "\(run.stderr)")
    }

    @Test(arguments: [
        (["--index-from", "1", "--index-to", "2"], "Missing expected argument '--balance <amount>'"),
        (["--balance", "1", "--index-from", "1", "--index-to", "2", "--fee", "abc"], "The value 'abc' is invalid for '--fee <rate>'"),
        (["--balance", "1e3", "--index-from", "1", "--index-to", "2"], "The value '1e3' is invalid for '--balance <amount>'")
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = CLI.run(arguments: ["yt-interest"] + arguments)
        #expect(run.exitCode == 2 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: " + message), "\(run.stderr)")
    }
}
