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

    /// Every language with a folder under `Lexicons/`, each loaded once on first use. A language
    /// other than English takes the English tables that hold no words of a language (`neighbours`)
    /// and, under its own names, the English gazetteer (place names most presses share: Vilnius, Lampedusa).
    public static let all: [String: Lexicon] = {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Lexicons"),
              let codes = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return ["en": english] }
        var result = ["en": english]
        for code in codes.sorted() where code != "en" && !code.hasPrefix(".") {
            guard var lexicon = try? Lexicon.load(folder: root.appendingPathComponent(code), language: code) else { continue }
            lexicon = lexicon.inheriting(from: english)
            result[code] = lexicon
        }
        return result
    }()

    /// This lexicon with `base`'s language-neutral tables where it has none, and `base`'s
    /// gazetteer under its own.
    func inheriting(from base: Lexicon) -> Lexicon {
        var tables = self.tables
        for name in ["neighbours"] where tables[name] == nil { tables[name] = base.tables[name] }
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
                return "lexicon for language '\(language)' not found (looked in \(searched)); "
                    + "copy the borderwatch_BorderwatchExtract.resources folder next to the borderwatch binary"
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

    /// Loads every `.tsv` file of `Lexicons/<language>/` from the module's resources.
    public static func load(language: String) throws -> Lexicon {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Lexicons/\(language)"),
              FileManager.default.fileExists(atPath: root.path) else {
            throw LoadError.missingFolder(language: language, searched: Bundle.module.bundlePath)
        }
        return try load(folder: root, language: language)
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
