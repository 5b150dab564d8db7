import YieldStripMath

/// Where an answer's members go: a ``JSONObject`` being built, or straight into a ``JSONWriter``'s text.
///
/// An encoder written once against this protocol serves both: the object for callers that keep the
/// answer, the writer for the batch door, which then builds no string, array or member list per answer.
/// Members come out in the order appended.
public protocol JSONMemberSink {
    /// Appends `"key": value`.
    mutating func append(_ key: String, _ value: JSONValue)
    /// Appends `"key": "<decimal wei>"`, the encoding of every exact amount.
    mutating func append(_ key: String, wei value: Int256)
    /// Appends `"key": { … }` with the members `body` appends to it.
    mutating func appendObject(_ key: String, _ body: (inout Self) throws -> Void) rethrows
    /// Appends `"key": 123`, a JSON integer (seconds, percentages, counts).
    mutating func append(_ key: String, integer value: Int64)
}

extension JSONObject: JSONMemberSink {
    public mutating func append(_ key: String, wei value: Int256) { append(key, .wei(value)) }
    public mutating func append(_ key: String, integer value: Int64) { append(key, .number(JSONNumber(value))) }

    public mutating func appendObject(_ key: String, _ body: (inout JSONObject) throws -> Void) rethrows {
        var nested = JSONObject()
        try body(&nested)
        append(key, .object(nested))
    }
}

extension JSONWriter: JSONMemberSink {
    /// Writes `,` when a member came before this one in the open object, then `"key":`.
    mutating func openMember(_ key: String) {
        if continuesObject { writeByte(UInt8(ascii: ",")) }
        continuesObject = true
        write(key: key)
    }

    public mutating func append(_ key: String, _ value: JSONValue) {
        openMember(key)
        write(value)
    }

    public mutating func append(_ key: String, wei value: Int256) {
        // `,"key":"digits"` composed on the stack and appended at once (a key needing escapes takes the
        // general path).
        var key = key
        let comma = continuesObject
        let composed: Bool = key.withUTF8 { name in
            guard name.count <= 64, let base = name.baseAddress, PlainBytes.endOfRun(base, from: 0, to: name.count) == name.count
            else { return false }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer -> Bool in
                guard let out = buffer.baseAddress else { return false }
                // The digits at the end of the buffer, the rest in front of them.
                let digitsStart = DecimalDigits.write(value.magnitude, endingAt: 159, into: out)
                out[159] = UInt8(ascii: "\"")
                var i = digitsStart
                if value.isNegative && !value.isZero {
                    i -= 1
                    out[i] = UInt8(ascii: "-")
                }
                i -= 3
                out[i] = UInt8(ascii: "\"")
                out[i + 1] = UInt8(ascii: ":")
                out[i + 2] = UInt8(ascii: "\"")
                i -= name.count
                (out + i).update(from: base, count: name.count)
                i -= 1
                out[i] = UInt8(ascii: "\"")
                if comma {
                    i -= 1
                    out[i] = UInt8(ascii: ",")
                }
                writeBytes(UnsafeBufferPointer(start: out + i, count: 160 - i))
                return true
            }
        }
        if composed {
            continuesObject = true
            return
        }
        openMember(key)
        writeByte(UInt8(ascii: "\""))
        DecimalDigits.withText(negative: value.isNegative, magnitude: value.magnitude) { writeBytes($0) }
        writeByte(UInt8(ascii: "\""))
    }

    public mutating func append(_ key: String, integer value: Int64) {
        openMember(key)
        DecimalDigits.withText(negative: value < 0, magnitude: UInt256(value.magnitude)) { writeBytes($0) }
    }

    public mutating func appendObject(_ key: String, _ body: (inout JSONWriter) throws -> Void) rethrows {
        openMember(key)
        writeByte(UInt8(ascii: "{"))
        continuesObject = false
        try body(&self)
        writeByte(UInt8(ascii: "}"))
        continuesObject = true
    }
}
