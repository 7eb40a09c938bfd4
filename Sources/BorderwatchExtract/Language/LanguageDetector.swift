/// Guesses an article's language from its stop words: each lexicon's `stopwords.tsv` lists the
/// short function words its press uses most ("der", "und", "nach" for German), and the language
/// whose words cover most of the article's first words wins. News text is dense with them, so a
/// few hundred words decide reliably; English wins ties and texts too short to tell.
public struct LanguageDetector: Sendable {
    /// Stop word -> the languages that use it ("la": French, Spanish, Italian).
    let profiles: [String: [String]]
    /// How many words of the text are looked at.
    static let sample = 300

    public init(lexicons: [String: Lexicon]) {
        var profiles: [String: [String]] = [:]
        for (code, lexicon) in lexicons.sorted(by: { $0.key < $1.key }) {
            for (word, _) in lexicon.table("stopwords").entries { profiles[word, default: []].append(code) }
        }
        self.profiles = profiles
    }

    /// Every language of the lexicons shipped with the module.
    public static let shipped = LanguageDetector(lexicons: Lexicon.all)

    /// The language of `text`: the one with the most stop words among its first words, when it
    /// has at least two and more than English.
    public func language(of text: String) -> String {
        var scores: [String: Int] = [:]
        var seen = 0
        var word = ""
        func count() {
            guard !word.isEmpty else { return }
            seen += 1
            for code in profiles[word] ?? [] { scores[code, default: 0] += 1 }
            word = ""
        }
        for character in text {
            if seen >= LanguageDetector.sample { break }
            if character.isLetter || character == "'" { word += character.lowercased() } else { count() }
        }
        count()
        let english = scores["en"] ?? 0
        guard let (best, score) = scores.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
              best != "en", score >= 2, score > english else { return "en" }
        return best
    }
}
