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
        // Filled in by the extraction work: format decoding, metadata, then the fact engine.
        ExtractedArticle(metadata: ArticleMetadata(fileName: fileName, date: fallbackDate,
                                                   dateSource: fallbackDate == nil ? .none : .fallback),
                         facts: [])
    }
}
