import ArgumentParser
import BorderwatchConfig
import BorderwatchCore

/// `--config` and `--database`, shared by every command that touches the database.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The configuration file (default: $BORDERWATCH_CONFIG, then ./config/borderwatch.toml, then /etc/borderwatch/borderwatch.toml).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("The SQLite database (default: the configuration's `database`).", valueName: "FILE"))
    var database: String?

    /// The configuration with the flags applied over it.
    func configuration() throws -> Configuration {
        var configuration = try ConfigurationLoader.load(path: config)
        if let database { configuration.database = database }
        return configuration
    }
}
