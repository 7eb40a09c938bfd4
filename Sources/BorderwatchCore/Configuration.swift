/// Everything the daemon and the commands can be configured with, with the defaults
/// of a new install. `BorderwatchConfig` loads it from the TOML file in `config/`;
/// command-line flags override it.
public struct Configuration: Hashable, Sendable {
    /// Directory watched for new article files.
    public var inbox: String = "./inbox"
    /// Where processed files go; relative paths are resolved against the inbox.
    public var processedDirectory: String = "processed"
    /// Where unusable files go, each with a `NAME.reason` beside it.
    public var failedDirectory: String = "failed"
    /// The SQLite database file.
    public var database: String = "./var/borderwatch.sqlite"
    /// Files larger than this are refused without being read whole.
    public var maxArticleBytes: Int = 10 * 1024 * 1024
    /// Where the daemon writes its OpenMetrics text file (node_exporter's textfile collector);
    /// empty turns it off.
    public var metricsFile: String = ""
    /// Alert rules and their parameters.
    public var rules = RulesConfiguration()
    /// How alerts are delivered.
    public var delivery = DeliveryConfiguration()
    /// Named webhook destinations.
    public var destinations: [Destination] = []

    public init() {}
}

/// Parameters of the threshold rules (issue "Alerts").
public struct RulesConfiguration: Hashable, Sendable {
    public var dailyRecord = DailyRecordRule()
    /// `daily_threshold` levels; empty means the rule never fires.
    public var dailyThresholds: [DailyThreshold] = []
    /// `ytd_milestone` fires each time a running total passes a multiple of this; 0 disables it.
    public var ytdMilestoneStep: Int = 1000
    /// `ytd_exceeds_year` fires when a running total passes last year's whole total.
    public var ytdExceedsYear: Bool = true
    /// Figures whose day (or as-of day) is more than this many days before the article's own
    /// date are stored but not announced.
    public var newsWindowDays: Int = 7
    /// A day figure at least this many times another figure its article gives for the same
    /// series and day is held (a running total misread as a day); 0 turns the check off.
    public var holdJumpFactor: Int = 10
    /// Whether a weakly read day figure (see `Fact.strength`) that the text does not call a record,
    /// or that a firm figure of the same day in its article does not allow, waits for a second
    /// article to report it (`true`, the default) or announces at once. Replaying the timelines of
    /// dev, dev2, dev3 and dev-multilingual it kept 6 false record alerts out and no true one.
    public var weakNeedsCorroboration: Bool = true
    /// Whether a weakly read day figure that the text calls a record waits too (`false` by
    /// default): on the same replays that held 3 true record alerts for 1 false one.
    public var weakRecordsNeedCorroboration: Bool = false
    /// Whether an article dated only by its file's modification time raises alerts (marked "dated
    /// by the file's time" in their text); `false` stores its facts without announcing them.
    public var alertsFromFileTime: Bool = true

    public init() {}

    public struct DailyRecordRule: Hashable, Sendable {
        public var enabled: Bool = true
        public var scope: Scope = .year
        public init() {}

        public enum Scope: String, Hashable, Sendable, CaseIterable {
            /// A record within the same calendar year (SCHEMA.md).
            case year
            /// A record over every day ever stored.
            case allTime = "all_time"
        }
    }

    public struct DailyThreshold: Hashable, Sendable {
        /// Alpha-2 region code, or `*` for every region.
        public var region: String
        public var metric: Metric
        public var level: Int

        public init(region: String, metric: Metric, level: Int) {
            self.region = region
            self.metric = metric
            self.level = level
        }
    }
}

/// How the notifier talks to webhook receivers.
public struct DeliveryConfiguration: Hashable, Sendable {
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Double = 5
    /// Seconds allowed for a whole request.
    public var totalTimeout: Double = 15
    /// A PEM bundle of private CAs to trust in addition to (not instead of) verification.
    public var caFile: String? = nil
    /// First retry delay in seconds; doubled each attempt up to `maxBackoff`, with jitter.
    public var initialBackoff: Double = 1
    public var maxBackoff: Double = 300

    public init() {}
}

/// Which chat tool or generic receiver a destination speaks to.
public enum DestinationFormat: String, Hashable, Sendable, CaseIterable, Codable {
    case generic, slack, mattermost, discord, teams, googlechat
}

/// A named webhook destination.
public struct Destination: Hashable, Sendable {
    public var name: String
    public var format: DestinationFormat
    public var url: String
    /// `generic`: the `whsec_...` Standard Webhooks signing secret.
    public var secret: String?

    public init(name: String, format: DestinationFormat, url: String, secret: String? = nil) {
        self.name = name
        self.format = format
        self.url = url
        self.secret = secret
    }
}
