import Foundation
import Testing
import YieldStrip

@testable import YieldStripCLI

/// Helpers of the tokenization CLI tests: JSON answers, batch lines, example files and fixtures.
enum TokenizationCLITesting {
    /// The repository's root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/data/aapl.csv`, as an absolute path.
    static let aaplSchedulePath = repositoryRoot.appendingPathComponent("examples/data/aapl.csv").path

    /// The one JSON object a command printed (or an empty object when it printed something else).
    static func object(_ text: String) -> JSONObject {
        if case .object(let object)? = try? JSONReader.parse(text) { return object }
        return JSONObject()
    }

    /// The answer to one batch request (`{"op": …, …}`, no id).
    static func batch(_ request: JSONObject) -> JSONObject {
        object(yieldstrip("batch", stdin: request.jsonText + "\n").stdout)
    }

    static func wei(_ object: JSONObject, _ key: String) -> String? {
        if case .string(let text)? = object[key] { return text }
        return nil
    }

    /// The value on the table row labelled `label` (the label, two or more spaces, the value).
    static func tableValue(_ table: String, _ label: String) -> String? {
        for line in table.split(separator: "\n") where line.hasPrefix(label + "  ") {
            return line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    static func text(_ object: JSONObject, _ key: String) -> String? { wei(object, key) }

    static func number(_ object: JSONObject, _ key: String) -> Double? {
        if case .number(let number)? = object[key] { return Double(number.text) }
        return nil
    }

    static func nested(_ object: JSONObject, _ key: String) -> JSONObject {
        if case .object(let inner)? = object[key] { return inner }
        return JSONObject()
    }

    static func rows(_ object: JSONObject, _ key: String = "rows") -> [JSONObject] {
        guard case .array(let elements)? = object[key] else { return [] }
        return elements.compactMap { if case .object(let row) = $0 { return row } else { return nil } }
    }

    /// A directory of small schedule files for one test, removed by the caller's `defer`.
    struct Fixtures {
        let directory: URL

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("yieldstrip-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        /// Writes `text` to `name` in the directory and returns its path.
        func file(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }
}

/// The tokenization batch ops: the reference interest vectors, the yield contract's mint and redeem
/// with its rounding, and bad requests answered by name.
@Suite struct TokenizationBatchTests {
    typealias T = TokenizationCLITesting

    /// Every case of `interest.json` is one `ytInterest` line; each answer holds the case's `interest`,
    /// `fee` and `paid`, or its revert name: the market vectors' check, on this file.
    @Test func everyInterestVectorThroughBatch() throws {
        try MarketBatchVectorTests().everyCaseThroughBatch(file: "interest", defaultOp: "ytInterest")
        let reverts = try MarketBatchVectorTests.cases("interest", defaultOp: "ytInterest").filter { $0.expected["error"] != nil }
        #expect(reverts.count == 33)
    }

    /// The op is the library's exact step, field for field.
    @Test func ytInterestIsTheLibraryStep() throws {
        let answer = T.batch([
            "op": "ytInterest", "balance": "1000000000000000000000", "prevIndex": "1000000000000000000",
            "curIndex": "1003214142718150519", "feeRate": "30000000000000000"
        ])
        let step = try YTInterest.exactStep(
            balance: #require(UInt256("1000000000000000000000")),
            prevIndex: #require(UInt256("1000000000000000000")),
            curIndex: #require(UInt256("1003214142718150519")), feeRate: #require(UInt256("30000000000000000")))
        #expect(answer == ["interest": .wei(step.interest), "fee": .wei(step.fee), "paid": .wei(step.paid)])
        #expect(T.batch(["op": "ytInterest", "balance": "1", "prevIndex": "2", "curIndex": "1", "feeRate": "0"])["error"] == "Panic(0x11)")
    }

    /// `syToAsset`, rounded down: the odd wei stays with the contract.
    @Test func mintPyRoundsDown() {
        func mint(_ amountSy: String, _ pyIndex: String, expired: Bool? = nil) -> JSONObject {
            var request: JSONObject = ["op": "mintPy", "amountSy": .string(amountSy), "pyIndex": .string(pyIndex)]
            if let expired { request.append("expired", .bool(expired)) }
            return T.batch(request)
        }
        #expect(mint("1", "1500000000000000000") == ["amountPy": "1"])  // 1.5 wei → 1
        #expect(mint("1", "500000000000000000") == ["amountPy": "0"])  // 0.5 wei → 0
        #expect(mint("3", "1012300000000000000") == ["amountPy": "3"])  // 3.0369 wei → 3
        #expect(mint("333333333333333333", "1012300000000000000") == ["amountPy": "337433333333333332"])
        #expect(mint("100000000000000000000", "1003214142718150519") == ["amountPy": "100321414271815051900"])
        #expect(mint("1", "1000000000000000000", expired: true)["error"] == "YCExpired")
        #expect(mint("0", "1000000000000000000")["error"] == "YCNoFloatingSy")
        #expect(mint("-1", "1000000000000000000")["error"] == "NegativeAmount")
        #expect(mint("1", "0")["error"] == "NonPositiveExchangeRate")
    }

    /// Before expiry PT + YT burn for `assetToSy` rounded down; after expiry PT alone redeems at the index
    /// and the growth since `firstPYIndex` goes to the treasury.
    @Test func redeemPyRoundsDownAndSplitsAfterExpiry() {
        func redeem(_ fields: JSONObject) -> JSONObject {
            var request: JSONObject = ["op": "redeemPy"]
            request.append(contentsOf: fields)
            return T.batch(request)
        }
        #expect(
            redeem(["amountPy": "1", "pyIndex": "1500000000000000000"])
                == ["amountSy": "0", "syToTreasury": "0", "firstPYIndex": .null])  // 0.67 wei → 0
        // Minting 0.333…333 SY at 1.0123 and redeeming the PY gives back one wei less.
        #expect(redeem(["amountPy": "337433333333333332", "pyIndex": "1012300000000000000"])["amountSy"] == "333333333333333332")
        #expect(
            redeem([
                "amountPy": "100000000000000000000", "pyIndex": "1250000000000000000", "firstPYIndex": "1200000000000000000",
                "expired": true
            ])
                == ["amountSy": "80000000000000000000", "syToTreasury": "3333333333333333333", "firstPYIndex": "1200000000000000000"])
        // The first post-expiry touch: firstPYIndex is the index itself, nothing to the treasury.
        #expect(
            redeem(["amountPy": "100000000000000000000", "pyIndex": "1250000000000000000", "expired": true])
                == ["amountSy": "80000000000000000000", "syToTreasury": "0", "firstPYIndex": "1250000000000000000"])
        #expect(
            redeem(["amountPy": "1", "pyIndex": "1000000000000000000", "firstPYIndex": "1000000000000000000"])["error"]
                == "FirstPYIndexBeforeExpiry")
        #expect(redeem(["amountPy": "-1", "pyIndex": "1000000000000000000"])["error"] == "NegativeAmount")
        #expect(redeem(["amountPy": "1", "pyIndex": "0"])["error"] == "NonPositiveExchangeRate")
    }

    /// The same values as the library's `YieldContractMath`, for a spread of amounts and indexes.
    @Test func mintAndRedeemMatchTheLibrary() throws {
        for (amount, index) in [
            ("1", "1000000000000000001"), ("999999999999999999", "1999999999999999999"),
            ("123456789012345678901", "1003214142718150519")
        ] {
            let a = try #require(Wad(weiText: amount))
            let i = try #require(Wad(weiText: index))
            let mint = try YieldContractMath.mintPy(amountSy: a, pyIndex: i)
            #expect(T.batch(["op": "mintPy", "amountSy": .string(amount), "pyIndex": .string(index)]) == ["amountPy": .wei(mint.amountPy.raw)])
            let redeem = try YieldContractMath.redeemPy(amountPy: mint.amountPy, pyIndex: i)
            #expect(
                T.batch(["op": "redeemPy", "amountPy": .wei(mint.amountPy.raw), "pyIndex": .string(index)])["amountSy"] == .wei(redeem.amountSy.raw))
            #expect(redeem.amountSy <= a)
        }
    }

