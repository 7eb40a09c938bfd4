import BorderwatchCore

/// What a chat message says about an alert, before any tool's escaping or limits.
///
/// Every string here may come from an article (titles, evidence, even the alert text),
/// so formats must escape all of them; only `link` values are used as link targets,
/// and only when they are plain `http(s)` URLs.
struct AlertMessage: Equatable {
    struct Source: Equatable {
        var title: String
        /// An `http(s)` URL without whitespace, or nil.
        var link: String?
        var evidence: String
    }

    /// "New daily record: 287 arrivals in LT on 2021-07-27".
    var headline: String
    /// The alert's own sentence.
    var text: String
    /// Label and value pairs: region, metric, value, day, previous figure, threshold.
    var facts: [(label: String, value: String)]
    var sources: [Source]

    static func == (lhs: AlertMessage, rhs: AlertMessage) -> Bool {
        lhs.headline == rhs.headline && lhs.text == rhs.text && lhs.sources == rhs.sources
            && lhs.facts.map(\.label) == rhs.facts.map(\.label) && lhs.facts.map(\.value) == rhs.facts.map(\.value)
    }

    /// At most this many sources are shown; the rest are counted in a last line.
    static let maxSources = 5

    init(_ alert: AlertEvent) {
        let metric = alert.metric.rawValue.replacingOccurrences(of: "_", with: " ")
        let value = AlertMessage.figure(alert.value, alert.bound)
        let place = alert.via.map { "\(alert.region) (from \($0))" } ?? alert.region
        switch alert.kind {
        case .dailyRecord:
            headline = "New daily record: \(value) \(metric) in \(place) on \(alert.date.iso)"
        case .dailyThreshold:
            headline = "Daily \(metric) in \(place) passed \(alert.threshold.map(String.init) ?? "a threshold"): \(value) on \(alert.date.iso)"
        case .ytdMilestone:
            headline = "\(place) \(metric) this year passed \(alert.threshold.map(String.init) ?? "a milestone"): \(value) as of \(alert.date.iso)"
        case .ytdExceedsYear:
            if case .year(let year, _)? = alert.previous {
                headline = "\(place) \(metric) this year already exceed all of \(year): \(value) as of \(alert.date.iso)"
            } else {
                headline = "\(place) \(metric) this year exceed last year's total: \(value) as of \(alert.date.iso)"
            }
        }
        text = alert.text
        var facts: [(String, String)] = [("Region", place), ("Metric", metric), ("Value", value)]
        facts.append((alert.kind == .dailyRecord || alert.kind == .dailyThreshold ? "Day" : "As of", alert.date.iso))
        switch alert.previous {
        case .day(let value, let date)?:
            facts.append(("Previous record", "\(value) on \(date.iso)" + (alert.previousSource.map { " (\($0))" } ?? "")))
        case .year(let year, let value)?: facts.append(("\(year) total", String(value)))
        case nil: if alert.kind == .dailyRecord { facts.append(("Previous record", "none stored")) }
        }
        if let threshold = alert.threshold { facts.append(("Threshold", String(threshold))) }
        if let why = alert.why { facts.append(("Why", why)) }
        self.facts = facts
        sources = alert.sources.map { source in
            Source(title: source.title ?? source.article, link: source.url.flatMap(AlertMessage.plainLink),
                   evidence: source.evidence)
        }
    }

    static func figure(_ value: Int, _ bound: Bound) -> String {
        switch bound {
        case .exact: return String(value)
        case .approx: return "about \(value)"
        case .atLeast: return "at least \(value)"
        case .atMost: return "up to \(value)"
        }
    }

    /// `url` if it is a plain `http(s)` URL fit to be a link target, else nil.
    static func plainLink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.utf8.count <= 2000,
              !url.contains(where: { $0.isWhitespace || "<>|\"`()[]".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true })
        else { return nil }
        return url
    }
}
