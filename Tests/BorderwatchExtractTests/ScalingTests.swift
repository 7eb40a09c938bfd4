import BorderwatchCore
import Testing
@testable import BorderwatchExtract

/// Inputs no newsroom writes but a daemon must survive: a table without full stops, thousands of
/// figures, the same claim repeated. Reading them must stay near linear; before the sentence cap a
/// single 2,000-figure sentence took a minute and a 20,000-figure one never finished.
/// `scripts/bench-pathological.sh` measures the same shapes at 10 MB.
@Suite struct ScalingTests {
    @Test func longRunsWithoutFullStopsAreReadInBoundedPieces() {
        let clause = "120 migrants crossed on Monday and 35 were turned back in August"
        let text = Array(repeating: clause, count: 2_000).joined(separator: ", ")
        let list = Tokenizer.tokenize(Array(text.utf8))
        let sentences = Sentences.split(list.tokens, words: list.words, abbreviations: Lexicon.english.table("abbreviations"))
        #expect(sentences.count > 1)
        #expect(sentences.allSatisfy { $0.count <= Sentences.maxLength })
        // the pieces cover every token, in order, and end after a comma where one is near
        #expect(sentences.first?.lowerBound == 0 && sentences.last?.upperBound == list.tokens.count)
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(sentences.dropLast().allSatisfy { list.words[$0.upperBound - 1] == "," })
    }

    @Test(.timeLimit(.minutes(1)))
    func aSentenceOfFourThousandFiguresIsRead() {
        let clause = "120 migrants crossed on Monday and 35 were turned back in August"
        let found = facts(Array(repeating: clause, count: 2_000).joined(separator: ", ") + ".")
        #expect(found.contains { $0.metric == .arrivals && $0.value == 120 && $0.period == .day(day("2021-08-02")) })
        #expect(found.contains { $0.metric == .prevented && $0.value == 35 })
    }

    @Test(.timeLimit(.minutes(1)))
    func thousandsOfRecordClaimsStayLinear() {
        // every sentence a record claim for the same day, with figures within 5% of each other
        var text = ""
        for i in 0..<5_000 {
            text += "A record \(10_000 + i) migrants crossed on Monday. That is a new record for a single day on Monday. "
        }
        let found = facts(text)
        #expect(found.count == 5_000)
        #expect(found.allSatisfy { $0.record })
    }
}
