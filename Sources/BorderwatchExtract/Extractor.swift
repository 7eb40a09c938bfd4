import BorderwatchCore

/// Turns an article's bytes into its metadata and every statistic in it.
///
/// Pure: no file, database or network access. The daemon, the CLI and the tests
/// all call this one entry point.
public struct Extractor: Sendable {
    public init() {}

    /// Extracts one article.
    /// - Parameters:
    ///   - bytes: the file's content, in any supported format; invalid UTF-8 is decoded leniently.
    ///   - fileName: the file's name, without its folder.
    ///   - fallbackDate: the date to use when the article carries none of its own
    ///     (`--date`, else the file's modification time).
    public func extract(_ bytes: [UInt8], fileName: String, fallbackDate: Day?) -> ExtractedArticle {
        var document = DocumentDecoder.decode(bytes, fileName: fileName, referenceDate: fallbackDate)
        // a language the format names wins; else the text's stop words say ("en" is also the formats' default)
        if document.language == "en" || FactEngine.byLanguage[document.language] == nil {
            document.language = LanguageDetector.shipped.language(of: document.text)
        }
        if document.date == nil, let fallbackDate {
            document.date = fallbackDate
            document.dateSource = .fallback
        }
        let metadata = ArticleMetadata(fileName: fileName, title: document.title, url: document.url,
                                       date: document.date, dateSource: document.dateSource,
                                       language: document.language, format: document.format)
        return ExtractedArticle(metadata: metadata, facts: facts(in: document))
    }

    /// The statistics of a decoded document; the fact engine plugs in here.
    func facts(in document: Document) -> [Fact] {
        let engine = FactEngine.byLanguage[document.language] ?? .english
        return engine.facts(text: document.text, date: document.date, datelineCity: document.datelineCity)
    }
}
