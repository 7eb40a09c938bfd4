import ArgumentParser

struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "The daily series of one region and metric.")

    func run() async throws {
        throw ValidationError("series is not built yet")
    }
}
