import BorderwatchCore
import Foundation
import TOMLKit

/// Reads typed values out of one TOML table, remembering which keys were used so that
/// any key left over can be reported as unknown.
struct TableReader {
    let table: TOMLTable
    /// Dotted path of this table, such as `rules.` (with the trailing dot) or `destinations[1].`.
    let prefix: String
    private var used: Set<String> = []

    init(table: TOMLTable, prefix: String) {
        self.table = table
        self.prefix = prefix
    }

    func fail(_ key: String, _ message: String) -> ConfigurationError {
        ConfigurationError(key: prefix + key, message: message)
    }

    private mutating func value(_ key: String) -> TOMLValue? {
        used.insert(key)
        return table[key]?.tomlValue
    }

    mutating func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else { throw fail(key, "expected a string in quotes, got a \(value.type)") }
        return text
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) throws -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.int else { throw fail(key, "expected a whole number, got a \(value.type)") }
        guard range.contains(number) else { throw fail(key, "must be between \(range.lowerBound) and \(range.upperBound), got \(number)") }
        return number
    }

    /// A number of seconds; integers are accepted too.
    mutating func seconds(_ key: String) throws -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw fail(key, "expected a number of seconds, got a \(value.type)")
        }
        guard number > 0, number.isFinite else { throw fail(key, "must be a positive number of seconds, got \(number)") }
        return number
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.bool else { throw fail(key, "expected true or false, got a \(value.type)") }
        return flag
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = E(rawValue: text) else {
            throw fail(key, "expected one of \(E.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return choice
    }

    mutating func table(_ key: String) throws -> TableReader? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw fail(key, "expected a table ([\(prefix + key)]), got a \(value.type)") }
        return TableReader(table: table, prefix: prefix + key + ".")
    }

    /// An array of tables (`[[key]]`), each with its index in the dotted path.
    mutating func tables(_ key: String) throws -> [TableReader] {
        guard let value = value(key) else { return [] }
        guard let array = value.array else { throw fail(key, "expected an array of tables ([[\(prefix + key)]]), got a \(value.type)") }
        return try array.enumerated().map { index, element in
            guard let table = element.tomlValue.table else {
                throw fail("\(key)[\(index)]", "expected a table, got a \(element.tomlValue.type)")
            }
            return TableReader(table: table, prefix: "\(prefix)\(key)[\(index)].")
        }
    }

    /// Throws for the first key of the table that no reader asked for.
    func rejectUnknownKeys() throws {
        for key in table.keys.sorted() where !used.contains(key) {
            throw fail(key, "unknown key (see config/borderwatch.toml for every key and its default)")
        }
    }
}

extension TableReader {
    mutating func configuration(environment: [String: String]) throws -> Configuration {
        var config = Configuration()
        if let inbox = try path("inbox") { config.inbox = inbox }
        if let processed = try path("processed_directory") { config.processedDirectory = processed }
        if let failed = try path("failed_directory") { config.failedDirectory = failed }
        if let database = try path("database") { config.database = database }
        if let bytes = try int("max_article_bytes", range: 1...Int(Int32.max)) { config.maxArticleBytes = bytes }
        if let metrics = try string("metrics_file") { config.metricsFile = metrics }
        if var rules = try table("rules") {
            config.rules = try rules.rules()
            try rules.rejectUnknownKeys()
        }
        if var delivery = try table("delivery") {
            config.delivery = try delivery.delivery()
            try delivery.rejectUnknownKeys()
        }
        var names: Set<String> = []
        for var entry in try tables("destinations") {
            let destination = try entry.destination(environment: environment)
            guard names.insert(destination.name).inserted else {
                throw entry.fail("name", "\"\(destination.name)\" is used by another destination; names must be unique")
            }
            try entry.rejectUnknownKeys()
            config.destinations.append(destination)
        }
        try rejectUnknownKeys()
        return config
    }

