/// HTML character references: named (the common ones news pages use) and numeric.
enum Entities {
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
        "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
        "sbquo": 0x201A, "bdquo": 0x201E, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB, "middot": 0xB7,
        "euro": 0x20AC, "pound": 0xA3, "dollar": 0x24, "copy": 0xA9, "reg": 0xAE, "deg": 0xB0, "shy": 0xAD,
        "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "zwnj": 0x200C, "zwj": 0x200D, "bull": 0x2022,
        "eacute": 0xE9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "oacute": 0xF3, "uacute": 0xFA,
        "iacute": 0xED, "ntilde": 0xF1, "ccedil": 0xE7, "uuml": 0xFC, "ouml": 0xF6, "auml": 0xE4, "szlig": 0xDF,
        "Eacute": 0xC9, "Uuml": 0xDC, "Ouml": 0xD6, "Auml": 0xC4, "scaron": 0x161, "Scaron": 0x160,
        "zcaron": 0x17E, "Zcaron": 0x17D, "ccaron": 0x10D, "Ccaron": 0x10C, "times": 0xD7, "frac12": 0xBD,
    ]

    /// Decodes the reference at `start` (an `&`) into `out` and returns the index after it.
    /// Text that is not a reference is copied as it is.
    static func decode(_ bytes: [UInt8], at start: Int, into out: inout [UInt8]) -> Int {
        var i = start + 1
        var scalar: UInt32?
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            i += 1
            var value: UInt32 = 0
            var digits = 0
            let hex = i < bytes.count && (bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X"))
            if hex { i += 1 }
            while i < bytes.count, digits < 8 {
                let b = bytes[i]
                let digit: UInt32
                if ASCII.isDigit(b) { digit = UInt32(b - 48) }
                else if hex, let h = ASCII.hexValue(b) { digit = UInt32(h) }
                else { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                i += 1
            }
            if digits > 0 { scalar = value }
        } else {
            let nameStart = i
            while i < bytes.count, i - nameStart < 10, ASCII.isAlnum(bytes[i]) { i += 1 }
            if i > nameStart { scalar = named[String(decoding: bytes[nameStart..<i], as: UTF8.self)] }
        }
        guard let value = scalar else {
            out.append(UInt8(ascii: "&"))
            return start + 1
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
        // Non-breaking and other odd spaces read as plain spaces; invalid code points as U+FFFD.
        let normalised: UInt32 = (value == 0xA0 || (0x2000...0x200B).contains(value)) ? 0x20 : value
        let unicode = Unicode.Scalar(normalised) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(unicode)).utf8))
        return i
    }
}

/// Byte classes for scanning ASCII structure inside UTF-8 text.
enum ASCII {
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b + 32 : b }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    static func hexValue(_ b: UInt8) -> UInt8? {
        if isDigit(b) { return b - 48 }
        let l = lower(b)
        return (l >= 97 && l <= 102) ? l - 87 : nil
    }
}

/// Whitespace normalisation shared by the formats.
enum TextCleanup {
    /// Collapses runs of spaces inside lines and turns runs of blank lines into one paragraph break.
    static func paragraphs(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var newlines = 0
        for b in bytes {
            if b == 0x0A {
                newlines += 1
                pendingSpace = false
            } else if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true
            } else {
                if !out.isEmpty {
                    if newlines >= 2 { out.append(contentsOf: [0x0A, 0x0A]) }
                    else if newlines == 1 { out.append(0x0A) }
                    else if pendingSpace { out.append(0x20) }
                }
                newlines = 0
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
