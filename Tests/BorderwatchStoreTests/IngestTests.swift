import BorderwatchCore
import BorderwatchExtract
import BorderwatchStore
import Foundation
import Testing

@Suite struct IngestTests {
    @Test func sameArticleTwiceIsStoredOnceAndRaisesNothingNew() throws {
        try withStore { (store, _) throws in
            let a = article("a.txt", date: "2021-07-28", [dayFact(100, "2021-07-26"), dayFact(171, "2021-07-27", record: true)])
            let first = try store.add(a, content: "same bytes")
            #expect(first.alerts.map(\.value) == [171])
            let second = try store.add(a, content: "same bytes")
            #expect(second.isDuplicate)
            #expect(try store.count("articles") == 1)
            #expect(try store.count("facts") == 2)
            #expect(try store.count("alerts") == 1)
            #expect(try store.count("deliveries") == 1)
        }
    }

    @Test func fiveOutletsWithOneFigureMakeOneObservationWithFiveSources() throws {
        try withStore { (store, _) throws in
            for outlet in 1...5 {
                try store.add(article("outlet\(outlet).txt", date: "2021-07-28", [dayFact(171, "2021-07-27")]))
            }
            #expect(try store.count("observations") == 1)
            let shown = try #require(try store.shown("2021-07-27"))
            #expect(shown.value == 171 && shown.sources == 5 && shown.values == 1)
        }
    }

    @Test func disagreeingOutletsKeepEveryValueAndShowTheDocumentedOne() throws {
        try withStore { (store, _) throws in
            // approximate 4,000 first, then two outlets with an exact 3,027: exact wins.
            try store.add(article("a.txt", date: "2021-07-28", [dayFact(4000, "2021-07-27", bound: .approx)]))
            try store.add(article("b.txt", date: "2021-07-29", [dayFact(3027, "2021-07-27")]))
            #expect(try store.shown("2021-07-27")?.value == 3027)
            // Both exact: most sources wins, then the latest article.
            try store.add(article("c.txt", date: "2021-07-28", [dayFact(74, "2021-07-20")]))
            try store.add(article("d.txt", date: "2021-07-27", [dayFact(81, "2021-07-20")]))
            #expect(try store.shown("2021-07-20")?.value == 74, "same sources: the article of the latest date")
            try store.add(article("e.txt", date: "2021-07-21", [dayFact(81, "2021-07-20")]))
            #expect(try store.shown("2021-07-20")?.value == 81, "two sources beat one")
            let conflict = try #require(try store.shown("2021-07-20"))
            #expect(conflict.values == 2 && conflict.sources == 3)
            let id = try #require(try store.database.scalarInt("SELECT id FROM observations WHERE anchor = '2021-07-20'"))
            #expect(try store.reportedValues(observation: id).map(\.value) == [81, 74])
            #expect(try store.count("facts") == 5)
        }
    }

    @Test func articlesArrivingOutOfOrderGiveTheSameObservationsAsInOrder() throws {
        let articles = [
            article("1.txt", date: "2021-07-02", [dayFact(150, "2021-07-02")]),
            article("2.txt", date: "2021-07-28", [dayFact(171, "2021-07-27"), dayFact(150, "2021-07-02")]),
            article("3.txt", date: "2021-08-03", [dayFact(287, "2021-08-02"), dayFact(170, "2021-07-27", bound: .approx)]),
        ]
        func snapshot(_ order: [ExtractedArticle]) throws -> [String] {
            try withStore { (store, _) throws in
                for a in order { try store.add(a) }
                return try store.database.rows("SELECT anchor, value, sources, distinct_values FROM observations ORDER BY anchor") {
                    "\($0.string(0)) \($0.int(1)) \($0.int(2)) \($0.int(3))"
                }
            }
        }
        let inOrder = try snapshot(articles)
        #expect(inOrder == ["2021-07-02 150 2 1", "2021-07-27 171 2 2", "2021-08-02 287 1 1"])
        #expect(try snapshot(articles.reversed()) == inOrder)
    }

