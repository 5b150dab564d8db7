// The seed corpus (Fuzz/corpus/), written by the fuzz binary itself when YIELDSTRIP_FUZZ_WRITE_SEEDS names a
// directory (scripts/fuzz-corpus.sh): the same reader and writer as the batch door, no other tool.
//
// Seeds are deterministic and small: a sample of every reference-vector file as batch lines, the request lines
// of docs/, the example market files and dividend schedules, and a few texts per parser. Each seed's first byte
// is its door (see FuzzTarget.swift).

import Foundation
import YieldStrip
import YieldStripCLI
import YieldStripJSON

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> Int32 {
    if let directory = ProcessInfo.processInfo.environment["YIELDSTRIP_FUZZ_WRITE_SEEDS"] {
        let root = ProcessInfo.processInfo.environment["YIELDSTRIP_ROOT"] ?? FileManager.default.currentDirectoryPath
        do {
            let count = try SeedCorpus(root: root).write(to: directory)
            print("wrote \(count) seeds to \(directory)")
            if let path = ProcessInfo.processInfo.environment["YIELDSTRIP_FUZZ_WRITE_DICTIONARY"] {
                let entries = try SeedCorpus(root: root).dictionary()
                guard FileManager.default.createFile(atPath: path, contents: Data(entries.utf8)) else {
                    throw SeedCorpus.Failure(description: "cannot write \(path)")
                }
                print("wrote the dictionary to \(path)")
            }
            exit(0)
        } catch {
            fputs("seed corpus: \(error)\n", stderr)
            exit(1)
        }
    }
    return 0
}

struct SeedCorpus {
    struct Failure: Error, CustomStringConvertible { let description: String }

    let root: String
    private(set) var seeds: [(name: String, bytes: [UInt8])] = []

    init(root: String) { self.root = root }

