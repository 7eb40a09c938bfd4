import BorderwatchCore
import Foundation
import Testing
@testable import BorderwatchExtract

/// Every `Fixtures/NAME.ext` beside `NAME.expected.json` goes through `Extractor` and must give
/// exactly the expected facts (compared on the fields the expectation names) and metadata.
@Suite struct FixtureTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { !$0.hasSuffix(".expected.json") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.names.count >= 7)
    }

    @Test(arguments: names)
    func fixture(_ name: String) throws {
        let base = name.split(separator: ".").dropLast().joined(separator: ".")
        let expectedData = try Data(contentsOf: Self.folder.appendingPathComponent("\(base).expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let fallback = (expected["fallback_date"] as? String).flatMap { Day(iso: $0) } ?? Day(iso: "2000-01-01")!
        let article = Extractor().extract(bytes, fileName: name, fallbackDate: fallback)

        if let metadata = expected["metadata"] as? [String: String] {
            let actual: [String: String?] = [
                "date": article.metadata.date?.iso, "date_source": article.metadata.dateSource.rawValue,
                "title": article.metadata.title, "url": article.metadata.url,
                "format": article.metadata.format.rawValue, "language": article.metadata.language,
            ]
            for (key, want) in metadata.sorted(by: { $0.key < $1.key }) {
                #expect(actual[key] ?? nil == want, "\(name): metadata \(key)")
            }
        }

        let wanted = (expected["facts"] as? [[String: Any]]) ?? []
        var remaining = try article.facts.map { fact in
            try #require(try JSONSerialization.jsonObject(with: Data(fact.jsonLine(article: name).utf8)) as? [String: Any])
        }
        var missing: [String] = []
        for want in wanted {
            if let hit = remaining.firstIndex(where: { Self.matches($0, want) }) {
                remaining.remove(at: hit)
            } else {
                missing.append(Self.describe(want))
            }
        }
        #expect(missing.isEmpty, "\(name): expected but not extracted: \(missing)")
        #expect(remaining.isEmpty, "\(name): extracted but not expected: \(remaining.map(Self.describe))")
    }

    /// True when `fact` has every field of `want` with the same value; a `null` in `want` asks
    /// for the field to be absent ("region": null, where the article names no country).
    static func matches(_ fact: [String: Any], _ want: [String: Any]) -> Bool {
        want.allSatisfy { key, value in
            if value is NSNull { return fact[key] == nil || fact[key] is NSNull }
            guard let actual = fact[key] else { return false }
            return (actual as? NSObject)?.isEqual(value) ?? false
        }
    }

    static func describe(_ fact: [String: Any]) -> String {
        ["metric", "value", "bound", "period", "date", "as_of", "year", "month", "start", "end", "region", "via", "record"]
            .compactMap { key in fact[key].map { "\(key)=\($0)" } }.joined(separator: " ")
    }
}
