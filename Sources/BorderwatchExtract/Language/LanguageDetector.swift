/// Guesses an article's language from its stop words: each lexicon's `stopwords.tsv` lists the
/// short function words its press uses most ("der", "und", "nach" for German), and the language
/// whose words are most frequent among the article's first words wins. News text is dense with
/// them, so a couple of hundred words decide; English wins ties and texts too short to tell.
///
/// Reads bytes: words are hashed as they are scanned (ASCII letters lower-cased), so that a
/// detection costs a pass over the first few kilobytes and no strings.
public struct LanguageDetector: Sendable {
    /// The languages, by index.
    let languages: [String]
    /// The hash of a stop word -> the indices of the languages that use it ("la": fr, es, it).
    let profiles: [UInt64: [Int]]
    /// How many words of the text are looked at.
    static let sample = 200

    public init(lexicons: [String: Lexicon]) {
        languages = lexicons.keys.sorted()
        var profiles: [UInt64: [Int]] = [:]
        for (index, code) in languages.enumerated() {
            for (word, _) in lexicons[code]!.table("stopwords").entries {
                profiles[WordIndex.hash(word.utf8), default: []].append(index)
            }
        }
        self.profiles = profiles
    }

    /// Every language of the lexicons shipped with the module.
    public static let shipped = LanguageDetector(lexicons: Lexicon.all)

    /// The language of `text`: the one with the most stop words among its first words, when it
    /// has at least two and more than English.
    public func language(of text: String) -> String {
        var scores = [Int](repeating: 0, count: languages.count)
        var seen = 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        func endWord() {
            if length > 0 {
                seen += 1
                for index in profiles[hash] ?? [] { scores[index] += 1 }
            }
            hash = 0xcbf2_9ce4_8422_2325
            length = 0
        }
        for byte in text.utf8 {
            // letters, apostrophes and every byte of a non-ASCII character belong to the word
            let isWordByte = byte >= 0x80 || byte == 0x27 || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isWordByte {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
                length += 1
            } else {
                endWord()
                if seen >= LanguageDetector.sample { break }
            }
        }
        endWord()
        let english = languages.firstIndex(of: "en").map { scores[$0] } ?? 0
        guard let best = scores.indices.max(by: { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : languages[$0] > languages[$1] }),
              languages[best] != "en", scores[best] >= 2, scores[best] > english else { return "en" }
        return languages[best]
    }
}
