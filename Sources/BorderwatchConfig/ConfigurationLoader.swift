import BorderwatchCore
import Foundation

/// Finds and loads the TOML configuration file.
public enum ConfigurationLoader {
    /// Loads `path`, or the first configuration file found in the usual places, or the defaults.
    public static func load(path: String?) throws -> Configuration {
        // The TOML reader lands with the daemon work; until then only the defaults exist.
        if let path, FileManager.default.fileExists(atPath: path) {
            throw ConfigurationError(message: "\(path): reading configuration files is not built yet")
        }
        return Configuration()
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
