import Testing
import YieldStrip

@testable import YieldStripCLI

@Suite struct JSONReaderTests {
    @Test func scalarsAndContainers() throws {
        #expect(try JSONReader.parse("null") == .null)
        #expect(try JSONReader.parse(" true ") == .bool(true))
        #expect(try JSONReader.parse("false") == .bool(false))
        #expect(try JSONReader.parse("\"hi\"") == .string("hi"))
        #expect(try JSONReader.parse("[]") == .array([]))
        #expect(try JSONReader.parse("{}") == .object(JSONObject()))
        #expect(try JSONReader.parse(" [1, [2, {\"a\": [null]}], \"x\"]\r\n") == [1, [2, ["a": [nil]]], "x"])
    }

    @Test func numbersKeepTheirText() throws {
        for text in [
            "0", "-0", "12", "-5", "1.50", "6e-3", "1E+18", "-0.0e0",
            "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "-57896044618658097711785492504343953926634992332820282019728792003956564819968",
            "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
        ] {
            #expect(try JSONReader.parse(text) == .number(JSONNumber(validatedText: text)), "\(text)")
            #expect(try JSONReader.parse(text).jsonText == text)
        }
        #expect(try JSONReader.parse("1.0") != JSONReader.parse("1"))
    }

    /// Members keep their order; a repeated key is an error of `JSONReader.parse` and is kept,
    /// and reported, by `JSONReader.parseReportingDuplicateKeys`.
    @Test func objectsKeepOrderAndDuplicates() throws {
        let text = #"{"z":1,"a":2,"m":{"y":3,"b":4},"a":5}"#
        #expect(
            throws: JSONParseError(
                offset: 31, reason: "key 'a' occurs more than once in an object (at a)",
                duplicateKey: JSONDuplicateKey(offset: 31, path: [.key("a")]))
        ) { try JSONReader.parse(text) }
        guard case .object(let object) = try JSONReader.parseReportingDuplicateKeys(text).value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a", "m", "a"])
        #expect(object["a"] == 2)
        #expect(object.firstDuplicateKey == "a")
        #expect(object["m"] == ["y": 3, "b": 4])
    }

    @Test func stringEscapes() throws {
        #expect(try JSONReader.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        #expect(try JSONReader.parse(#""\u0041\u00e9\u20AC\u0000""#) == .string("Aé€\u{0}"))
        #expect(try JSONReader.parse(#""\ud83d\ude00 x""#) == .string("😀 x"))
        #expect(try JSONReader.parse("\"héllo 😀\"") == .string("héllo 😀"))
        #expect(try JSONReader.parse(#""pre \u00e9 post é""#) == .string("pre é post é"))
    }

    /// (input, byte offset, reason)
    static let malformed: [(String, Int, String)] = [
        ("", 0, "unexpected end of input, expected a value"),
        ("   ", 3, "unexpected end of input, expected a value"),
        ("{", 1, "unterminated object starting at byte 0"),
        (#"{"a" 1}"#, 5, "unexpected '1', expected ':' after an object key"),
        (#"{"a":1,}"#, 7, "unexpected '}', expected a string key"),
        (#"{"a":1 "b":2}"#, 7, "unexpected '\"', expected ',' or '}' in an object"),
        ("{a:1}", 1, "unexpected 'a', expected a string key"),
        ("[1,]", 3, "unexpected ']', expected a value"),
        ("[1 2]", 3, "unexpected '2', expected ',' or ']' in an array"),
        ("[1", 2, "unterminated array starting at byte 0"),
        ("01", 1, "malformed number: found '1', expected no leading zero"),
        ("-", 1, "malformed number: found end of input, expected a digit"),
        ("1.", 2, "malformed number: found end of input, expected a digit after '.'"),
        ("1e+", 3, "malformed number: found end of input, expected a digit in the exponent"),
        ("+1", 0, "unexpected '+', expected a value"),
        ("NaN", 0, "unexpected 'N', expected a value"),
        ("tru", 0, "invalid literal, expected 'true'"),
        ("nul", 0, "invalid literal, expected 'null'"),
        ("1 2", 2, "unexpected '2' after the value"),
        (#""abc"#, 0, "unterminated string starting at byte 0"),
        (#""ab\"#, 3, "unterminated escape sequence"),
        ("\"a\tb\"", 2, "unescaped control character 0x09 in a string"),
        (#""\x""#, 1, "invalid escape '\\x' in a string"),
        (#""\u12""#, 1, "\\u escape needs 4 hex digits"),
        (#""\ud83d""#, 1, "unpaired high surrogate \\uD83D (a low surrogate escape must follow)"),
        (#""\ud83d\u0041""#, 7, "\\u0041 after high surrogate \\uD83D is not a low surrogate"),
        (#""\ude00""#, 1, "unpaired low surrogate \\uDE00")
    ]

    @Test(arguments: malformed)
    func rejectsMalformedInput(input: String, offset: Int, reason: String) {
        #expect(throws: JSONParseError(offset: offset, reason: reason)) { try JSONReader.parse(input) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError(offset: 1, reason: "invalid UTF-8 in the string starting at byte 1")) {
            try JSONReader.parse([0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D])
        }
        #expect(throws: JSONParseError(offset: 0, reason: "invalid UTF-8 in the string starting at byte 0")) {
            try JSONReader.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22])
        }
        #expect(throws: JSONParseError(offset: 0, reason: "unexpected byte 0xFF, expected a value")) {
            try JSONReader.parse([0xFF])
        }
    }

    @Test func errorDescriptionGivesTheOffset() {
        #expect(JSONParseError(offset: 5, reason: "x").description == "malformed JSON at byte 5: x")
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: JSONReader.maximumDepth) + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(throws: Never.self) { try JSONReader.parse(deep) }
        let tooDeep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError(offset: JSONReader.maximumDepth, reason: "nesting deeper than 512 levels")) {
            try JSONReader.parse(tooDeep)
        }
    }
}
