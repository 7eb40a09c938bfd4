import ArgumentParser

struct FactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "facts", abstract: "The sentences and articles behind the stored figures.")

    func run() async throws {
        throw ValidationError("facts is not built yet")
    }
}
