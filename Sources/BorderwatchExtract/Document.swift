import BorderwatchCore

/// An article decoded from its input format into plain text, with what the format told about it.
///
/// The fact engine reads only this: it never sees HTML tags, e-mail headers or front matter.
public struct Document: Hashable, Sendable {
    /// The body as plain text: paragraphs separated by a blank line ("\n\n"). A header lead,
    /// a headline or a title line is kept as its own paragraph.
    public var text: String
    public var title: String?
    public var url: String?
    /// The article's own date, when the content carries one (header line, dateline, metadata).
    public var date: Day?
    public var dateSource: DateSource
    /// The city of a dateline such as `VILNIUS (AP) —`, as written.
    public var datelineCity: String?
    public var format: InputFormat
    /// BCP 47 code of the article's language (`en`).
    public var language: String

    public init(text: String, title: String? = nil, url: String? = nil, date: Day? = nil,
                dateSource: DateSource = .none, datelineCity: String? = nil,
                format: InputFormat = .text, language: String = "en") {
        self.text = text
        self.title = title
        self.url = url
        self.date = date
        self.dateSource = dateSource
        self.datelineCity = datelineCity
        self.format = format
        self.language = language
    }
}
