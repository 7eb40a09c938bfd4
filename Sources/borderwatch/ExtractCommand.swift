import ArgumentParser

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Print every statistic found in article files.")

    func run() async throws {
        throw ValidationError("extract is not built yet")
    }
}
