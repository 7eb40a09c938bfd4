import BorderwatchCore
import Foundation
import TOMLKit

/// Finds, reads and validates borderwatch's TOML configuration.
///
/// Every key of `config/borderwatch.toml` is documented there with its default. Unknown keys
/// and values of the wrong type or out of range are errors naming the dotted key. Relative
/// paths stay relative to the working directory, as given.
public enum ConfigurationLoader {
    /// Loads the file at `path`, or the first one found by ``searchPath(explicit:environment:fileExists:)``;
    /// the defaults when there is none.
    public static func load(path: String?) throws -> Configuration {
        try load(path: path, environment: ProcessInfo.processInfo.environment)
    }

    /// ``load(path:)`` with the environment given, for tests.
    public static func load(path: String?, environment: [String: String]) throws -> Configuration {
        guard let file = try searchPath(explicit: path, environment: environment,
                                        fileExists: { FileManager.default.fileExists(atPath: $0) }) else {
            return Configuration()
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ConfigurationError(key: nil, message: "cannot read the configuration file (\(error.localizedDescription))", file: file)
        }
        do {
            return try parse(text, environment: environment)
        } catch var error as ConfigurationError {
            error.file = file
            throw error
        }
    }

    /// The configuration file to read: `explicit` (`--config`) when given, then `$BORDERWATCH_CONFIG`,
    /// `$CONFIGURATION_DIRECTORY/borderwatch.toml` (systemd `ConfigurationDirectory=`),
    /// `./config/borderwatch.toml`, `/etc/borderwatch/borderwatch.toml`; `nil` when none exists.
    ///
    /// A file asked for explicitly (flag or `$BORDERWATCH_CONFIG`) must exist.
    public static func searchPath(explicit: String?, environment: [String: String],
                                  fileExists: (String) -> Bool) throws -> String? {
        if let explicit {
            guard fileExists(explicit) else {
                throw ConfigurationError(key: nil, message: "no such configuration file (given with --config)", file: explicit)
            }
            return explicit
        }
        if let named = environment["BORDERWATCH_CONFIG"], !named.isEmpty {
            guard fileExists(named) else {
                throw ConfigurationError(key: nil, message: "no such configuration file (named by $BORDERWATCH_CONFIG)", file: named)
            }
            return named
        }
        var candidates: [String] = []
        if let directory = environment["CONFIGURATION_DIRECTORY"], !directory.isEmpty {
            // systemd may list several directories separated by colons; the first is ours.
            let first = directory.split(separator: ":").first.map(String.init) ?? directory
            candidates.append(first + "/borderwatch.toml")
        }
        candidates += ["./config/borderwatch.toml", "/etc/borderwatch/borderwatch.toml"]
        return candidates.first(where: fileExists)
    }

    /// Parses and validates TOML text, reading secrets from the process environment.
    public static func parse(_ toml: String) throws -> Configuration {
        try parse(toml, environment: ProcessInfo.processInfo.environment)
    }

    /// ``parse(_:)`` with the environment given (`$CREDENTIALS_DIRECTORY` for `secret_credential`).
    public static func parse(_ toml: String, environment: [String: String]) throws -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw ConfigurationError(key: nil, message: "not valid TOML at line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        }
        var reader = TableReader(table: table, prefix: "")
        return try reader.configuration(environment: environment)
    }
}
