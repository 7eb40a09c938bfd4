/// The input format an article arrived in, detected from its content.
public enum InputFormat: String, Codable, CaseIterable, Sendable {
    case text, html, markdown, json, email
}

/// Where an article's own date came from, in SCHEMA.md's order of precedence.
public enum DateSource: String, Codable, CaseIterable, Sendable {
    /// The ` date YYYY-MM-DD` header line.
    case header
    /// A dateline such as `VILNIUS (Agency - 02nd August, 2021)`.
    case dateline
    /// The format's metadata: HTML `article:published_time`, JSON `date`, e-mail `Date`.
    case metadata
    /// The caller's fallback: `--date`, or the file's modification time.
    case fallback
    /// No date at all; relative wording cannot be resolved.
    case none
}

/// What is known about an article apart from its facts.
public struct ArticleMetadata: Hashable, Sendable {
    /// The file's name, without its folder.
    public var fileName: String
    public var title: String?
    public var url: String?
    public var date: Day?
    public var dateSource: DateSource
    /// BCP 47 language code of the lexicon used, such as `en`.
    public var language: String
    public var format: InputFormat

    public init(fileName: String, title: String? = nil, url: String? = nil, date: Day? = nil,
                dateSource: DateSource = .none, language: String = "en", format: InputFormat = .text) {
        self.fileName = fileName
        self.title = title
        self.url = url
        self.date = date
        self.dateSource = dateSource
        self.language = language
        self.format = format
    }
}

/// An article after extraction: its metadata and every statistic in it.
public struct ExtractedArticle: Hashable, Sendable {
    public var metadata: ArticleMetadata
    public var facts: [Fact]

    public init(metadata: ArticleMetadata, facts: [Fact]) {
        self.metadata = metadata
        self.facts = facts
    }
}
