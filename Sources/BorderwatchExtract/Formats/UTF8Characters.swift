#if canImport(Glibc)
import Glibc
#endif

/// Valid UTF-8 text read by `Character`s (grapheme clusters) without making Strings.
///
/// The byte-level parsers step through text with this wherever a rule compares characters, so
/// they agree with Swift's `Character` on CR LF, combining marks and the like. ASCII and other
/// common scalars are decided by their bytes; anything else asks `String`.
struct UTF8Characters {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The end of the character that starts at `start`, in a text that ends at `limit`.
    @inline(__always) func characterEnd(from start: Int, limit: Int) -> Int {
        // An ASCII byte before another (or the end) is a character, unless it is the CR of a CR LF.
        let byte = bytes[start]
        if byte < 0x80, byte != 0x0D, start + 1 == limit || bytes[start + 1] < 0x80 { return start + 1 }
        return characterEndSlowly(from: start, limit: limit)
    }

    private func characterEndSlowly(from start: Int, limit: Int) -> Int {
        let first = scalarEnd(from: start)
        guard first < limit else { return limit }
        if bytes[start] == 0x0D { return bytes[first] == 0x0A ? first + 1 : first }
        if Self.standsAlone(bytes[start..<first]), Self.standsAlone(bytes[first..<scalarEnd(from: first)]) {
            return first
        }
        return slowCharacterEnd(from: start, limit: limit)
    }

    /// The end of the `count` characters from `start`, or `limit` if there are fewer.
    func index(_ start: Int, offsetBy count: Int, limit: Int) -> Int {
        var i = start
        for _ in 0..<count where i < limit { i = characterEnd(from: i, limit: limit) }
        return i
    }

    /// How many characters `start..<end` holds.
    func count(_ start: Int, _ end: Int) -> Int {
        var i = start, count = 0
        while i < end {
            i = characterEnd(from: i, limit: end)
            count += 1
        }
        return count
    }

    /// The first `byte` in `start..<end` (memchr: these scans cover whole paragraphs).
    func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end, let found = memchr(bytes.baseAddress! + start, Int32(byte), end - start) else { return nil }
        return bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the character `start..<end` is the single ASCII byte `ascii`.
    @inline(__always) func isASCII(_ ascii: UInt8, _ start: Int, _ end: Int) -> Bool {
        end == start + 1 && bytes[start] == ascii
    }

    /// The character `start..<end` as a `Character`, for the rules that need its properties.
    func character(_ start: Int, _ end: Int) -> Character {
        Character(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// The end of the scalar that starts at `start`.
    func scalarEnd(from start: Int) -> Int {
        let lead = bytes[start]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(start + length, bytes.count)
    }

    /// Whether a scalar never joins the character before or after it (beyond CR LF): ASCII,
    /// Latin-1 and the Latin extensions, General Punctuation's dashes, quotes and dots.
    static func standsAlone(_ scalar: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lead = scalar.first!
        if lead < 0xCC { return true }  // up to U+02FF
        // U+2010–U+205F: E2 80 90 ... E2 81 9F.
        guard lead == 0xE2, scalar.count == 3 else { return false }
        let second = scalar[scalar.startIndex + 1], third = scalar[scalar.startIndex + 2]
        return (second == 0x80 && third >= 0x90) || (second == 0x81 && third < 0xA0)
    }

    /// Segments with `String` itself, from a window that ends on a scalar boundary.
    private func slowCharacterEnd(from start: Int, limit: Int) -> Int {
        var window = 32
        while true {
            var end = min(limit, start + window)
            while end < limit, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let length = text.first!.utf8.count
            if start + length < end || end == limit { return start + length }
            window *= 2
        }
    }
}
