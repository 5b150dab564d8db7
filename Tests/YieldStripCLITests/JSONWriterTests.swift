import Testing
import YieldStrip

@testable import YieldStripCLI

@Suite struct JSONWriterTests {
    @Test func compactAndOrdered() {
        let value: JSONValue = ["z": 1, "a": [true, false, nil], "s": "x", "o": [:]]
        #expect(value.jsonText == #"{"z":1,"a":[true,false,null],"s":"x","o":{}}"#)
    }

    @Test func escapes() {
        #expect(
            JSONValue.string("a\"b\\c/d\u{8}\u{C}\n\r\t\u{0}\u{1F}é😀\u{7F}").jsonText
                == #""a\"b\\c/d\b\f\n\r\t\u0000\u001fé😀"# + "\u{7F}\"")
        #expect(JSONValue.string("").jsonText == #""""#)
    }

    @Test func roundTrips() throws {
        let texts = [
            #"{"id":{"k":[1,2.50,-3e7]},"op":"ln","x":"2000000000000000000"}"#,
            #"["\u0000 \"quoted\" \\ \n",{"":null},[[[]]],-0.0]"#,
            #"{"big":115792089237316195423570985008687907853269984665640564039457584007913129639935}"#
        ]
        for text in texts {
            let value = try JSONReader.parse(text)
            #expect(value.jsonText == text)
            #expect(try JSONReader.parse(value.jsonText) == value)
        }
        let tricky: JSONValue = .string("\u{2028}\u{1}\"\\😀")
        #expect(try JSONReader.parse(tricky.jsonText) == tricky)
    }

    @Test func doublesUseShortestRoundTripText() {
        #expect(JSONNumber(0.1)?.text == "0.1")
        #expect(JSONNumber(1.0)?.text == "1.0")
        #expect(JSONNumber(1e-7)?.text == "1e-07")
        #expect(JSONNumber(1e300)?.text == "1e+300")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        for value in [0.1, 1.0 / 3.0, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -2.5e-10] {
            guard let number = JSONNumber(value) else {
                Issue.record("\(value)")
                continue
            }
            #expect(JSONNumber(text: number.text) == number)
            #expect(Double(number.text) == value)
        }
    }

    @Test func finiteResultsOnly() throws {
        var object = JSONObject()
        try object.append("price", finite: 0.25)
        #expect(object.jsonText == #"{"price":0.25}"#)
        #expect(throws: NonFiniteResultError(field: "apy")) { try object.append("apy", finite: .nan) }
    }

    @Test func numberTextIsValidated() {
        #expect(JSONNumber(text: "1e5") != nil)
        for bad in ["", "nan", "inf", "01", "1.", ".5", "+1", "1 ", "0x10"] {
            #expect(JSONNumber(text: bad) == nil, "\(bad)")
        }
        #expect(JSONNumber(text: "12")?.isInteger == true)
        #expect(JSONNumber(text: "1e2")?.isInteger == false)
    }

    @Test func objectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(object.jsonText == #"{"a":3,"c":4}"#)
    }
}
