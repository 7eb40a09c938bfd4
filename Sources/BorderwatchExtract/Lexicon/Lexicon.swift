import Foundation

/// The language knowledge of the fact engine: every word list it uses, loaded from the
/// `Lexicons/<language>/*.tsv` resource files of this module.
///
/// A file holds one entry per line, `phrase<TAB>value`, lower case, words separated by single
/// spaces; `#` starts a comment line and blank lines are ignored. Adding a language means adding
/// a folder with the same file names; the engine itself holds no words.
public struct Lexicon: Sendable {
    /// The language's BCP 47 code, as the folder is named.
    public let language: String
    /// Every table, by file name without `.tsv`.
    public let tables: [String: PhraseTable]

    /// English, loaded once on first use. Traps with the loader's message if the resources are missing.
    public static let english: Lexicon = {
        do { return try Lexicon.load(language: "en") } catch { fatalError("\(error)") }
    }()

    /// Every language with a lexicon, each loaded once on first use: the tables compiled into the
    /// binary (`EmbeddedLexicons`), or the folders of `$BORDERWATCH_LEXICONS` where that is set (for
    /// working on a lexicon without rebuilding). A language other than English takes the English
    /// tables that hold no words of a language (`neighbours`) and, under its own names, the English
    /// gazetteer (place names most presses share: Vilnius, Lampedusa).
    public static let all: [String: Lexicon] = {
        var result = ["en": english]
        for code in availableLanguages where code != "en" {
            guard let lexicon = try? Lexicon.load(language: code) else { continue }
            result[code] = lexicon.inheriting(from: english)
        }
        return result
    }()

    /// The folder that overrides the compiled-in lexicons, if `$BORDERWATCH_LEXICONS` names one.
    static var overrideFolder: URL? {
        guard let path = ProcessInfo.processInfo.environment["BORDERWATCH_LEXICONS"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// The languages with a lexicon, compiled in or in the override folder.
    static var availableLanguages: [String] {
        var codes = Set(EmbeddedLexicons.files.keys)
        if let folder = overrideFolder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            codes.formUnion(names.filter { !$0.hasPrefix(".") })
        }
        return codes.sorted()
    }

    /// This lexicon with `base`'s language-neutral tables where it has none, and `base`'s
    /// gazetteer under its own.
    func inheriting(from base: Lexicon) -> Lexicon {
        var tables = self.tables
        for name in ["neighbours", "protection"] where tables[name] == nil { tables[name] = base.tables[name] }
        var gazetteer = base.table("gazetteer")
        for (phrase, code) in table("gazetteer").entries { gazetteer.insert(phrase, value: code) }
        tables["gazetteer"] = gazetteer
        return Lexicon(language: language, tables: tables)
    }

    public enum LoadError: Error, CustomStringConvertible {
        case missingFolder(language: String, searched: String)
        case unreadable(file: String, reason: String)
        case malformed(file: String, line: Int, text: String)

        public var description: String {
            switch self {
            case .missingFolder(let language, let searched):
                return "lexicon for language '\(language)' not found (looked in \(searched))"
            case .unreadable(let file, let reason):
                return "cannot read lexicon file \(file): \(reason)"
            case .malformed(let file, let line, let text):
                return "\(file):\(line): expected 'phrase<TAB>value', found '\(text)'"
            }
        }
    }

    public init(language: String, tables: [String: PhraseTable]) {
        self.language = language
        self.tables = tables
    }

    /// The lexicon of `language`: its folder under `$BORDERWATCH_LEXICONS` when there is one, else
    /// the tables compiled into the binary.
    public static func load(language: String) throws -> Lexicon {
        if let folder = overrideFolder?.appendingPathComponent(language), FileManager.default.fileExists(atPath: folder.path) {
            return try load(folder: folder, language: language)
        }
        guard let files = EmbeddedLexicons.files[language] else {
            throw LoadError.missingFolder(language: language, searched: overrideFolder?.path ?? "the lexicons compiled in")
        }
        var tables: [String: PhraseTable] = [:]
        for (name, text) in files { tables[name] = try parse(text, file: "\(language)/\(name).tsv") }
        return Lexicon(language: language, tables: tables)
    }

    /// Loads every `.tsv` file of `folder`.
    public static func load(folder: URL, language: String) throws -> Lexicon {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }
        } catch {
            throw LoadError.missingFolder(language: language, searched: folder.path)
        }
        var tables: [String: PhraseTable] = [:]
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw LoadError.unreadable(file: url.path, reason: "\(error)")
            }
            tables[String(name.dropLast(4))] = try parse(text, file: url.path)
        }
        return Lexicon(language: language, tables: tables)
    }

    /// Parses one file's text.
    public static func parse(_ text: String, file: String) throws -> PhraseTable {
        var table = PhraseTable()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { throw LoadError.malformed(file: file, line: number + 1, text: line) }
            let phrase = parts[0].split(separator: " ").joined(separator: " ").lowercased()
            table.insert(phrase, value: parts[1].trimmingCharacters(in: .whitespaces))
        }
        return table
    }

    /// The named table, empty when the language has no such file.
    public func table(_ name: String) -> PhraseTable { tables[name] ?? PhraseTable() }

    /// The month number (1-12) of a month name or abbreviation ("August", "Aug.", "aug"), any case.
    public func month(named name: some StringProtocol) -> Int? {
        Int(table("months")[Lexicon.key(name)] ?? "")
    }

    /// The ISO weekday (Monday 1 ... Sunday 7) of a weekday name or abbreviation, any case.
    public func weekday(named name: some StringProtocol) -> Int? {
        Int(table("weekdays")[Lexicon.key(name)] ?? "")
    }

    static func key(_ name: some StringProtocol) -> String {
        var word = name.lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return word
    }
}