    /// Writes every seed into `directory` (emptied first) and returns how many.
    func write(to directory: String) throws -> Int {
        var corpus = self
        try corpus.build()
        let manager = FileManager.default
        if manager.fileExists(atPath: directory) {
            for name in try manager.contentsOfDirectory(atPath: directory) { try manager.removeItem(atPath: directory + "/" + name) }
        } else {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        for seed in corpus.seeds {
            guard manager.createFile(atPath: directory + "/" + seed.name, contents: Data(seed.bytes)) else {
                throw Failure(description: "cannot write \(directory)/\(seed.name)")
            }
        }
        return corpus.seeds.count
    }

    /// A libFuzzer dictionary: every op's name, every key the seeds' requests use, and values at the edges.
    func dictionary() throws -> String {
        var corpus = self
        try corpus.build()
        var keys = Set<String>()
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for member in object.members {
                    keys.insert(member.key)
                    collect(member.value)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        for seed in corpus.seeds where seed.name.hasPrefix("batch-") || seed.name.hasPrefix("market-") {
            for line in seed.bytes.dropFirst().split(separator: UInt8(ascii: "\n")) {
                if let value = try? JSONReader.parse(Array(line)) { collect(value) }
            }
        }
        var lines = ["# libFuzzer dictionary of the batch door and the parsers (written by scripts/fuzz-seeds.sh)"]
        /// `name="token"`, escaped as libFuzzer reads it (`\\`, `\"`, `\xHH`).
        func entry(_ name: String, _ token: String) {
            var escaped = ""
            for byte in token.utf8 {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): escaped += "\\" + String(UnicodeScalar(byte))
                case 0x20...0x7E: escaped += String(UnicodeScalar(byte))
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    escaped += "\\x" + (hex.count == 1 ? "0" : "") + hex
                }
            }
            lines.append("\(name)=\"\(escaped)\"")
        }
        for (i, op) in BatchOpRegistry.standard.ops.map(\.name).enumerated() { entry("op\(i)", "\"\(op)\"") }
        for (i, key) in keys.sorted().enumerated() { entry("key\(i)", "\"\(key)\":") }
        let values = [
            "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"",
            "\"57896044618658097711785492504343953926634992332820282019728792003956564819967\"",
            "\"-57896044618658097711785492504343953926634992332820282019728792003956564819968\"",
            "\"1000000000000000000\"", "\"0\"", "\"-1\"", "1e308", "-1e-320", "0.000000000000000001", "null", "true",
            "false", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", "\"9999-12-31T23:59:59Z\"", "\"0000-01-01\"",
            "\"2026-03-02T14:30:00+14:00\"", "\"1%\"", "\"50bp\"", "\"-30%..30%:10%\"", "ex_date,amount", "split_ratio",
            "date,multiplier", "\r\n", "pt:", "yt:", "lp:", "sy:"
        ]
        for (i, value) in values.enumerated() { entry("value\(i)", value) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func add(_ name: String, _ door: Character, _ text: String) {
        seeds.append((name, Array(door.utf8) + Array(text.utf8)))
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { throw Failure(description: "cannot read \(path)") }
        return Array(data)
    }

    private func readText(_ path: String) throws -> String { String(decoding: try read(path), as: UTF8.self) }

    private func parseObject(_ bytes: [UInt8], _ what: String) throws -> JSONObject {
        guard case .object(let object) = try JSONReader.parse(bytes) else { throw Failure(description: "\(what) is not an object") }
        return object
    }

    mutating func build() throws {
        var requests: [String] = []

        // The reference vectors: evenly spaced cases of each file, and its first reverting ones.
        let pendle: [(file: String, defaultOp: String?)] = [
            ("pmath", nil), ("logexp", nil), ("market_precompute", nil), ("market_trade", "executeTradeCore"),
            ("liquidity", nil), ("exact_in", nil), ("interest", "ytInterest")
        ]
        for (file, defaultOp) in pendle {
            let root = try parseObject(try read("Tests/_TestSupport/Vectors/\(file).json"), file)
            guard case .array(let cases)? = root["cases"] else { throw Failure(description: "\(file): no cases") }
            var picked: [(Int, JSONObject)] = []
            var reverting = 0
            for (i, value) in cases.enumerated() {
                guard case .object(let c) = value, case .object(let input)? = c["input"], case .object(let expected)? = c["expected"] else {
                    continue
                }
                let reverts = expected["error"] != nil
                if i % 30 == 0 || (reverts && reverting < 4) {
                    if reverts { reverting += 1 }
                    var op = defaultOp ?? ""
                    if case .string(let name)? = c["op"] { op = name }
                    var request: JSONObject = ["op": .string(op), "id": .number(JSONNumber(i))]
                    request.append(contentsOf: input)
                    picked.append((i, request))
                }
            }
            for (i, request) in picked {
                add("batch-\(file)-\(i)", "B", request.jsonText)
                requests.append(request.jsonText)
            }
        }
        let yieldSpace = try parseObject(try read("Tests/_TestSupport/Vectors/yieldspace.json"), "yieldspace")
        guard case .object(let groups)? = yieldSpace["cases"] else { throw Failure(description: "yieldspace: no cases") }
        for group in groups.members {
            guard case .array(let list) = group.value else { continue }
            for (i, value) in list.enumerated() where i % 100 == 0 {
                guard case .object(let c) = value else { continue }
                var request: JSONObject = ["op": .string(group.key), "id": .number(JSONNumber(i))]
                for member in c.members where !["id", "expected", "error"].contains(member.key) { request.append(member.key, member.value) }
                add("batch-yieldspace-\(group.key)-\(i)", "B", request.jsonText)
                requests.append(request.jsonText)
            }
        }

        // The request lines of the docs, with the example markets put back where the docs elide them.
        var markets: [(totalPt: String, object: JSONObject, file: JSONObject, name: String)] = []
        for name in ["aapl-like", "asdpendle-high-yield", "spy-like-near-expiry", "yieldspace-aapl-like"] {
            let bytes = try read("examples/markets/\(name).json")
            add("market-\(name)", "M", String(decoding: bytes, as: UTF8.self))
            let file = try parseObject(bytes, name)
            if case .object(let market)? = file["market"], case .string(let totalPt)? = market["totalPt"] {
                markets.append((totalPt, market, file, name))
            }
        }
        for doc in ["batch", "cli", "tokenization", "strategies", "hedging", "curves", "pendle-market", "conventions"] {
            var n = 0
            for line in try readText("docs/\(doc).md").split(separator: "\n") where line.hasPrefix("{\"op\":") {
                var text = String(line)
                for market in markets {
                    text = text.replacingOccurrences(of: "{\"totalPt\":\"\(market.totalPt)\",…}", with: JSONValue.object(market.object).jsonText)
                }
                n += 1
                add("batch-doc-\(doc)-\(n)", "B", text)
                if (try? JSONReader.parse(text)) != nil { requests.append(text) }
            }
        }

        // Ops that no vector or doc line shows, on the AAPL-like example market.
        if let aapl = markets.first {
            let context = "\"market\":\(JSONValue.object(aapl.object).jsonText),\"pyIndex\":\"1003214142718150519\",\"blockTime\":1772461800"
            let extra = [
                "{\"op\":\"depth\",\(context)}",
                "{\"op\":\"marketSnapshot\",\(context),\"stockPrice\":230}",
                "{\"op\":\"short-yt\",\(context),\"stockPrice\":230,\"shares\":\"1000000000000000000000\"}",
                "{\"op\":\"hedgeDv01\",\(context),\"stockPrice\":230,\"position\":\"pt:1000,yt:-500,lp:10,sy:250\"}",
                "{\"op\":\"quote\",\(context),\"swap\":\"swapExactYtForSy\",\"exactYtIn\":\"1000000000000000000000\"}",
                "{\"op\":\"swapExactPtForYt\",\(context),\"exactPtIn\":\"1000000000000000000\"}",
                "{\"op\":\"addLiquiditySingleSy\",\(context),\"netSyIn\":\"1000000000000000000\"}",
                "{\"op\":\"swapSyForExactPt\",\(context),\"exactPtOut\":\"1000000000000000000\"}",
                "{\"op\":\"swapPtForExactSy\",\(context),\"exactSyOut\":\"1000000000000000000\"}",
                "{\"op\":\"swapExactYtForPt\",\(context),\"exactYtIn\":\"1000000000000000000\"}",
                "{\"op\":\"addLiquiditySinglePt\",\(context),\"netPtIn\":\"1000000000000000000\"}",
                "{\"op\":\"addLiquiditySingleSyKeepYt\",\(context),\"netSyIn\":\"1000000000000000000\"}",
                "{\"op\":\"removeLiquiditySingleSy\",\(context),\"lpToRemove\":\"1000000000000000000\"}",
                "{\"op\":\"removeLiquiditySinglePt\",\(context),\"lpToRemove\":\"1000000000000000000\"}",
                "{\"op\":\"loop\",\(context),\"tokens\":\"100\",\"protocol\":\"morpho\",\"lltv\":\"91.5%\",\"borrowApr\":\"0.05%\",\"tokenApy\":\"0.1%\",\"loops\":8}",
                "{\"op\":\"assetToSy\",\"index\":\"1012300000000000000\",\"amount\":\"100000000000000000000\"}",
                "{\"op\":\"assetToSyUp_i\",\"index\":\"1012300000000000000\",\"amount\":\"-100000000000000000001\"}",
                "{\"op\":\"syToAsset_i\",\"index\":\"1012300000000000000\",\"amount\":\"-3\"}",
                "{\"op\":\"rawDivUp_u\",\"a\":\"7\",\"b\":\"2\"}",
                // A market named by its file (relative to the repository's root, where the fuzzer runs).
                "{\"op\":\"marketSnapshot\",\"marketFile\":\"examples/markets/aapl-like.json\"}",
                "{\"op\":\"lockin\",\"marketFile\":\"examples/markets/yieldspace-aapl-like.json\",\"usd\":10000}",
                "{\"op\":\"quote\",\"marketFile\":\"examples/markets/spy-like-near-expiry.json\",\"swap\":\"swapExactPtForSy\",\"exactPtIn\":\"1000000000000000000\"}"
            ]
            for (i, text) in extra.enumerated() {
                add("batch-extra-\(i)", "B", text)
                requests.append(text)
            }
            var file = aapl.file
            file["blockTime"] = .string("2026-03-02T14:30:00Z")
            add("market-aapl-like-iso-time", "M", JSONValue.object(file).jsonText)
        }
        for (i, c) in requests.enumerated() where i % 12 == 7 {
            // Vector inputs as market files (those that carry a market and an index).
            guard case .object(let request)? = try? JSONReader.parse(c), request["market"] != nil, request["pyIndex"] != nil else { continue }
            var file: JSONObject = ["curve": "pendle-v2"]
            for member in request.members where ["market", "pyIndex", "blockTime"].contains(member.key) { file.append(member.key, member.value) }
            add("market-vector-\(i)", "M", JSONValue.object(file).jsonText)
        }

        // Streams: several lines at once, blank and broken ones, CRLF, a byte order mark, in small chunks.
        let streams = [
            requests.prefix(3).joined(separator: "\n") + "\n",
            "\u{FEFF}" + requests[1] + "\r\n\r\n" + requests[2],
            requests[5] + "\n\n   \n{\"op\":\"ln\",\"id\":9,\"x\":\"2\"\n" + requests[6],
            "{\"op\":\"ln\",\"id\":[1,{\"a\":1,\"a\":2}],\"x\":\"1\"}\n{\"op\":\"exp\",\"x\":\"1\",\"x\":\"2\"}"
        ]
        for (i, stream) in streams.enumerated() {
            add("batch-stream-\(i)", "B", stream)
            seeds.append(("stream-chunked-\(i)", Array("S".utf8) + [UInt8(i * 7 + 1), UInt8(i * 40 + 3)] + Array(stream.utf8)))
        }

        // Command lines: every `$ yieldstrip …` line of the docs (up to a pipe or a redirection), arguments
        // separated by NUL bytes.
        for doc in ["cli", "batch", "strategies", "hedging", "tokenization", "curves", "pendle-market", "conventions", "charts"] {
            var n = 0
            for line in try readText("docs/\(doc).md").split(separator: "\n") where line.hasPrefix("$ yieldstrip ") {
                let command = line.dropFirst("$ yieldstrip ".count).prefix { !"|<>".contains($0) }
                let arguments = command.split(separator: " ").map {
                    $0.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\"", with: "")
                }
                guard let first = arguments.first, !["batch", "demo", "report", "help", "completions"].contains(first) else { continue }
                n += 1
                add("command-\(doc)-\(n)", "C", arguments.joined(separator: "\u{0}"))
            }
        }

        // Dividend schedules: the bundled CSV files, and JSON forms.
        for name in ["aapl", "ko", "msft", "o", "spy"] {
            add("dividends-\(name)", "D", try readText("examples/data/\(name).csv"))
        }
        let schedules = [
            "ex_date,amount,reinvest_price,split_ratio,certainty\n2024-11-08,0.25,227,,verified\n2020-08-31,,,4,verified\n",
            "ex_date,amount\n2024-01-01,0.25\n2024-04-01,0.26\n2024-07-01,0.26 # estimate\n",
            "amount,ex_date,split_ratio\n0.1,1704067200,\n,1706745600,2\n",
            "{\"events\":[{\"exDate\":\"2024-11-08\",\"amount\":0.25,\"reinvestPrice\":227,\"certainty\":\"verified\"},{\"exDate\":\"2020-08-31\",\"splitRatio\":4}]}",
            "[{\"exDate\":\"2024-02-01\",\"amount\":\"0.000000000000000001\"},{\"exDate\":1709251200,\"amount\":\"1e3\"}]"
        ]
        for (i, text) in schedules.enumerated() { add("dividends-text-\(i)", "D", text) }

        // Rate series, dated series, positions and times.
        let seriesHead = try readText("examples/data/synthetic-stock-token.csv").split(separator: "\n").prefix(24).joined(separator: "\n")
        let series = [
            seriesHead,
            "date,multiplier,split_ratio\n2024-01-01,1.0,\n2024-04-01,1.0025,\n2024-07-01,2.01,2\n",
            "{\"observations\":[{\"date\":\"2024-01-01\",\"multiplier\":1},{\"date\":\"2024-02-01\",\"multiplier\":\"1.001\"}]}",
            "date,close\n2024-01-01,100\n2024-01-02,101\n2024-01-03,1e2\n",
            "pt:1000,yt:-500,lp:10,sy:250", "pt:1e3", "yt:-0.000000000000000001",
            "2026-03-01T08:00:00+02:00", "1772461800", "-62167219200", "9999-12-31T23:59:59Z", "2024-02-30"
        ]
        for (i, text) in series.enumerated() { add("series-\(i)", "R", text) }

        // Wad text and the wad command's operands: the first piece picks the operation (its first byte's value
        // modulo 6: ln exp mul div divup sqrt; a byte of 0x80 or more adds --wei).
        let wads = [
            "1.05", "-0.5", ".5", "+2", "0.000000000000000001", "57896044618658097711785492504343953926634992332820282019728.792003956564819967",
            "115792089237316195423570985008687907853269984665640564039457584007913129639935", "1e18", "1_000", "-",
            "mul\u{0}1.5\u{0}2", "div\u{0}1\u{0}3", "divup\u{0}3\u{0}2", "sqrt\u{0}4", "ln\u{0}2", "exp\u{0}130", "exp\u{0}-41.5",
            "\u{86}sqrt\u{0}115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "\u{82}mul\u{0}-3\u{0}500000000000000000", "mul\u{0}--json\u{0}1\u{0}2"
        ]
        for (i, text) in wads.enumerated() { add("wad-\(i)", "W", text) }

        // The JSON reader: nesting, escapes, numbers at the edges.
        let json = [
            "{\"a\":[1,-0.5e-3,true,false,null,\"\\u00e9\\ud83d\\ude00\\n\"]}", "[[[[[[[[]]]]]]]]", "\"\\ud800\"",
            "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890", "{\"a\":1,\"a\":2}",
            " \t\r\n{} ", "[1,]", "-0", "1E+400"
        ]
        for (i, text) in json.enumerated() { add("json-\(i)", "J", text) }
    }
}