    /// Every tokenization op is listed.
    @Test func opsAreListed() {
        let list = yieldstrip("batch", "--list", "--json").stdout
        for op in ["ytInterest", "mintPy", "redeemPy", "split", "dividends", "ytInterestReport"] {
            #expect(list.contains("\"name\":\"\(op)\""), "\(op)")
        }
    }

    /// Bad requests get an error answer naming the field or the schedule row; the batch goes on.
    @Test func badRequestsAreAnswered() {
        #expect(T.batch(["op": "split", "exchangeRate": "1000000000000000000"])["errorArgs"] == ["tokens"])
        #expect(T.batch(["op": "split", "tokens": "1", "exchangeRate": "1", "expiry": "next year", "valuationTime": 0])["errorArgs"] == ["expiry"])
        #expect(T.batch(["op": "split", "tokens": "-1", "exchangeRate": "1000000000000000000"])["error"] == "NegativeAmount")
        #expect(T.batch(["op": "split", "tokens": "1", "exchangeRate": "0"])["error"] == "NonPositiveExchangeRate")
        #expect(T.batch(["op": "split", "tokens": "1", "exchangeRate": "1000000000000000000", "expiry": "2026-03-01"])["error"] == "MissingInput")
        #expect(T.batch(["op": "dividends"])["errorArgs"] == ["schedule"])
        #expect(T.batch(["op": "dividends", "schedule": 5])["error"] == "BadRequest")
        #expect(
            T.batch(["op": "dividends", "schedule": "ex_date,amount\n2024-01-01,0.25", "priceAssumption": "someday"])["errorArgs"]
                == ["priceAssumption"])
        let unsorted = T.batch([
            "op": "dividends",
            "schedule": [
                ["exDate": "2024-02-01", "amount": "0.25", "reinvestPrice": 200],
                ["exDate": "2024-01-01", "amount": "0.25", "reinvestPrice": 200]
            ]
        ])
        #expect(unsorted["error"] == "UnsortedSchedule")
        #expect(unsorted["errorArgs"] == ["2", "2024-01-01", "2024-02-01"])
        let malformed = T.batch(["op": "dividends", "schedule": "ex_date,amount,reinvest_price\n2024-01-01,0.25,200\n2024-02-01,x,200\n"])
        #expect(malformed["error"] == "MalformedLine")
        #expect(T.text(malformed, "message")?.hasPrefix("line 3: ") == true)
        #expect(
            T.batch([
                "op": "dividends", "schedule": "ex_date,amount,reinvest_price\n2024-01-01,0.25,200\n2027-01-01,0.25,200\n",
                "maturity": "2026-01-01"
            ])["error"] == "DateAfterMaturity")
        #expect(T.batch(["op": "ytInterestReport", "balance": "1", "indexFrom": "0", "indexTo": "1"])["error"] == "NonPositiveExchangeRate")
        let run = yieldstrip(
            "batch", stdin: "{\"op\":\"mintPy\",\"id\":1}\n{\"op\":\"mintPy\",\"id\":2,\"amountSy\":\"1\",\"pyIndex\":\"1000000000000000000\"}\n")
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasSuffix("{\"id\":2,\"amountPy\":\"1\"}\n"))
    }
}
