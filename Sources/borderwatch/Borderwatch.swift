import ArgumentParser

@main
struct Borderwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "borderwatch",
        abstract: "Turns news reports about irregular migration into trusted figures and alerts.",
        subcommands: [
            RunCommand.self,
            ExtractCommand.self,
            IngestCommand.self,
            ForgetCommand.self,
            StatsCommand.self,
            SeriesCommand.self,
            FactsCommand.self,
            ChartCommand.self,
            AlertsCommand.self,
            TestWebhookCommand.self,
        ]
    )
}
