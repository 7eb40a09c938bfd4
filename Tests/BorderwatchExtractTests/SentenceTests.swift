import Testing
@testable import BorderwatchExtract

@Suite struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let list = Tokenizer.tokenize(bytes)
        let tokens = list.tokens
        return Sentences.split(tokens, words: list.words, abbreviations: Lexicon.english.table("abbreviations")).map {
            String(decoding: bytes[tokens[$0.lowerBound].start..<tokens[$0.upperBound - 1].end], as: UTF8.self)
        }
    }

    @Test func abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        #expect(sentences("The emergency runs from Aug. 11 to Nov. 10. Mr. Hussein said 1.2 million people live there.")
                == ["The emergency runs from Aug. 11 to Nov. 10.", "Mr. Hussein said 1.2 million people live there."])
        #expect(sentences("U.S. Border Patrol agents said so. Then they left.") == ["U.S. Border Patrol agents said so.", "Then they left."])
    }

    @Test func anAbbreviationBeforeASentenceOpenerEndsTheSentence() {
        #expect(sentences("Some 200 people crossed on 4 Sept. Some 300 crossed on Sept. 5.")
                == ["Some 200 people crossed on 4 Sept.", "Some 300 crossed on Sept. 5."])
    }

    @Test func anInitialismBeforeASentenceOpenerEndsTheSentence() {
        #expect(sentences("They crossed into the U.S. The agency said 5,000 were turned back.")
                == ["They crossed into the U.S.", "The agency said 5,000 were turned back."])
    }

    @Test func lineBreaksEndSentences() {
        #expect(sentences("Record number of migrants detained\n\nOver the last day, 171 crossed.")
                == ["Record number of migrants detained", "Over the last day, 171 crossed."])
    }

    @Test func tokenizerKeepsClockTimesCodesAndHyphenatedFiguresApart() {
        let list = Tokenizer.tokenize(Array("03:20 BST, 7.10am, Boeing 747s, a 679-kilometer border, COVID-19".utf8))
        let tokens = Array(zip(list.tokens, list.words))
        #expect(list.tokens.first?.kind == .clock)
        #expect(tokens.contains { $0.1 == "7.10am" && $0.0.kind == .word })
        #expect(tokens.contains { $0.1 == "747s" && $0.0.kind == .word })
        #expect(tokens.contains { $0.0.kind == .number && $0.0.number == 679 && $0.0.hyphenated })
        #expect(tokens.contains { $0.1 == "covid-19" })
    }

    @Test func tokensStayCompactAndKeepTheirDates() {
        // a 10 MB article is millions of tokens: their size is the engine's memory
        #expect(MemoryLayout<Token>.stride <= 48)
        let list = Tokenizer.tokenize(Array("On 2021-08-03 and 03.08.2021, 1,185 crossed.".utf8))
        let dates = list.tokens.compactMap(\.date)
        #expect(dates.count == 2)
        #expect(dates.allSatisfy { $0 == (2021, 8, 3) })
        #expect(list.tokens.contains { $0.kind == .number && $0.number == 1185 && $0.digits == 1 && $0.separated })
    }
}
