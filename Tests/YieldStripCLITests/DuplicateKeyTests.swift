import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// A key given twice in one object, at any depth, is refused — never "the first value wins": in the reader,
/// in batch lines (`BadRequest` naming the field's path), in market files and in JSON schedules.
@Suite struct DuplicateKeyTests {
    static let market =
        #""market":{"totalPt":"19823512368863353913184","totalSy":"66977253982529162840049","totalLp":"36437953053858132300953","scalarRoot":"488261892873696979223","expiry":1804118400,"lnFeeRateRoot":"999500333083533","reserveFeePercent":80,"lastLnImpliedRate":"2995508979798479"}"#

    static func duplicate(_ path: String) -> String {
        #""error":"BadRequest","errorArgs":["\#(path)"],"message":"field '\#(path)' occurs more than once; give each field once"}"#
    }

    func answers(_ lines: String...) -> [String] {
        let run = yieldstrip("batch", stdin: lines.joined(separator: "\n"))
        #expect(run.exitCode == 0 && run.stderr.isEmpty)
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theReaderNamesThePath() throws {
        func duplicate(_ text: String) -> JSONDuplicateKey? {
            do {
                _ = try JSONReader.parse(text)
                return nil
            } catch {
                return error.duplicateKey
            }
        }
        #expect(duplicate(#"{"a":1,"a":2}"#) == JSONDuplicateKey(offset: 7, path: [.key("a")]))
        #expect(duplicate(#"{"m":{"x":1,"y":2,"x":3},"z":[0]}"#)?.pathText == "m.x")
        #expect(duplicate(#"[{"a":[0,{"b":{"c":1,"c":1}}]}]"#)?.pathText == "[0].a[1].b.c")
        #expect(duplicate(#"{"s":[{"k":1},{"k":1,"q":{},"k":2}],"t":1,"t":2}"#)?.pathText == "s[1].k")
        #expect(duplicate(#"{"a":{"a":1},"b":{"a":1}}"#) == nil)
        #expect(duplicate(#"{"é":1,"é":2}"#)?.pathText == "é")
        // Many keys: the repetition is found past the linear scan, in linear time.
        let keys = (0..<100_000).map { #""k\#($0)":0"# }.joined(separator: ",")
        #expect(duplicate("{" + keys + "}") == nil)
        #expect(duplicate("{" + keys + #","k99999":1}"#)?.pathText == "k99999")
        #expect(duplicate("{" + keys + #","k3":1}"#)?.pathText == "k3")
        // Reported rather than thrown: every member kept, the first repetition, the top-level keys involved.
        let (value, report) = try JSONReader.parseReportingDuplicateKeys(#"{"x":1,"m":{"y":1,"y":2},"x":3}"#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["x", "m", "x"] && object["m"] == .object(JSONObject([.init(key: "y", value: 1), .init(key: "y", value: 2)])))
        #expect(report?.first.pathText == "m.y" && report?.count == 2 && report?.topLevelKeys == ["m", "x"])
    }

    @Test func batchRefusesAFieldGivenTwiceAtAnyDepth() {
        let market = Self.market
        let twiceInMarket = market.replacingOccurrences(
            of: #"{"totalPt":"19823512368863353913184","#,
            with: #"{"totalPt":"5","totalPt":"19823512368863353913184","#)
        #expect(
            answers(
                #"{"op":"ln","id":1,"x":"1","x":"2"}"#,
                #"{"op":"getMarketPreCompute","id":2,\#(twiceInMarket),"pyIndex":"1003214142718150519","blockTime":1772461800}"#,
                #"{"op":"getMarketPreCompute","id":3,\#(market),"pyIndex":"1003214142718150519","blockTime":1772461800}"#,
                #"{"op":"dividends","id":4,"schedule":[{"exDate":"2024-11-08","amount":"0.25","reinvestPrice":"227"},{"exDate":"2025-02-10","amount":"0.25","amount":"2.5","reinvestPrice":"227"}]}"#
            ) == [
                #"{"id":1,"# + Self.duplicate("x"),
                #"{"id":2,"# + Self.duplicate("market.totalPt"),
                #"{"id":3,"rateScalar":"486401794686255249672","totalAsset":"67192528435698826797306","rateAnchor":"1005521129717948268","feeRate":"1001003826119688914"}"#,
                #"{"id":4,"# + Self.duplicate("schedule[1].amount")
            ])
    }

    /// The id is echoed only when it was given once and repeats no key itself: an answer never repeats a key.
    @Test func anIdWithARepeatedKeyIsNotEchoed() throws {
        let lines = [
            #"{"op":"ln","id":{"a":1,"a":2},"x":"1"}"#,
            #"{"op":"ln","id":1,"id":2,"x":"1"}"#,
            #"{"op":"ln","x":"1","x":"2","id":[{"b":1,"b":2}]}"#,
            #"{"op":"ln","id":{"a":1,"b":{"c":2}},"x":"1","x":"2"}"#
        ]
        let answers = answers(lines[0], lines[1], lines[2], lines[3])
        #expect(
            answers == [
                "{" + Self.duplicate("id.a"),
                "{" + Self.duplicate("id"),
                "{" + Self.duplicate("x"),
                #"{"id":{"a":1,"b":{"c":2}},"# + Self.duplicate("x")
            ])
        for answer in answers { #expect((try? JSONReader.parse(answer)) != nil, "\(answer)") }
    }

    @Test func marketFilesRefuseAFieldGivenTwice() throws {
        let files = try TemporaryMarketFiles()
        let text = try String(contentsOfFile: MarketExamples.aapl, encoding: .utf8)
        let nested = try files.write(
            text.replacingOccurrences(
                of: #""totalPt": "19823512368863353913184","#,
                with: #""totalPt": "5", "totalPt": "19823512368863353913184","#))
        expectFailure(
            yieldstrip("market", "show", "--market", nested), exitCode: 1,
            containing: "market file '\(nested)': field 'market.totalPt' occurs more than once; give each field once")
        let top = try files.write(
            text.replacingOccurrences(
                of: #""pyIndex": "1003214142718150519","#,
                with: #""pyIndex": "1", "pyIndex": "1003214142718150519","#))
        expectFailure(
            yieldstrip("quote", "--market", top, "--buy-pt", "--amount", "1"), exitCode: 1,
            containing: "market file '\(top)': field 'pyIndex' occurs more than once; give each field once")
        #expect(throws: MarketFileError.self) { try MarketFile.load(path: nested) }
        // A YieldSpace pool's file is read by the same door.
        let pool = try String(contentsOfFile: YieldSpaceExampleTests.path, encoding: .utf8)
        let twice = try files.write(pool.replacingOccurrences(of: #""g1Fee": 9500,"#, with: #""g1Fee": 1, "g1Fee": 9500,"#))
        expectFailure(
            yieldstrip("market", "show", "--market", twice), exitCode: 1, containing: "field 'pool.g1Fee' occurs more than once; give each field once"
        )
    }

    @Test func jsonSchedulesRefuseAKeyGivenTwice() throws {
        let files = try TemporaryMarketFiles()
        let events = #"[{"exDate":"2024-11-08","amount":"0.25","reinvestPrice":"227"}]"#
        let path = try files.write("{\n\"events\": \(events),\n\"events\": []\n}\n")
        expectFailure(
            yieldstrip("dividends", "--schedule", path), exitCode: 1,
            containing: "line 3: JSON: key \"events\" appears twice in one object; keep one")
    }
}