    private mutating func path(_ key: String) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.isEmpty else { throw fail(key, "must not be empty") }
        return text
    }

    mutating func rules() throws -> RulesConfiguration {
        var rules = RulesConfiguration()
        if var record = try table("daily_record") {
            if let enabled = try record.bool("enabled") { rules.dailyRecord.enabled = enabled }
            if let scope = try record.choice("scope", RulesConfiguration.DailyRecordRule.Scope.self) { rules.dailyRecord.scope = scope }
            try record.rejectUnknownKeys()
        }
        for var entry in try tables("daily_thresholds") {
            guard let region = try entry.string("region") else { throw entry.fail("region", "missing: give an alpha-2 region code such as \"LT\", or \"*\"") }
            guard region == "*" || (region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase }) else {
                throw entry.fail("region", "expected an upper-case alpha-2 code such as \"LT\", or \"*\", got \"\(region)\"")
            }
            guard let metric = try entry.choice("metric", Metric.self) else { throw entry.fail("metric", "missing: give one of \(Metric.allCases.map(\.rawValue).joined(separator: ", "))") }
            guard let level = try entry.int("level", range: 1...Int.max) else { throw entry.fail("level", "missing: give the daily figure that raises the alert") }
            try entry.rejectUnknownKeys()
            rules.dailyThresholds.append(.init(region: region, metric: metric, level: level))
        }
        if let step = try int("ytd_milestone_step", range: 0...Int.max) { rules.ytdMilestoneStep = step }
        if let exceeds = try bool("ytd_exceeds_year") { rules.ytdExceedsYear = exceeds }
        if let window = try int("news_window_days", range: 0...36_600) { rules.newsWindowDays = window }
        if let factor = try int("hold_jump_factor", range: 0...1_000_000) { rules.holdJumpFactor = factor }
        if let corroborate = try bool("weak_needs_corroboration") { rules.weakNeedsCorroboration = corroborate }
        if let corroborate = try bool("weak_records_need_corroboration") { rules.weakRecordsNeedCorroboration = corroborate }
        if let fileTime = try bool("alerts_from_file_time") { rules.alertsFromFileTime = fileTime }
        return rules
    }

    mutating func delivery() throws -> DeliveryConfiguration {
        var delivery = DeliveryConfiguration()
        if let connect = try seconds("connect_timeout") { delivery.connectTimeout = connect }
        if let total = try seconds("total_timeout") { delivery.totalTimeout = total }
        if let caFile = try string("ca_file") { delivery.caFile = caFile }
        if let initial = try seconds("initial_backoff") { delivery.initialBackoff = initial }
        if let maximum = try seconds("max_backoff") { delivery.maxBackoff = maximum }
        guard delivery.initialBackoff <= delivery.maxBackoff else {
            throw fail("initial_backoff", "must not exceed max_backoff (\(delivery.maxBackoff))")
        }
        return delivery
    }

    mutating func destination(environment: [String: String]) throws -> Destination {
        guard let name = try string("name"), !name.isEmpty else { throw fail("name", "missing: give each destination a name, such as \"ops\"") }
        let format = try choice("format", DestinationFormat.self) ?? .generic
        guard let url = try string("url") else { throw fail("url", "missing: give the webhook URL") }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme), parsed.host != nil else {
            throw fail("url", "expected an http:// or https:// URL")
        }
        var secret: String?
        var sources: [String] = []
        if let inline = try string("secret") { secret = inline; sources.append("secret") }
        if let credential = try string("secret_credential") {
            sources.append("secret_credential")
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                throw fail("secret_credential", "$CREDENTIALS_DIRECTORY is not set: run under systemd with LoadCredential=\(credential):/path/to/secret")
            }
            secret = try readSecret(key: "secret_credential", path: directory + "/" + credential)
        }
        if let file = try string("secret_file") {
            sources.append("secret_file")
            secret = try readSecret(key: "secret_file", path: file)
        }
        guard sources.count <= 1 else { throw fail(sources[1], "give only one of secret, secret_credential, secret_file") }
        if let secret {
            guard format == .generic else { throw fail(sources[0], "only generic destinations are signed; remove it or set format = \"generic\"") }
            guard secret.hasPrefix("whsec_"), secret.count > 6 else {
                throw fail(sources[0], "expected a Standard Webhooks secret starting with whsec_")
            }
        }
        return Destination(name: name, format: format, url: url, secret: secret)
    }

    private func readSecret(key: String, path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw fail(key, "cannot read the secret from \(path)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
