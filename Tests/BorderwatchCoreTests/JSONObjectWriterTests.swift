import BorderwatchCore
import Foundation
import Testing

@Suite struct JSONObjectWriterTests {
    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        var json = JSONObjectWriter()
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h — é😀"
        json.add("text", text)
        json.add("n", -42)
        json.add("big", Int.max)
        json.add("ok", false)
        let line = json.finish()
        #expect(line == #"{"text": "a\"b\\c\nd\re\tf\u0001g\u001fh — é😀", "n": -42, "big": 9223372036854775807, "ok": false}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == text)
    }

    @Test func factLinesAppendToABufferUnchanged() {
        let fact = Fact(metric: .deaths, value: 7, period: .month(year: 2021, month: 8), evidence: "Seven \"died\".")
        var buffer = Array("earlier line\n".utf8)
        fact.appendJSONLine(article: "b.txt", to: &buffer)
        #expect(buffer == Array("earlier line\n".utf8) + Array(fact.jsonLine(article: "b.txt").utf8))
        #expect(fact.jsonLine(article: "b.txt").hasSuffix(#""month": "2021-08", "record": false, "evidence": "Seven \"died\".", "strength": "strong"}"#))
    }

    @Test func daysPadTheirYearsAsISOWrites() {
        #expect(Day(year: 33, month: 2, day: 5)!.iso == "0033-02-05")
        #expect(Day(year: 12021, month: 12, day: 31)!.iso == "12021-12-31")
        var bytes: [UInt8] = []
        Day(year: 2021, month: 8, day: 3)!.appendISO(to: &bytes)
        #expect(bytes == Array("2021-08-03".utf8))
    }
}
