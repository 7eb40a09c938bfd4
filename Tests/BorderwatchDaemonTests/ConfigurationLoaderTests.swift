import BorderwatchConfig
import BorderwatchCore
import BorderwatchTestSupport
import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct ConfigurationLoaderTests {
    @Test func emptyTextGivesTheDefaults() throws {
        #expect(try ConfigurationLoader.parse("", environment: [:]) == Configuration())
    }

    @Test func theShippedConfigDocumentsExactlyTheDefaults() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("config/borderwatch.toml"), encoding: .utf8)
        #expect(try ConfigurationLoader.parse(text, environment: [:]) == Configuration())
    }

    @Test func theSystemdConfigPointsIntoTheStateDirectory() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/borderwatch.toml"), encoding: .utf8)
        let config = try ConfigurationLoader.parse(text, environment: [:])
        #expect(config.inbox == "/var/lib/borderwatch/inbox")
        #expect(config.database == "/var/lib/borderwatch/borderwatch.sqlite")
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationLoader.parse("""
            inbox = "/srv/in"
            processed_directory = "/srv/done"
            failed_directory = "bad"
            database = "/srv/db.sqlite"
            max_article_bytes = 2048
            [rules]
            news_window_days = 3
            ytd_milestone_step = 500
            ytd_exceeds_year = false
            [rules.daily_record]
            enabled = false
            scope = "all_time"
            [[rules.daily_thresholds]]
            region = "LT"
            metric = "arrivals"
            level = 100
            [delivery]
            connect_timeout = 2
            total_timeout = 7.5
            ca_file = "/etc/ca.pem"
            initial_backoff = 0.5
            max_backoff = 60
            [[destinations]]
            name = "ops"
            url = "https://hooks.example.org/x"
            secret = "whsec_abc"
            [[destinations]]
            name = "chat"
            format = "slack"
            url = "https://hooks.slack.com/services/T/B/C"
            """, environment: [:])
        var expected = Configuration()
        expected.inbox = "/srv/in"
        expected.processedDirectory = "/srv/done"
        expected.failedDirectory = "bad"
        expected.database = "/srv/db.sqlite"
        expected.maxArticleBytes = 2048
        expected.rules.newsWindowDays = 3
        expected.rules.ytdMilestoneStep = 500
        expected.rules.ytdExceedsYear = false
        expected.rules.dailyRecord.enabled = false
        expected.rules.dailyRecord.scope = .allTime
        expected.rules.dailyThresholds = [.init(region: "LT", metric: .arrivals, level: 100)]
        expected.delivery.connectTimeout = 2
        expected.delivery.totalTimeout = 7.5
        expected.delivery.caFile = "/etc/ca.pem"
        expected.delivery.initialBackoff = 0.5
        expected.delivery.maxBackoff = 60
        expected.destinations = [
            Destination(name: "ops", format: .generic, url: "https://hooks.example.org/x", secret: "whsec_abc"),
            Destination(name: "chat", format: .slack, url: "https://hooks.slack.com/services/T/B/C"),
        ]
        #expect(config == expected)
    }

    /// Each bad file, and the dotted key its error must name.
    static let badFiles: [(String, String)] = [
        ("inbx = \"x\"", "inbx"),
        ("[rules]\ncolour = 1", "rules.colour"),
        ("[rules.daily_record]\nscope = \"decade\"", "rules.daily_record.scope"),
        ("max_article_bytes = \"big\"", "max_article_bytes"),
        ("max_article_bytes = 0", "max_article_bytes"),
        ("database = \"\"", "database"),
        ("[delivery]\ntotal_timeout = -1", "delivery.total_timeout"),
        ("[delivery]\ninitial_backoff = 10\nmax_backoff = 5", "delivery.initial_backoff"),
        ("[[rules.daily_thresholds]]\nregion = \"lt\"\nmetric = \"arrivals\"\nlevel = 5", "rules.daily_thresholds[0].region"),
        ("[[rules.daily_thresholds]]\nregion = \"LT\"\nmetric = \"boats\"\nlevel = 5", "rules.daily_thresholds[0].metric"),
        ("[[destinations]]\nname = \"a\"\nurl = \"ftp://x\"", "destinations[0].url"),
        ("[[destinations]]\nname = \"a\"\nurl = \"https://x.org\"\nformat = \"irc\"", "destinations[0].format"),
        ("[[destinations]]\nname = \"a\"\nurl = \"https://x.org\"\ncolour = 1", "destinations[0].colour"),
        ("[[destinations]]\nname = \"a\"\nurl = \"https://x.org\"\n[[destinations]]\nname = \"a\"\nurl = \"https://y.org\"", "destinations[1].name"),
        ("[[destinations]]\nname = \"a\"\nurl = \"https://x.org\"\nsecret = \"plain\"", "destinations[0].secret"),
        ("[[destinations]]\nname = \"a\"\nformat = \"slack\"\nurl = \"https://x.org\"\nsecret = \"whsec_x\"", "destinations[0].secret"),
        ("[[destinations]]\nname = \"a\"\nurl = \"https://x.org\"\nsecret_credential = \"hook\"", "destinations[0].secret_credential"),
    ]

    @Test(arguments: badFiles)
    func badValuesAreErrorsNamingTheKey(text: String, key: String) {
        #expect {
            try ConfigurationLoader.parse(text, environment: [:])
        } throws: { error in
            (error as? ConfigurationError)?.key == key
        }
    }

    @Test func invalidTOMLSaysWhere() {
        #expect {
            try ConfigurationLoader.parse("inbox = \n", environment: [:])
        } throws: { error in
            "\(error)".contains("line 1")
        }
    }

    @Test func secretsComeFromSystemdCredentialsAndFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "whsec_fromcredential\n".write(toFile: dir.path + "/hook", atomically: true, encoding: .utf8)
        try "whsec_fromfile".write(toFile: dir.path + "/file.secret", atomically: true, encoding: .utf8)
        let config = try ConfigurationLoader.parse("""
            [[destinations]]
            name = "a"
            url = "https://x.org"
            secret_credential = "hook"
            [[destinations]]
            name = "b"
            url = "https://y.org"
            secret_file = "\(dir.path)/file.secret"
            """, environment: ["CREDENTIALS_DIRECTORY": dir.path])
        #expect(config.destinations.map(\.secret) == ["whsec_fromcredential", "whsec_fromfile"])
    }

    @Test func searchOrderFollowsTheIssue() throws {
        let all: Set<String> = ["/run/cfg/borderwatch.toml", "./config/borderwatch.toml", "/etc/borderwatch/borderwatch.toml", "/env.toml"]
        func search(_ explicit: String?, _ env: [String: String], _ present: Set<String>) throws -> String? {
            try ConfigurationLoader.searchPath(explicit: explicit, environment: env, fileExists: present.contains)
        }
        #expect(try search("/env.toml", ["BORDERWATCH_CONFIG": "/nope"], all) == "/env.toml")
        #expect(try search(nil, ["BORDERWATCH_CONFIG": "/env.toml", "CONFIGURATION_DIRECTORY": "/run/cfg"], all) == "/env.toml")
        #expect(try search(nil, ["CONFIGURATION_DIRECTORY": "/run/cfg"], all) == "/run/cfg/borderwatch.toml")
        #expect(try search(nil, [:], all) == "./config/borderwatch.toml")
        #expect(try search(nil, [:], ["/etc/borderwatch/borderwatch.toml"]) == "/etc/borderwatch/borderwatch.toml")
        #expect(try search(nil, [:], []) == nil)
        #expect(throws: ConfigurationError.self) { try search("/missing.toml", [:], all) }
        #expect(throws: ConfigurationError.self) { try search(nil, ["BORDERWATCH_CONFIG": "/missing.toml"], all) }
    }
}
