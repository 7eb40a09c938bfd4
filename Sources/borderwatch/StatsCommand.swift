import ArgumentParser

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Per region and metric: latest day, record day, year to date, last year, sources.")

    func run() async throws {
        throw ValidationError("stats is not built yet")
    }
}
