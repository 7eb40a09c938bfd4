/// One token of an article: a word, a figure, a calendar date written in digits, or punctuation.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case word
        /// A figure in digits, thousands separators and decimals resolved into `number`.
        case number
        /// "3rd", "02nd": a day of the month.
        case ordinal
        /// "2021-08-03", "03.08.2021": `date` holds it.
        case date
        /// "03:20", "19:45": never a count.
        case clock
        case punct
        /// A line break: always ends a sentence.
        case newline
    }

    var kind: Kind
    /// Lower-case word, or the punctuation mark (quotes normalised to `"`, dashes to `-`).
    var text: String
    var number: Double = 0
    var date: (year: Int, month: Int, day: Int)? = nil
    /// Byte offsets in the article's UTF-8 text.
    var start: Int
    var end: Int
    /// The word starts with an upper-case letter.
    var capitalized = false
    /// A figure glued to a following word by a hyphen ("679-kilometer", "27-nation").
    var hyphenated = false
    /// A figure written with a thousands separator or a decimal point.
    var separated = false
    /// Digits before any separator.
    var digits = 0
    /// The word carried a possessive "'s" ("Thursday's").
    var possessive = false
    /// The word has an inner hyphen ("twenty-one", "would-be").
    var hyphen = false
}
