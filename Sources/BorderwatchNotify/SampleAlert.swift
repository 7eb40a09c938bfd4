import BorderwatchCore
import Foundation

extension AlertEvent {
    /// The alert `borderwatch test-webhook` posts: plainly a test, with a fresh id each
    /// time so receivers that deduplicate by id (Google Chat's `requestId`) still show it.
    public static func sample(now: Date = Date()) -> AlertEvent {
        let seconds = Int(now.timeIntervalSince1970)
        let today = Day(ordinal: seconds / 86_400)
        return AlertEvent(
            id: "borderwatch-test-\(seconds)", kind: .dailyRecord, region: "LT", via: "BY", metric: .arrivals, value: 287,
            date: today, previous: .day(value: 150, date: today.adding(days: -7)),
            sources: [AlertSource(article: "borderwatch-test.txt", title: "borderwatch test message",
                                  url: "https://example.org/borderwatch-test",
                                  evidence: "This is a test alert from borderwatch; no figure was reported.")],
            text: "Test alert from borderwatch: 287 arrivals in LT from BY on \(today.iso) would be a new daily record.")
    }
}
