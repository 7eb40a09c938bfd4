import BorderwatchCore
import Foundation

enum Samples {
    /// A daily record whose article text tries every trick: mentions, links, Markdown, HTML.
    static let hostileTitle = "@everyone <!channel> @here [click](https://evil.example/x) *bold* <users/all> & <b>"
    static let hostileEvidence = "Border guards said 287 people crossed @channel <@U123> ~~gone~~ `code` > quote\n# heading"

    static func alert(id: String = "dr-LT-arrivals-2021-07-27", title: String = hostileTitle,
                      evidence: String = hostileEvidence, sources: Int = 1) -> AlertEvent {
        AlertEvent(id: id, kind: .dailyRecord, region: "LT", via: "BY", metric: .arrivals, value: 287,
                   date: Day(year: 2021, month: 7, day: 27)!, previous: .day(value: 150, date: Day(year: 2021, month: 7, day: 20)!),
                   sources: (0..<sources).map { index in
                       AlertSource(article: "lrt-\(index).txt", title: title, url: "https://www.lrt.lt/en/news/\(index)?a=1&b=2",
                                   evidence: evidence)
                   },
                   text: "Lithuania counted 287 irregular arrivals from Belarus on 2021-07-27, a record for the year.")
    }

    static func json(_ data: Data) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
