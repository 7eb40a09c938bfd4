/// Writes one flat JSON object, as UTF-8 bytes, with keys in the order they are added.
///
/// `JSONEncoder` neither keeps key order nor runs at the speed `extract --json`
/// needs over thousands of articles, so the hot path writes its own.
public struct JSONObjectWriter {
    private var bytes: [UInt8]
    private var first = true

    public init() {
        bytes = [UInt8(ascii: "{")]
    }

    /// Starts an object at the end of `buffer`, taking the buffer over (no copy) until
    /// `finish(into:)` hands it back.
    public init(appendingTo buffer: inout [UInt8]) {
        bytes = []
        swap(&bytes, &buffer)
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ name: String) {
        if first {
            first = false
        } else {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: " "))
        }
        JSONObjectWriter.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    public mutating func add(_ name: String, _ value: String) {
        key(name)
        JSONObjectWriter.appendQuoted(value, to: &bytes)
    }

    public mutating func add(_ name: String, _ value: Int) {
        key(name)
        bytes.appendDecimal(value)
    }

    public mutating func add(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    /// Adds a day as its `YYYY-MM-DD` string.
    public mutating func add(_ name: String, _ value: Day) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        value.appendISO(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Adds a value that is already valid JSON (an object or an array).
    public mutating func addRaw(_ name: String, _ json: String) {
        key(name)
        bytes.append(contentsOf: json.utf8)
    }

    /// Closes the object and returns it.
    public mutating func finish() -> String {
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Closes the object and hands the buffer back to `buffer`.
    public mutating func finish(into buffer: inout [UInt8]) {
        bytes.append(UInt8(ascii: "}"))
        swap(&bytes, &buffer)
    }

    /// Appends `value` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escape are copied whole.
            var plainStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                appendEscape(byte, to: &out)
                plainStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The escape sequence for a quote, a backslash or a control character.
    private static func appendEscape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u00"#.utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
    }

    public static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Appends `String(value)`'s UTF-8, left-padded with zeros to `width` characters as `iso` pads.
    mutating func appendDecimal(_ value: Int, width: Int = 0) {
        guard value >= 0 else {
            let text = String(value).utf8
            append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(0, width - text.count)))
            append(contentsOf: text)
            return
        }
        var divisor = 1
        var count = 1
        while value / divisor >= 10 {
            divisor *= 10
            count += 1
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(0, width - count)))
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
