import Testing
import YieldStrip

@testable import YieldStripCLI

/// The typed accessors batch ops read their inputs with.
@Suite struct FieldReaderTests {
    func request(_ text: String) throws -> BatchRequest {
        guard case .object(let object) = try JSONReader.parse(text) else { throw RequestError.badRequest(field: nil, reason: "not an object") }
        return try BatchRequest(object)
    }

    @Test func integersFromStringsAndNumbers() throws {
        let r = try request(#"{"op":"t","a":"-5","b":12,"c":"0","w":"1500000000000000000","e":1700000000,"f":"1700000000","p":80}"#)
        #expect(try r.int256("a") == Int256(-5))
        #expect(try r.int256("b") == Int256(12))
        #expect(try r.uint256("b") == UInt256(12))
        #expect(try r.uint256("c") == UInt256.zero)
        #expect(try r.wad("w") == Wad(decimal: "1.5"))
        #expect(try r.int64("e") == 1_700_000_000)
        #expect(try r.int64("f") == 1_700_000_000)
        #expect(try r.int("p") == 80)
    }

    @Test func doublesBoolsAndStrings() throws {
        let r = try request(#"{"op":"t","d":0.05,"s":"1e-3","n":"nan","big":1e999,"flag":true,"name":"x"}"#)
        #expect(try r.double("d") == 0.05)
        #expect(try r.double("s") == 0.001)
        #expect(throws: RequestError.badRequest(field: "n", reason: #"field 'n' must be a number: a JSON number or a string holding one; got "nan""#))
        {
            try r.double("n")
        }
        #expect(throws: RequestError.overflow(field: "big", reason: "field 'big' is outside the range of a double: 1e999")) {
            try r.double("big")
        }
        #expect(try r.bool("flag"))
        #expect(try r.string("name") == "x")
        #expect(try r.string("op") == "t")
    }

    @Test func optionalVariants() throws {
        let r = try request(#"{"op":"t","a":"7","z":null}"#)
        #expect(try r.int256IfPresent("a") == Int256(7))
        #expect(try r.int256IfPresent("z") == nil)
        #expect(try r.wadIfPresent("missing") == nil)
        #expect(try r.doubleIfPresent("missing") == nil)
        #expect(throws: RequestError.self) { try r.boolIfPresent("a") }
    }

    @Test func nestedObjectsNameFieldsByPath() throws {
        let r = try request(#"{"op":"t","market":{"totalPt":"100","expiry":"soon","inner":{"x":"1"}}}"#)
        let market = try r.object("market")
        #expect(try market.int256("totalPt") == Int256(100))
        #expect(try market.object("inner").uint256("x") == UInt256.one)
        #expect(
            throws: RequestError.badRequest(
                field: "market.expiry",
                reason: #"field 'market.expiry' must be an integer: a JSON integer or a decimal string; got "soon""#)
        ) {
            try market.int64("expiry")
        }
        #expect(
            throws: RequestError.badRequest(
                field: "market.totalSy",
                reason: "missing field 'market.totalSy' (an int256: a decimal string of wei or a JSON integer)")
        ) {
            try market.int256("totalSy")
        }
        #expect(throws: RequestError.badRequest(field: "op", reason: #"field 'op' must be an object; got "t""#)) { try r.object("op") }
        #expect(try r.objectIfPresent("nothing") == nil)
    }

    @Test func ranges() throws {
        let r = try request(
            #"{"op":"t","big":"9223372036854775808","neg":"-9223372036854775808","min":"-57896044618658097711785492504343953926634992332820282019728792003956564819968","below":"-57896044618658097711785492504343953926634992332820282019728792003956564819969"}"#
        )
        #expect(throws: RequestError.overflow(field: "big", reason: #"field 'big' is outside the 64-bit integer range: "9223372036854775808""#)) {
            try r.int64("big")
        }
        #expect(try r.int64("neg") == Int64.min)
        #expect(try r.int256("min") == Int256.min)
        #expect(throws: RequestError.self) { try r.int256("below") }
        #expect(throws: RequestError.self) { try r.uint256("neg") }
    }

    @Test func errorNamesAndArgs() {
        let bad = RequestError.badRequest(field: "a", reason: "why")
        #expect(bad.errorName == "BadRequest" && bad.errorArgs == ["a"] && bad.message == "why")
        #expect(RequestError.badRequest(field: nil, reason: "why").errorArgs == [])
        let overflow = RequestError.overflow(field: "b", reason: "too big")
        #expect(overflow.errorName == "Overflow" && overflow.errorArgs == ["b"])
    }

    @Test func decimalIntegerParsing() {
        func parts(_ text: String) -> String {
            switch DecimalInteger.parse(text) {
            case .value(let negative, let magnitude): return (negative ? "-" : "") + magnitude.description
            case .malformed: return "malformed"
            case .tooLarge: return "tooLarge"
            }
        }
        #expect(parts("0") == "0")
        #expect(parts("-0") == "-0")
        #expect(parts("007") == "7")
        #expect(parts("1234567890123456789") == "1234567890123456789")
        #expect(parts("12345678901234567890") == "12345678901234567890")
        #expect(
            parts("115792089237316195423570985008687907853269984665640564039457584007913129639935")
                == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(parts("115792089237316195423570985008687907853269984665640564039457584007913129639936") == "tooLarge")
        #expect(parts("0000000000000000000000000000000000000000000000000000000000000000000000000000000000001") == "1")
        for bad in ["", "-", "+1", "1_000", " 1", "1.0", "1e3", "--1", "١"] {
            #expect(parts(bad) == "malformed", "\(bad)")
        }
    }
}
