/// One token of an article: a word, a figure, a calendar date written in digits, or punctuation.
///
/// Plain data (no reference-counted fields), so that reading `tokens[i]` is a copy of bytes; the
/// token's text lives in the parallel `TokenList.words`.
struct Token: Sendable {
    enum Kind: UInt8, Sendable, Equatable {
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

    // Stored fields are ordered widest first, so a token packs into 40 bytes.

    var number: Double = 0
    /// Byte offsets in the article's UTF-8 text.
    var start: Int
    var end: Int
    /// A `.date` token's day as `year * 10_000 + month * 100 + day`; 0 for no date.
    private var packedDate: Int32 = 0
    var kind: Kind
    private var digitCount: UInt8 = 0
    /// The word starts with an upper-case letter.
    var capitalized = false
    /// A figure glued to a following word by a hyphen ("679-kilometer", "27-nation").
    var hyphenated = false
    /// A figure written with a thousands separator or a decimal point.
    var separated = false
    /// The word carried a possessive "'s" ("Thursday's").
    var possessive = false
    /// The word has an inner hyphen ("twenty-one", "would-be").
    var hyphen = false

    init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// Digits before any separator (counted up to 255).
    var digits: Int {
        get { Int(digitCount) }
        set { digitCount = UInt8(clamping: newValue) }
    }

    /// The calendar date of a `.date` token.
    var date: (year: Int, month: Int, day: Int)? {
        get {
            guard packedDate > 0 else { return nil }
            let value = Int(packedDate)
            return (value / 10_000, value / 100 % 100, value % 100)
        }
        set {
            guard let newValue, (1...9999).contains(newValue.year) else { packedDate = 0; return }
            packedDate = Int32(newValue.year * 10_000 + newValue.month * 100 + newValue.day)
        }
    }
}

/// The tokens of an article with their texts and lexicon word ids, index for index.
struct TokenList {
    var tokens: [Token] = []
    /// Lower-case word, the figure as written, or the punctuation mark (quotes normalised to `"`,
    /// dashes to `-`).
    var words: [String] = []
    /// The word id of each token in `index` (-1 for words no lexicon table uses).
    var ids: [Int32] = []
    let index: WordIndex

    init(capacity: Int, index: WordIndex) {
        self.index = index
        tokens.reserveCapacity(capacity)
        words.reserveCapacity(capacity)
        ids.reserveCapacity(capacity)
    }

    /// Appends `token` with its text.
    mutating func append(_ token: Token, _ text: String) {
        tokens.append(token)
        words.append(text)
        ids.append(index.id(text))
    }

    /// Appends `token`, whose text is `bytes` as they are: a known word's stored `String` is
    /// reused, so most tokens build no string of their own.
    mutating func append(_ token: Token, spelled bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
        let id = index.id(hash: WordIndex.hash(bytes), spelled: bytes)
        tokens.append(token)
        words.append(id >= 0 ? index.word(id) : String(decoding: bytes, as: UTF8.self))
        ids.append(id)
    }
}

/// Whether `word` is one of `candidates`: a plain loop, which for the engine's short word lists
/// is cheaper than building a set on every call. The candidates are `StaticString`s, plain data,
/// and most are ruled out by their length alone.
///
/// A variadic list is an array, which the optimizer does not always keep off the heap in the
/// engine's long functions; the overloads below for two to five candidates (most calls) build none.
@inline(__always)
func isOneOf(_ word: String, _ candidates: StaticString...) -> Bool {
    for candidate in candidates where spells(word, candidate) { return true }
    return false
}

@inline(__always)
func isOneOf(_ word: String, _ a: StaticString, _ b: StaticString) -> Bool {
    spells(word, a) || spells(word, b)
}

@inline(__always)
func isOneOf(_ word: String, _ a: StaticString, _ b: StaticString, _ c: StaticString) -> Bool {
    spells(word, a) || spells(word, b) || spells(word, c)
}

@inline(__always)
func isOneOf(_ word: String, _ a: StaticString, _ b: StaticString, _ c: StaticString, _ d: StaticString) -> Bool {
    spells(word, a) || spells(word, b) || spells(word, c) || spells(word, d)
}

@inline(__always)
func isOneOf(_ word: String, _ a: StaticString, _ b: StaticString, _ c: StaticString, _ d: StaticString,
             _ e: StaticString) -> Bool {
    spells(word, a) || spells(word, b) || spells(word, c) || spells(word, d) || spells(word, e)
}

/// A list bullet opening a line: "-", "–", "—", "•", "*".
func isBullet(_ word: String) -> Bool {
    isOneOf(word, "-", "–", "—", "•", "*")
}

/// Whether `word` is `candidate`, comparing lengths first.
@inline(__always)
func spells(_ word: String, _ candidate: StaticString) -> Bool {
    candidate.withUTF8Buffer { $0.count == word.utf8.count && word.utf8.elementsEqual($0) }
}
