import Testing
@testable import BorderwatchExtract

/// The byte-level decoders step by `UTF8Characters`; they keep the old String code's output only
/// if its character boundaries are exactly Swift's.
@Suite struct UTF8CharactersTests {
    static let pieces = [
        "A", "z", " ", ".", "-", "/", "\n", "\r", "\r\n", "\t", "\u{1}", "é", "E\u{301}", " \u{301}", "/\u{301}", "—", "–", "—\u{301}",
        "ŁÓDŹ", "ΑΘΗΝΑ", "ДНЕПР", "\u{0483}", "\u{0600}", "\u{0600}A", "\u{200D}", "👍🏽", "👨‍👩‍👧", "🇺🇸🇫", "क्ष", "\u{0903}", "한", "각",
        "\u{FEFF}", "\u{A0}", "\u{2028}", "\u{85}", "\u{AD}", "ª", "\u{037E}", "\u{E0041}", String(repeating: "\u{301}", count: 40),
    ]

    @Test func charactersMatchSwiftsCharacters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let expected = text.map { $0.utf8.count }
            let actual = text.withUTF8 { bytes in
                let characters = UTF8Characters(bytes: bytes)
                var lengths: [Int] = []
                var i = 0
                while i < bytes.count {
                    let end = characters.characterEnd(from: i, limit: bytes.count)
                    lengths.append(end - i)
                    i = end
                }
                return lengths
            }
            #expect(actual == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scansFindBytesWithinTheirRange() {
        var text = "ab\ncd\n"
        text.withUTF8 { bytes in
            let characters = UTF8Characters(bytes: bytes)
            #expect(characters.firstIndex(of: 0x0A, from: 0, to: bytes.count) == 2)
            #expect(characters.firstIndex(of: 0x0A, from: 3, to: bytes.count) == 5)
            #expect(characters.firstIndex(of: 0x0A, from: 3, to: 5) == nil)
            #expect(characters.count(0, bytes.count) == 6)
        }
    }
}