    @Test func forgetRemovesWhatRestedOnlyOnTheArticleAndRecomputesTheRest() throws {
        try withStore { (store, _) throws in
            try store.add(article("a.txt", date: "2021-07-28", [dayFact(171, "2021-07-27"), dayFact(90, "2021-07-26")]))
            try store.add(article("b.txt", date: "2021-07-28", [dayFact(180, "2021-07-27")]), content: "b bytes")
            try store.add(article("c.txt", date: "2021-07-29", [dayFact(180, "2021-07-27")]))
            #expect(try store.shown("2021-07-27")?.value == 180)
            let outcome = try store.forget("a.txt")
            #expect(outcome.facts == 2 && outcome.removedObservations == 1 && outcome.recomputedObservations == 1)
            #expect(try store.shown("2021-07-26") == nil)
            let after = try #require(try store.shown("2021-07-27"))
            #expect(after.value == 180 && after.sources == 2 && after.values == 1)
            // By hash prefix, then nothing is left on 07-27 once both are gone.
            _ = try store.forget(String(Store.contentHash(Array("b bytes".utf8)).prefix(8)))
            _ = try store.forget("c.txt")
            #expect(try store.count("observations") == 0 && store.count("facts") == 0)
            #expect(throws: ArticleLookupError.self) { try store.forget("missing.txt") }
            // The alert stays, detached from the forgotten article.
            #expect(try store.database.scalarInt("SELECT COUNT(*) FROM alerts WHERE article_id IS NULL") == Int64(store.count("alerts")))
        }
    }

    @Test func quietIngestStoresFactsButRaisesNoAlert() throws {
        try withStore { (store, _) throws in
            let outcome = try store.add(article("a.txt", date: "2021-07-28", [dayFact(171, "2021-07-27", record: true)]),
                                        raiseAlerts: false)
            #expect(outcome.alerts.isEmpty)
            #expect(try store.count("alerts") == 0 && store.count("facts") == 1)
        }
    }

    @Test func batchIngestCommitsEachArticleWhole() throws {
        try withStore { (store, _) throws in
            let items = (1...3).map { (article: article("\($0).txt", date: "2021-07-28", [dayFact($0 * 10, "2021-07-2\($0)")]),
                                       content: Array("article \($0)".utf8)) }
            let results = try store.ingest(batch: items + [items[0]], raiseAlerts: true, rules: RulesConfiguration(),
                                           destinations: [], now: Date())
            #expect(results.count == 4)
            #expect((try? results[3].get())?.isDuplicate == true)
            #expect(try store.count("articles") == 3 && store.count("observations") == 3)
            // Without alerts the observations are recomputed once, at the end of the batch.
            let quiet = (4...6).map { (article: article("\($0).txt", date: "2021-07-28", [dayFact(10 + $0 % 2, "2021-07-21")]),
                                       content: Array("quiet \($0)".utf8)) }
            _ = try store.ingest(batch: quiet, raiseAlerts: false, rules: RulesConfiguration(), destinations: [], now: Date())
            let shown = try #require(try store.shown("2021-07-21"))
            #expect(shown.value == 10 && shown.sources == 4 && shown.values == 2, "10 from 1, 4 and 6; 11 from 5")
        }
    }

    @Test func anArticleThroughTheExtractorIsStoredWithItsMetadata() throws {
        try withStore { (store, _) throws in
            let bytes = Array(" date 2021-07-28 Lithuania detained 171 migrants on Tuesday.\n".utf8)
            let extracted = Extractor().extract(bytes, fileName: "x.txt", fallbackDate: day("2021-07-28"))
            let outcome = try store.ingest(extracted, content: bytes, raiseAlerts: true, rules: RulesConfiguration(),
                                           destinations: [], now: Date())
            guard case .stored(_, let facts, _, _, _) = outcome else { Issue.record("not stored"); return }
            #expect(try store.count("facts") == facts)
            #expect(try store.database.scalarString("SELECT date FROM articles WHERE file_name = 'x.txt'") == "2021-07-28")
        }
    }
}
