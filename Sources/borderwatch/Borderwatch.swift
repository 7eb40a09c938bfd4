import ArgumentParser

@main
struct Borderwatch: AsyncParsableCommand {
    /// The release, as `borderwatch --version` prints it and the Debian package is named.
    static let version = "0.5.0"

    static let configuration = CommandConfiguration(
        commandName: "borderwatch",
        abstract: "Turns news reports about irregular migration into trusted figures and alerts.",
        version: Borderwatch.version,
        subcommands: [
            RunCommand.self,
            ExtractCommand.self,
            IngestCommand.self,
            ReplayCommand.self,
            RequeueCommand.self,
            ForgetCommand.self,
            StatsCommand.self,
            SeriesCommand.self,
            FactsCommand.self,
            ChartCommand.self,
            AlertsCommand.self,
            TestWebhookCommand.self,
        ]
    )

    /// Parses the command line (long file lists through `FileOperands`) and runs the command.
    static func main() async {
        let (parsed, files) = FileOperands.split(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(parsed)
            if !files.isEmpty, var withFiles = command as? any FileOperandCommand {
                withFiles.files += files
                command = withFiles
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
